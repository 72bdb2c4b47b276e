import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createDatabase, databaseUrl, dropDatabase, TEST_DB_PREFIX } from '../setup/test-database';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { login } from '../support/auth-helpers';
import { freePort } from '../support/free-port';
import { KuzetProcess, REPO_ROOT, startKuzet, waitForOk } from '../support/kuzet-process';

/**
 * /admin in a real browser (Debian chromium via playwright-core) against the BUILT app on its own
 * database with the fixture catalog (agencies nit and mju), no probing. Screenshots go to
 * test/artifacts/ (gitignored).
 */
const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const ADMIN = { email: 'admin@admin-ui.kuzet', password: 'admin-ui-password-1' };
const OPERATOR = { email: 'operator.nit@admin-ui.kuzet', name: 'NIT operator', password: 'operator-password-1' };

async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/admin`);
  await page.getByTestId('login-form').waitFor();
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('admin').waitFor();
}

const userRow = (page: Page, email: string) => page.locator(`[data-testid="user-row"][data-email="${email}"]`);

describe('/admin: users and audit log (browser, built app, fixture catalog)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kuzet-admin-browser-'));
  const database = `${TEST_DB_PREFIX}admin_ui_${Date.now()}_${process.pid}`;
  let dbCreated = false;
  let app: KuzetProcess;
  let browser: BrowserSession;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await createDatabase(database);
    dbCreated = true;
    // A copy: the app owns its catalog folder and may write to it.
    const catalogDir = join(tmp, 'catalog');
    cpSync(join(REPO_ROOT, 'test/fixtures/catalog/valid'), catalogDir, { recursive: true });
    app = startKuzet(
      {
        DATABASE_URL: databaseUrl(database),
        KUZET_DATA_DIR: join(tmp, 'data'),
        KUZET_DEMO: 'false',
        KUZET_CATALOG_DIR: catalogDir,
        KUZET_CATALOG_WATCH: 'false',
        KUZET_EMBEDDED_AGENT: 'false',
        KUZET_PROBE_ALLOW: '127.0.0.0/8',
        KUZET_SIMULATOR_CONTROL_PORT: String(await freePort()),
        KUZET_ADMIN_EMAIL: ADMIN.email,
        KUZET_ADMIN_PASSWORD: ADMIN.password,
        KUZET_LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await waitForOk(`${app.baseUrl}/api/health`, 90_000, app);
    browser = await launchBrowser();
  }, 150_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop(15_000);
    if (dbCreated) await dropDatabase(database);
    rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    contexts.push(context);
    return context.newPage();
  };

  it('an admin creates an agency operator (a missing agency is named at its field, a taken e-mail at the e-mail), sees it listed and audited; the operator gets "admins only"', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByTestId('login-form').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'admin-login.png') });
    await signIn(page, app.baseUrl, ADMIN);
    await userRow(page, ADMIN.email).waitFor();
    await expect(page.locator('#users-title').textContent()).resolves.toBe('Пользователи');

    // An operator without an agency: the API's 400 names "agency", and the form shows it there.
    const form = page.getByTestId('create-user-form');
    await form.locator('input[name="email"]').fill(OPERATOR.email);
    await form.locator('input[name="name"]').fill(OPERATOR.name);
    await form.locator('select[name="role"]').selectOption('agency_operator');
    await form.locator('input[name="password"]').fill(OPERATOR.password);
    await page.getByTestId('create-user-submit').click();
    const agencyError = form.locator('[data-field="agency"] [data-testid="field-error-agency"]');
    await agencyError.waitFor();
    await expect(agencyError.textContent()).resolves.toBe('Обязательное поле');
    await expect(form.locator('select[name="agency"]').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await userRow(page, OPERATOR.email).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-user-missing-agency.png') });

    // The agency comes from GET /api/catalog/agencies, by name in the page language.
    const options = await form.locator('select[name="agency"] option').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect(options).toEqual(expect.arrayContaining(['nit', 'mju']));
    await form.locator('select[name="agency"]').selectOption('nit');
    await page.getByTestId('create-user-submit').click();
    await page.getByTestId('create-user-done').waitFor();
    const row = userRow(page, OPERATOR.email);
    await row.waitFor();
    await expect(row.getAttribute('data-role')).resolves.toBe('agency_operator');
    await expect(row.getByTestId('user-role').textContent()).resolves.toBe('Оператор ведомства');
    await expect(row.getByTestId('user-agency').textContent()).resolves.toBe('АО «Национальные информационные технологии»');
    expect(await form.locator('[data-testid^="field-error-"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-users.png') });

    // The same e-mail again (other case): 409, shown at the e-mail field.
    await form.locator('input[name="email"]').fill(OPERATOR.email.toUpperCase());
    await form.locator('input[name="password"]').fill(OPERATOR.password);
    await page.getByTestId('create-user-submit').click();
    await expect(form.getByTestId('field-error-email').textContent()).resolves.toBe('Эта почта уже занята');

    // The creation in the audit log: who, action, target, changes, address.
    await page.getByTestId('tab-audit').click();
    const entry = page.locator(`[data-testid="audit-row"][data-action="user.create"][data-target="user:${OPERATOR.email}"]`);
    await entry.waitFor();
    const cells = await entry.locator('td').allTextContents();
    expect(cells[1]).toBe(ADMIN.email);
    expect(cells[4]).toContain('"role":"agency_operator"');
    expect(cells[4]).toContain('"agency":"nit"');
    expect(cells[4]).not.toContain(OPERATOR.password);
    expect(cells[5]).toMatch(/127\.0\.0\.1/);
    // Newest first: the creation is above the admin's own sign-in.
    const actions = await page.getByTestId('audit-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions.indexOf('user.create')).toBeLessThan(actions.indexOf('auth.login'));
    // The action filter asks the API for that action only.
    await page.getByTestId('audit-filters').locator('input[name="action"]').fill('user');
    await page.getByTestId('audit-apply').click();
    // Every row the filtered answer shows is a user action (the sign-ins are gone).
    await page.locator('[data-testid="audit-row"][data-action="auth.login"]').first().waitFor({ state: 'detached' });
    const filtered = await page.getByTestId('audit-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(filtered.length).toBeGreaterThanOrEqual(1);
    expect(filtered.filter((a) => !a!.startsWith('user.'))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-audit.png') });

    // A second browser: the operator signs in at /admin and is told the page is for admins.
    const opPage = await newPage();
    await signIn(opPage, app.baseUrl, OPERATOR);
    await opPage.getByTestId('admins-only').waitFor();
    await expect(opPage.getByTestId('admins-only').locator('h1').textContent()).resolves.toBe('Эта страница доступна только администраторам.');
    expect(await opPage.getByTestId('users-table').count()).toBe(0);
    expect((await opPage.request.get(`${app.baseUrl}/api/users`)).status()).toBe(403);
    await opPage.locator('[data-testid="language-switch"] [data-lang="en"]').click();
    await expect(opPage.getByTestId('admins-only').locator('h1').textContent()).resolves.toBe('This page is for admins only.');
    await opPage.screenshot({ path: join(ARTIFACTS, 'admin-admins-only.png') });
  }, 120_000);

  it('changes a role and agency, resets a password, disables, and refuses to disable the last enabled admin at that field', async () => {
    const page = await newPage();
    await signIn(page, app.baseUrl, ADMIN);
    const row = userRow(page, OPERATOR.email);
    await row.waitFor();

    await row.getByTestId('edit-role').click();
    await row.locator('select[name="agency"]').selectOption('mju');
    await row.getByTestId('save-role').click();
    await page.locator(`[data-testid="user-row"][data-email="${OPERATOR.email}"][data-agency="mju"]`).waitFor();
    await expect(row.getByTestId('user-agency').textContent()).resolves.toBe('Министерство юстиции');

    // An admin's password reset: too short is named at the field; then the new one signs in.
    await row.getByTestId('reset-password').click();
    await row.locator('input[name="password"]').fill('short');
    await row.getByTestId('save-password').click();
    await row.getByTestId('field-error-password').waitFor();
    await row.locator('input[name="password"]').fill('operator-password-2');
    await row.getByTestId('save-password').click();
    await row.getByText('Пароль изменён').waitFor();
    await expect(login(app.baseUrl, OPERATOR.email, 'operator-password-2')).resolves.toMatchObject({ user: { email: OPERATOR.email } });

    await row.getByTestId('toggle-disabled').click();
    await page.locator(`[data-testid="user-row"][data-email="${OPERATOR.email}"][data-disabled="true"]`).waitFor();

    const adminRow = userRow(page, ADMIN.email);
    await adminRow.getByTestId('toggle-disabled').click();
    await expect(adminRow.getByTestId('field-error-disabled').textContent()).resolves.toBe('Последнего активного администратора нельзя понизить или отключить');
    await expect(adminRow.getAttribute('data-disabled')).resolves.toBe('false');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-last-admin.png') });

    await page.locator('[data-testid="language-switch"] [data-lang="kk"]').click();
    await expect(page.locator('#users-title').textContent()).resolves.toBe('Пайдаланушылар');
    await page.locator('[data-testid="language-switch"] [data-lang="ru"]').click();

    // Both writes are in the audit log with their before/after.
    await page.getByTestId('tab-audit').click();
    await page.locator(`[data-testid="audit-row"][data-action="user.role_change"][data-target="user:${OPERATOR.email}"]`).waitFor();
    await page.locator(`[data-testid="audit-row"][data-action="user.disable"][data-target="user:${OPERATOR.email}"]`).waitFor();
    const reset = await page.locator(`[data-testid="audit-row"][data-action="user.password_reset"][data-target="user:${OPERATOR.email}"] td`).nth(4).textContent();
    // The marker says what happened; the password itself never reaches the log.
    expect(reset).toContain('"password_reset":true');
    expect(reset).not.toContain('operator-password-2');
    // The cell shows the changes as compact JSON (its title holds them whole); jsonb orders keys its own way.
    const change = page.locator('[data-testid="audit-row"][data-action="user.role_change"] td').nth(4);
    const shown = JSON.parse((await change.textContent())!) as Record<string, unknown>;
    expect(shown).toEqual(JSON.parse((await change.getAttribute('title'))!));
    expect(shown.agency).toEqual({ from: 'nit', to: 'mju' });

    // Time filters: "to" before "from" is the API's 400 naming "to", shown at that field; a window
    // in the future holds nothing.
    const filters = page.getByTestId('audit-filters');
    await filters.locator('input[name="from"]').fill('2030-01-02T00:00');
    await filters.locator('input[name="to"]').fill('2030-01-01T00:00');
    await page.getByTestId('audit-apply').click();
    await filters.locator('[data-field="to"] [data-testid="field-error-to"]').waitFor();
    await filters.locator('input[name="to"]').fill('2030-01-03T00:00');
    await page.getByTestId('audit-apply').click();
    await page.getByTestId('audit-row').first().waitFor({ state: 'detached' });
    await expect(page.getByTestId('audit-table').locator('tbody').textContent()).resolves.toBe('Записей нет');
    expect(await filters.locator('[data-testid^="field-error-"]').count()).toBe(0);
  }, 120_000);

  it('pages carry the security headers, and the admin page, the board and the API docs run under the content security policy', async () => {
    const res = await fetch(`${app.baseUrl}/admin`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect((await fetch(`${app.baseUrl}/api/health`)).headers.get('x-content-type-options')).toBe('nosniff');

    const page = await newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript({
      content:
        "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI));",
    });
    await signIn(page, app.baseUrl, ADMIN);
    await page.goto(`${app.baseUrl}/board`);
    await page.locator('[data-testid="system-tile"]').first().waitFor();
    // The socket.io connection (connect-src 'self') is up.
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    await page.goto(`${app.baseUrl}/api/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(violations).toEqual([]);
  }, 120_000);
});

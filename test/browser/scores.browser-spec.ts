import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgencyScoreRow } from '@kuzet/contracts';
import { launchBrowser, signInToBoard, type BrowserSession } from '../support/browser';
import { login, type SignedIn } from '../support/auth-helpers';
import { freePort } from '../support/free-port';
import { KuzetProcess, REPO_ROOT, startKuzet, waitForOk } from '../support/kuzet-process';

/**
 * Technology-debt scores in the running demo (the BUILT app, embedded PostgreSQL, the simulated
 * fleet with its personas): the API serves a score with findings for every agency, and the board
 * shows the ranking and a printable report card in a real browser. Screenshots go to test/artifacts/.
 */
const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const ADMIN = { email: 'scores@kuzet.test', password: 'scores-test-password-1' };

describe('technology-debt scores (built app, demo fleet, browser)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-scores-'));
  let app: KuzetProcess;
  let browser: BrowserSession;
  let admin: SignedIn;
  let ranking: AgencyScoreRow[] = [];
  let controlUrl: string;

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${app.baseUrl}${path}`, { headers: admin.headers });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const controlPort = await freePort();
    controlUrl = `http://127.0.0.1:${controlPort}`;
    app = startKuzet(
      {
        KUZET_DATA_DIR: dataDir,
        KUZET_EMBEDDED_PG_PORT: String(await freePort()),
        KUZET_SIMULATOR_CONTROL_PORT: String(controlPort),
        KUZET_ADMIN_EMAIL: ADMIN.email,
        KUZET_ADMIN_PASSWORD: ADMIN.password,
        KUZET_LOG_LEVEL: 'warn',
        // Rescore often, so a run after every check has reported comes soon.
        KUZET_SCORING_INTERVAL_S: '10',
      },
      await freePort(),
    );
    await waitForOk(`${app.baseUrl}/api/health`, 90_000, app);
    admin = await login(app.baseUrl, ADMIN.email, ADMIN.password);
    browser = await launchBrowser();
  }, 150_000);

  afterAll(async () => {
    await browser?.close(); // closes its contexts too
    await app?.stop(15_000);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** A signed-in board page in a context of its own. */
  const boardPage = async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signInToBoard(page, app.baseUrl, ADMIN);
    return page;
  };

  it('serves a score with findings for every agency of the demo at GET /api/scores/agencies', async () => {
    const agencies = (await api<{ code: string }[]>('/api/catalog/agencies')).map((a) => a.code).sort();
    // Scores come once the scorer has run after the probes reported their TLS and header facts.
    const deadline = Date.now() + 120_000;
    for (;;) {
      ranking = await api<AgencyScoreRow[]>('/api/scores/agencies');
      const complete = ranking.length === agencies.length && ranking.every((r) => r.top_findings.length > 0 && r.top_findings.some((f) => f.evidence.check_id !== null));
      if (complete || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    expect(ranking.map((r) => r.agency).sort()).toEqual(agencies);
    for (const row of ranking) {
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(100);
      expect(['A', 'B', 'C', 'D', 'F']).toContain(row.grade);
      expect(row.top_findings.length).toBeGreaterThan(0);
      for (const f of row.top_findings) {
        expect(f.reason.length).toBeGreaterThan(0);
        // A public standard's page, or the section of docs/scoring.md for Kuzet's own rules.
        expect(f.source.url).toMatch(/^(https:\/\/|docs\/scoring\.md#)/);
      }
    }
    // Best first.
    const scores = ranking.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  }, 180_000);

  it('shows the agency ranking on the board: grade in words, trend, top findings; screenshot', async () => {
    const page = await boardPage();
    await page.getByTestId('scores-link').click();
    const rows = page.getByTestId('score-row');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(ranking.length);
    const shown = await rows.evaluateAll((els) => els.map((e) => ({ agency: e.getAttribute('data-agency'), grade: e.getAttribute('data-grade'), text: e.textContent ?? '' })));
    // Scores move between runs (every 10 s here), so the order is checked on the API's answer above.
    expect(shown.map((r) => r.agency).sort()).toEqual(ranking.map((r) => r.agency).sort());
    for (const row of shown) {
      // The letter comes with its word (never a colour alone): "Dслабо" is the badge's letter and word.
      expect(row.text).toMatch(new RegExp(`${row.grade}(отлично|хорошо|удовлетворительно|слабо|неудовлетворительно)`));
    }
    expect(await page.getByTestId('score-trend').count()).toBe(ranking.length);
    expect(await page.getByTestId('finding').count()).toBeGreaterThanOrEqual(ranking.length);
    await page.screenshot({ path: join(ARTIFACTS, 'scores-ranking.png'), fullPage: true });
  }, 90_000);

  it("opens an agency's printable report card: each system's components, caps and findings with evidence and source", async () => {
    const page = await boardPage();
    const worst = ranking[ranking.length - 1];
    await page.goto(`${app.baseUrl}/board/agencies/${worst.agency}/report`);
    await page.getByTestId('report-card').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('system-score').count()).toBe(worst.system_count);
    // Findings a probe saw name the check run: check id, region and time.
    const facts = await page.getByTestId('finding').allTextContents();
    expect(facts.some((text) => /check \d+ · \S+ · /.test(text))).toBe(true);
    expect(await page.locator('.finding-facts a[href^="https://"]').count()).toBeGreaterThan(0);
    // Printing hides the board chrome and the print button.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await page.locator('.board-top').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'scores-report-card-print.png'), fullPage: true });
  }, 90_000);

  it("shows a system's findings on its drill-down page", async () => {
    const page = await boardPage();
    const worst = ranking[ranking.length - 1].worst!;
    await page.goto(`${app.baseUrl}/board/systems/${worst.system}`);
    const card = page.getByTestId('system-tech-debt');
    await card.getByTestId('grade-badge').waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('finding').count()).toBeGreaterThan(0);
    expect(await card.locator('.finding-facts').count()).toBe(await card.getByTestId('finding').count());
  }, 90_000);

  it('follows score.updated without a reload: a system taken down changes its agency’s score on the open ranking', async () => {
    const page = await boardPage();
    await page.getByTestId('scores-link').click();
    await page.getByTestId('score-row').first().waitFor({ timeout: 30_000 });
    await page.evaluate('window.__kuzetMark = 42');
    // An agency of one system: its score moves with that system's availability.
    const target = ranking.find((r) => r.system_count === 1)!;
    const [system] = (await api<{ code: string; agency: string }[]>('/api/catalog/systems')).filter((s) => s.agency === target.agency);
    const badge = page.locator(`[data-testid="score-row"][data-agency="${target.agency}"] [data-testid="grade-badge"]`);
    const before = await badge.getAttribute('aria-label');
    const res = await fetch(`${controlUrl}/systems/${system.code}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'down', mode: 'refused' }),
    });
    expect(res.status).toBeLessThan(300);
    // The detector confirms the outage, the next scoring run (every 10 s here) changes the score and
    // sends score.updated; the page refetches the ranking on it.
    let label = before;
    const deadline = Date.now() + 120_000;
    while (label === before && Date.now() < deadline) {
      await page.waitForTimeout(1_000);
      label = await badge.getAttribute('aria-label');
    }
    expect(label).not.toBe(before);
    expect(await page.evaluate('window.__kuzetMark ?? null')).toBe(42);
    await page.screenshot({ path: join(ARTIFACTS, 'scores-ranking-after-fault.png'), fullPage: true });
  }, 180_000);
});

import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (apt); playwright-core downloads no browser of its own. */
export const SYSTEM_CHROMIUM_PATH = '/usr/bin/chromium';
/** Test-only override of the browser binary (the clean-machine CI step points it nowhere). */
export const CHROMIUM_ENV = 'KUZET_TEST_CHROMIUM';
export const INSTALL_CHROMIUM_COMMAND = 'apt-get install -y --no-install-recommends chromium';

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/**
 * The chromium the browser tests drive: KUZET_TEST_CHROMIUM when set (and only it), else
 * Debian's /usr/bin/chromium, else a chromium that `npx playwright install chromium` put in
 * playwright's cache (machines with internet access; these have only npm and Debian).
 */
export function resolveChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  playwrightCached: () => string = () => chromium.executablePath(),
): string {
  const override = env[CHROMIUM_ENV];
  const candidates = override ? [override] : [SYSTEM_CHROMIUM_PATH, cachedPath(playwrightCached)];
  const found = candidates.find((path) => path !== undefined && exists(path));
  if (found) return found;
  throw new BrowserNotFoundError(
    `no chromium for the browser tests (looked at ${candidates.filter(Boolean).join(', ')}): ` +
      `install Debian's with \`${INSTALL_CHROMIUM_COMMAND}\` (.ci/run does), ` +
      `or set ${CHROMIUM_ENV} to a chromium binary`,
  );
}

function cachedPath(playwrightCached: () => string): string | undefined {
  try {
    return playwrightCached();
  } catch {
    return undefined; // playwright-core knows no build for this platform
  }
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  browser: Browser;
  /** A new isolated context (own cookies and storage): one per signed-in user. */
  newContext: (options?: { viewport?: { width: number; height: number } }) => Promise<BrowserContext>;
  close: () => Promise<void>;
}

/**
 * Launches chromium headless. launch() (unlike launchPersistentContext) gives chromium a fresh
 * user data dir of its own in the temp folder and deletes it on close, so no profile state leaks
 * between runs (Playwright refuses an explicit --user-data-dir here); each context is a separate
 * cookie jar and storage. `extraArgs`: more chromium switches (e.g. an autoplay policy).
 */
export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: resolveChromium(), headless: true, args: [...ARGS, ...(options.extraArgs ?? [])] });
  return {
    browser,
    newContext: (options) => browser.newContext({ viewport: options?.viewport ?? { width: 1440, height: 900 }, locale: 'ru-RU' }),
    close: () => browser.close().catch(() => undefined),
  };
}

/** Signs in on the board's form and waits for the live connection. */
export async function signInToBoard(page: Page, baseUrl: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/board`);
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 30_000 });
}

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (apt); playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

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
 * cookie jar and storage.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
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

import {
  BrowserNotFoundError,
  CHROMIUM_ENV,
  INSTALL_CHROMIUM_COMMAND,
  resolveChromium,
  SYSTEM_CHROMIUM_PATH,
} from '../support/browser';

const CACHED = '/root/.cache/ms-playwright/chromium-1234/chrome-linux/chrome';
const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('resolveChromium (which browser the browser tests drive)', () => {
  it("prefers Debian's chromium, then playwright's cached build", () => {
    expect(resolveChromium({}, only(SYSTEM_CHROMIUM_PATH, CACHED), () => CACHED)).toBe(SYSTEM_CHROMIUM_PATH);
    expect(resolveChromium({}, only(CACHED), () => CACHED)).toBe(CACHED);
  });

  it(`takes ${CHROMIUM_ENV} alone when set`, () => {
    expect(
      resolveChromium({ [CHROMIUM_ENV]: '/opt/chromium' }, only('/opt/chromium', SYSTEM_CHROMIUM_PATH)),
    ).toBe('/opt/chromium');
    expect(() => resolveChromium({ [CHROMIUM_ENV]: '/nowhere' }, only(SYSTEM_CHROMIUM_PATH))).toThrow(
      BrowserNotFoundError,
    );
  });

  it('fails with the command that installs one when there is none', () => {
    const attempt = () =>
      resolveChromium({}, only(), () => {
        throw new Error('unsupported platform');
      });
    expect(attempt).toThrow(BrowserNotFoundError);
    expect(attempt).toThrow(INSTALL_CHROMIUM_COMMAND);
    expect(attempt).toThrow(`looked at ${SYSTEM_CHROMIUM_PATH}`);
  });
});

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The built agent validates its environment once at start: a bad value exits 2 naming it. */
describe('probe agent process: configuration', () => {
  const main = path.resolve(__dirname, '../../dist/apps/probe/src/main.js');
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 });

  it('exits 2 naming the bad variable', () => {
    const r = run({ KUZET_API_URL: 'not a url', KUZET_PROBE_TOKEN: 'kzp_abcdefghijklmnopqrstuvwxyz', KUZET_PROBE_REGION: 'local' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('KUZET_API_URL');
  });

  it('exits 2 when the token is missing', () => {
    const r = run({ KUZET_API_URL: 'http://127.0.0.1:9', KUZET_PROBE_REGION: 'local' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('KUZET_PROBE_TOKEN');
  });
});

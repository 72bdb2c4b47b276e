import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const DIR = resolve(__dirname, '../../prometheus');

/** promtool from Debian's `prometheus` package; CI installs it (.ci/run). */
function promtool(args: string[]): { status: number | null; output: string; missing: boolean } {
  const r = spawnSync('promtool', args, { cwd: DIR, encoding: 'utf8', timeout: 60_000 });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}`, missing };
}

describe('prometheus/kuzet-alerts.yml (promtool)', () => {
  beforeAll(() => {
    if (promtool(['--version']).missing)
      throw new Error('promtool is not installed: install Debian\'s "prometheus" package (apt-get install prometheus); CI installs it in .ci/run');
  });

  it('passes promtool check rules', () => {
    const r = promtool(['check', 'rules', join(DIR, 'kuzet-alerts.yml')]);
    expect({ status: r.status, output: r.output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('passes its unit tests (promtool test rules kuzet-alerts.test.yml)', () => {
    const r = promtool(['test', 'rules', 'kuzet-alerts.test.yml']);
    expect({ status: r.status, output: r.output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });
});

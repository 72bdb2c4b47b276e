import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from '../../../apps/api/src/boot/node-runtime-flags';
import { ROOT } from './compose-file';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const lines = dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
const workspaces = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;

describe('Dockerfile', () => {
  it('builds and runs on a pinned Node.js 24 (the current LTS), same version in both stages', () => {
    const bases = lines.filter((l) => l.startsWith('FROM ')).map((l) => l.split(/\s+/)[1]);
    expect(bases).toHaveLength(2);
    for (const base of bases) expect(base).toMatch(/^node:24\.\d+\.\d+-bookworm-slim$/);
    expect(new Set(bases).size).toBe(1);
  });

  it('copies every workspace package.json before npm ci, so the install matches the lockfile', () => {
    const ci = lines.findIndex((l) => l.includes('npm ci'));
    const copied = lines.slice(0, ci).filter((l) => l.startsWith('COPY ')).map((l) => l.split(/\s+/)[1]);
    expect(copied).toEqual(expect.arrayContaining(workspaces.map((w) => `${w}/package.json`)));
    for (const w of workspaces) expect(existsSync(join(ROOT, w, 'package.json'))).toBe(true);
  });

  it('runs as the unprivileged node user with a health check on the liveness endpoint', () => {
    const runtime = lines.slice(lines.map((l) => l.startsWith('FROM ')).lastIndexOf(true));
    expect(runtime.filter((l) => l.startsWith('USER ')).pop()).toBe('USER node');
    const health = runtime.find((l) => l.startsWith('HEALTHCHECK '));
    expect(health).toContain('"scripts/healthcheck.js"');
    const script = readFileSync(join(ROOT, 'scripts/healthcheck.js'), 'utf8');
    expect(script).toContain("'/api/health/live'");
    expect(script).toContain("'/api/health'");
    const cmd = runtime.find((l) => l.startsWith('CMD '));
    expect(cmd).toBe(`CMD ${JSON.stringify(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js'])}`.replace(/","/g, '", "'));
  });

  it('npm start runs the API with the same Node flags as the image and the test launcher', () => {
    const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(start).toContain(`node ${API_NODE_FLAGS.join(' ')} dist/apps/api/src/main.js`);
  });
});

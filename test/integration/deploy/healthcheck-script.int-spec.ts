import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { join, resolve } from 'node:path';
import { freePort } from '../../support/free-port';

const SCRIPT = join(resolve(__dirname, '../../..'), 'scripts/healthcheck.js');

/** scripts/healthcheck.js (the image's HEALTHCHECK) as the container runs it, against a real HTTP server. */
describe('scripts/healthcheck.js', () => {
  let server: Server;
  let port: number;
  let answers: Record<string, number>;
  const asked: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    server = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.statusCode = answers[req.url ?? ''] ?? 404;
      res.end();
    });
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  beforeEach(() => (asked.length = 0));

  const run = (on = port) =>
    new Promise<number>((done) => {
      execFile(process.execPath, [SCRIPT], { env: { ...process.env, PORT: String(on) }, timeout: 30_000 }, (error) =>
        done(error ? Number((error as { code?: number }).code ?? 1) : 0),
      );
    });

  it('passes on a live /api/health/live and asks nothing else', async () => {
    answers = { '/api/health/live': 200, '/api/health': 503 };
    expect(await run()).toBe(0);
    expect(asked).toEqual(['/api/health/live']);
  });

  it('falls back to /api/health where the build has no liveness endpoint', async () => {
    answers = { '/api/health': 200 };
    expect(await run()).toBe(0);
    expect(asked).toEqual(['/api/health/live', '/api/health']);
    answers = { '/api/health': 503 };
    expect(await run()).toBe(1);
  });

  it('fails when liveness fails or nothing listens', async () => {
    answers = { '/api/health/live': 503 };
    expect(await run()).toBe(1);
    expect(await run(await freePort())).toBe(1);
  });
});

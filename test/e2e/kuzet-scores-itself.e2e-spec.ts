import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpCheckRunner } from '@kuzet/checks';
import { rateHttpHygiene } from '@kuzet/scoring';
import { probeEvidence } from '../../apps/api/src/scoring/probe-evidence';
import { createDedicatedDatabase } from '../integration/ingest/support/ingest-harness';
import { freePort } from '../support/free-port';
import { startHttpsFront, type HttpsFront } from '../support/https-front';
import { KuzetProcess, startKuzet, waitForOk } from '../support/kuzet-process';

/**
 * "Kuzet scores itself" (DESIGN.md, Security): the built app's own pages, fetched by Kuzet's own
 * http runner and graded by its own HTTP-hygiene scorer (the MDN HTTP Observatory rules), must get
 * grade A. Kuzet serves plain HTTP on PORT and is deployed behind TLS; a TLS-terminating front
 * (test/support/https-front.ts) stands for that and passes the application's headers unchanged.
 */
describe('Kuzet scores itself: HTTP hygiene of its own pages (built app)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-self-score-'));
  let app: KuzetProcess | undefined;
  let front: HttpsFront | undefined;
  let db: Awaited<ReturnType<typeof createDedicatedDatabase>> | undefined;

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    app = startKuzet(
      { DATABASE_URL: db.url, KUZET_DATA_DIR: dataDir, KUZET_DEMO: 'false', KUZET_LOG_LEVEL: 'warn', KUZET_EMBEDDED_AGENT: 'false' },
      await freePort(),
    );
    await waitForOk(`${app.baseUrl}/api/health`, 60_000, app);
    front = await startHttpsFront(app.baseUrl);
  });

  afterAll(async () => {
    await front?.close();
    await app?.stop(10_000);
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function grade(path: string) {
    const url = `${front!.baseUrl}${path}`;
    const result = await new HttpCheckRunner().check({
      kind: 'http',
      target: url,
      timeoutMs: 10_000,
      conditions: [],
      thresholds: {},
      options: { ca_pem: front!.caPem, servername: front!.servername },
    });
    expect(result.statusCode).toBe(200);
    // The same mapping the scorer applies to a probe's stored result.
    const details = JSON.parse(JSON.stringify({ headers: result.headers, http: result.http })) as Record<string, unknown>;
    const [http] = probeEvidence([
      { checkId: 0, kind: 'http', target: url, servername: front!.servername, region: 'self', observedAt: new Date().toISOString(), details },
    ]).http;
    return rateHttpHygiene(http);
  }

  it.each(['/', '/board', '/api/health'])('%s gets grade A or better', async (path) => {
    const rating = await grade(path);
    expect({ path, grade: rating.grade, findings: rating.findings.map((f) => f.rule) }).toEqual({ path, grade: expect.stringMatching(/^A\+?$/), findings: [] });
  });

  it('a static asset gets grade A or better', async () => {
    const html = await (await fetch(`${app!.baseUrl}/`)).text();
    const asset = /(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const rating = await grade(asset!);
    expect({ grade: rating.grade, findings: rating.findings.map((f) => f.rule) }).toEqual({ grade: expect.stringMatching(/^A\+?$/), findings: [] });
  });
});

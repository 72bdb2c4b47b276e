import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSource } from '../../apps/web/src/public/public-fixtures';
import { PUBLIC_PAGE_DATA } from '../../apps/api/src/web/public-page-data';
import { IMMUTABLE_CACHE, registerWebApp } from '../../apps/api/src/web/web-static';
import { REPO_ROOT } from '../support/kuzet-process';

/** The status module's part, played by fixture data in the contract's shapes. */
@Module({ providers: [{ provide: PUBLIC_PAGE_DATA, useValue: fixtureSource() }] })
class FixtureDataModule {}

/**
 * The API's serving of the BUILT web app (apps/web/dist and dist-ssr, made by scripts/build.mjs):
 * with a PublicPageData that has data, the HTML itself carries the statuses, incidents and public
 * updates (what a reader without JavaScript sees); hashed assets go out precompressed and immutable.
 */
describe('public pages served by the API (built web app, fixture data)', () => {
  let app: NestFastifyApplication;
  const webDist = join(REPO_ROOT, 'apps/web/dist');

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(FixtureDataModule, new FastifyAdapter(), { logger: false });
    expect(await registerWebApp(app, webDist)).toBe(true);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app?.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers });

  it('renders statuses, the incident with its public updates and the uptime bars into the HTML, in the chosen language', async () => {
    const res = await get('/status', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toMatch(/data-system="egov-portal" data-status="major_outage"/);
    expect(res.body).toContain('Major outage');
    expect(res.body).toContain('A data centre link failed.');
    expect(res.body).toContain('data-testid="uptime-day"');
    // The built page's hashed script is kept, so the browser hydrates the same markup.
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(res.body)![1];
    expect(readFileSync(join(webDist, 'index.html'), 'utf8')).toContain(script);

    const kk = await get('/kk/status/incidents/41');
    expect(kk.body).toContain('<html lang="kk"');
    expect(kk.body).toContain('ДОО байланыс арнасы істен шықты.');
    expect((await get('/ru/status/systems/no-such-system')).statusCode).toBe(404);
  });

  it('serves hashed assets brotli- or gzip-compressed with a year-long immutable cache; index.html revalidates', async () => {
    const page = await get('/ru/status');
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(page.body)![1];
    for (const encoding of ['br', 'gzip']) {
      const res = await get(script, { 'accept-encoding': encoding });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
      expect(res.headers.vary).toContain('Accept-Encoding');
    }
    const plain = await get(script, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((await get('/board')).headers['cache-control']).toBe('no-cache');
  });
});

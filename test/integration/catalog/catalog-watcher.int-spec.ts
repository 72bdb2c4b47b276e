import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { DataSource } from 'typeorm';
import { CatalogEvents } from '../../../apps/api/src/catalog/catalog-events.service';
import { CatalogService } from '../../../apps/api/src/catalog/catalog.service';
import { ScratchCatalog } from './support/catalog-folder';
import { createCatalogTestApp } from './support/catalog-test-app';
import { createCatalogTestDatabase } from './support/catalog-test-database';

jest.setTimeout(30_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('catalog folder watching', () => {
  let db: { url: string; drop: () => Promise<void> };
  let app: NestFastifyApplication;
  let folder: ScratchCatalog;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createCatalogTestDatabase();
    folder = new ScratchCatalog('valid');
    app = await createCatalogTestApp(db.url, { KUZET_CATALOG_WATCH: 'true' });
    ds = app.get(DataSource);
    await app.get(CatalogService).loadFromFolder(folder.dir);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    folder?.dispose();
  });

  const agencyName = async (code: string) =>
    (await ds.query('SELECT name_en FROM agencies WHERE code = $1', [code]))[0]?.name_en;

  it('reloads once after a burst of edits and publishes the change', async () => {
    const changed = firstValueFrom(app.get(CatalogEvents).changes$.pipe(timeout(10_000)));
    const original = folder.read('agencies.yaml');
    // Several writes in quick succession, as editors do: one reload (debounced), one revision.
    folder.write('agencies.yaml', original.replace('Ministry of Justice', 'Ministry of Justice (1)'));
    folder.write('agencies.yaml', original.replace('Ministry of Justice', 'Ministry of Justice (2)'));
    folder.write(
      'agencies.yaml',
      original.replace('Ministry of Justice', 'Ministry of Justice of Kazakhstan'),
    );
    const event = await changed;
    expect(event).toMatchObject({ source: 'folder', summary: { agencies: { updated: 1, unchanged: 1 } } });
    expect(await agencyName('mju')).toBe('Ministry of Justice of Kazakhstan');
    await sleep(800);
    expect(Number((await ds.query('SELECT count(*)::int AS n FROM catalog_revisions'))[0].n)).toBe(2);
  });

  it('keeps the running catalog when an edit breaks the folder, and recovers on the fix', async () => {
    const events = app.get(CatalogEvents);
    let count = 0;
    const sub = events.changes$.subscribe(() => count++);
    const original = folder.read('agencies.yaml');
    folder.write(
      'agencies.yaml',
      original.replace('Ministry of Justice of Kazakhstan', 'Broken').replace('code: mju', 'code: [mju'),
    );
    await sleep(1500);
    expect(count).toBe(0);
    expect(await agencyName('mju')).toBe('Ministry of Justice of Kazakhstan');

    const fixed = firstValueFrom(
      events.changes$.pipe(
        filter((e) => e.summary.agencies.updated === 1),
        timeout(10_000),
      ),
    );
    folder.write(
      'agencies.yaml',
      original.replace('Ministry of Justice of Kazakhstan', 'Ministry of Justice (fixed)'),
    );
    await fixed;
    expect(await agencyName('mju')).toBe('Ministry of Justice (fixed)');
    sub.unsubscribe();
  });

  it('picks up new files in sub-folders', async () => {
    const changed = firstValueFrom(app.get(CatalogEvents).changes$.pipe(timeout(10_000)));
    folder.write(
      'more/tax.yaml',
      'agencies:\n  - code: kgd\n    name: { kk: МКК, ru: КГД, en: State Revenue Committee }\n',
    );
    expect((await changed).summary.agencies.added).toBe(1);
    expect(await agencyName('kgd')).toBe('State Revenue Committee');
  });
});

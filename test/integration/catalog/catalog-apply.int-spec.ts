import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { CatalogChangedEvent, CatalogEvents } from '../../../apps/api/src/catalog/catalog-events.service';
import { CatalogValidationError } from '../../../apps/api/src/catalog/catalog.errors';
import { CatalogService } from '../../../apps/api/src/catalog/catalog.service';
import { ScratchCatalog } from './support/catalog-folder';
import { createCatalogTestApp } from './support/catalog-test-app';
import { createCatalogTestDatabase } from './support/catalog-test-database';

const TABLES = [
  'categories',
  'agencies',
  'systems',
  'system_dependencies',
  'checks',
  'maintenance_windows',
  'maintenance_window_systems',
  'catalog_revisions',
];
const nothing = { added: 0, updated: 0, disabled: 0 };

describe('catalog apply (PostgreSQL)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let app: NestFastifyApplication;
  let catalog: CatalogService;
  let ds: DataSource;
  let folder: ScratchCatalog;
  const events: CatalogChangedEvent[] = [];

  const rows = async (sql: string, params: unknown[] = []) => ds.query(sql, params);
  const revisions = async () => Number((await rows('SELECT count(*)::int AS n FROM catalog_revisions'))[0].n);
  /** Every catalog table, ordered, for before/after comparisons. */
  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of TABLES) out[t] = await rows(`SELECT * FROM ${t} ORDER BY 1, 2`);
    return out;
  };

  beforeAll(async () => {
    db = await createCatalogTestDatabase();
    folder = new ScratchCatalog('valid');
    app = await createCatalogTestApp(db.url);
    catalog = app.get(CatalogService);
    ds = app.get(DataSource);
    app.get(CatalogEvents).changes$.subscribe((e) => events.push(e));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    folder?.dispose();
  });

  it('applies a folder: everything added, one revision, one event', async () => {
    const result = await catalog.loadFromFolder(folder.dir);
    expect(result.changed).toBe(true);
    expect(result.summary).toEqual({
      categories: { added: 2, updated: 0, disabled: 0, unchanged: 0 },
      agencies: { added: 2, updated: 0, disabled: 0, unchanged: 0 },
      systems: { added: 3, updated: 0, disabled: 0, unchanged: 0 },
      checks: { added: 7, updated: 0, disabled: 0, unchanged: 0 },
      maintenance: { added: 2, updated: 0, disabled: 0, unchanged: 0 },
    });
    expect(await revisions()).toBe(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: 'folder',
      revisionId: result.revision_id,
      summary: result.summary,
    });

    const [revision] = await rows('SELECT source, content_hash, summary FROM catalog_revisions');
    expect(revision).toMatchObject({
      source: 'folder',
      content_hash: result.content_hash,
      summary: result.summary,
    });

    const deps = await rows(`SELECT s.code, d.code AS dep FROM system_dependencies sd
      JOIN systems s ON s.id = sd.system_id JOIN systems d ON d.id = sd.depends_on_id ORDER BY 1, 2`);
    expect(deps).toEqual([
      { code: 'egov-portal', dep: 'egov-gateway' },
      { code: 'egov-portal', dep: 'gbd-fl' },
      { code: 'gbd-fl', dep: 'egov-gateway' },
    ]);
    const [push] = await rows(
      `SELECT push_token, target, interval_s FROM checks WHERE key = 'egov-portal/push'`,
    );
    expect(push.push_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(push.target).toBeNull();
    const [https] = await rows(
      `SELECT options, regions, timeout_s FROM checks WHERE key = 'egov-portal/https'`,
    );
    expect(https.options.ca_pem).toMatch(/BEGIN CERTIFICATE/);
    expect(https.regions).toEqual(['local']);
    expect(Number(https.timeout_s)).toBe(10);
    const [night] = await rows(
      `SELECT starts_at, ends_at FROM maintenance_windows WHERE code = 'egov-night-works'`,
    );
    expect(night.starts_at.toISOString()).toBe('2026-11-30T20:00:00.000Z');
    expect(night.ends_at.toISOString()).toBe('2026-11-30T22:00:00.000Z');
    const [portal] = await rows(
      `SELECT tier, is_public, slo_target, source, enabled FROM systems WHERE code = 'egov-portal'`,
    );
    expect(portal).toEqual({
      tier: 'critical',
      is_public: true,
      slo_target: '99.9',
      source: 'folder',
      enabled: true,
    });
  });

  it('applying the same folder again changes nothing: no revision, no event, same rows', async () => {
    const before = await snapshot();
    const result = await catalog.reload();
    expect(result.changed).toBe(false);
    expect(result.revision_id).toBeNull();
    for (const counts of Object.values(result.summary)) expect(counts).toMatchObject(nothing);
    expect(result.summary.checks.unchanged).toBe(7);
    expect(await snapshot()).toEqual(before);
    expect(events).toHaveLength(1);
  });

  it('updates only what changed, keeping ids and push tokens', async () => {
    const [before] = await rows(`SELECT id, push_token FROM checks WHERE key = 'egov-portal/push'`);
    folder.write(
      'systems/egov.yaml',
      folder
        .read('systems/egov.yaml')
        .replace('interval: 60s', 'interval: 2m')
        .replace('tier: critical\n    category: infrastructure', 'tier: high\n    category: infrastructure'),
    );
    const result = await catalog.reload();
    expect(result.summary.checks).toEqual({ added: 0, updated: 1, disabled: 0, unchanged: 6 });
    expect(result.summary.systems).toEqual({ added: 0, updated: 1, disabled: 0, unchanged: 2 });
    const [after] = await rows(
      `SELECT id, push_token, interval_s FROM checks WHERE key = 'egov-portal/push'`,
    );
    expect(after).toEqual({ id: before.id, push_token: before.push_token, interval_s: '120' });
    expect((await rows(`SELECT tier FROM systems WHERE code = 'egov-gateway'`))[0].tier).toBe('high');
    expect(await revisions()).toBe(2);
  });

  it('a changed dependency list alone makes the system updated', async () => {
    folder.write(
      'systems/gbd.yaml',
      folder.read('systems/gbd.yaml').replace('    depends_on: [egov-gateway]\n', ''),
    );
    const result = await catalog.reload();
    expect(result.summary.systems).toEqual({ added: 0, updated: 1, disabled: 0, unchanged: 2 });
    expect(
      await rows(
        `SELECT * FROM system_dependencies sd JOIN systems s ON s.id = sd.system_id WHERE s.code = 'gbd-fl'`,
      ),
    ).toEqual([]);
  });

  it('disables what disappears from the folder and keeps the rows; re-enables what comes back', async () => {
    const egov = folder.read('systems/egov.yaml');
    const maintenance = folder.read('maintenance.yaml');
    const [tcp] = await rows(`SELECT id FROM checks WHERE key = 'egov-portal/tcp'`);
    folder.write(
      'systems/egov.yaml',
      egov.replace(/ {6}- code: tcp\n {8}kind: tcp\n {8}target: 127\.0\.0\.1:41002\n/, ''),
    );
    folder.write(
      'maintenance.yaml',
      maintenance.slice(0, maintenance.indexOf('  - code: weekly-gateway-window')),
    );
    const removed = await catalog.reload();
    expect(removed.summary.checks).toEqual({ added: 0, updated: 0, disabled: 1, unchanged: 6 });
    expect(removed.summary.maintenance).toEqual({ added: 0, updated: 0, disabled: 1, unchanged: 1 });
    expect(await rows(`SELECT id, enabled FROM checks WHERE key = 'egov-portal/tcp'`)).toEqual([
      { id: tcp.id, enabled: false },
    ]);
    expect(
      await rows(`SELECT enabled FROM maintenance_windows WHERE code = 'weekly-gateway-window'`),
    ).toEqual([{ enabled: false }]);

    const again = await catalog.reload();
    expect(again.changed).toBe(false);

    folder.write('systems/egov.yaml', egov);
    folder.write('maintenance.yaml', maintenance);
    const restored = await catalog.reload();
    expect(restored.summary.checks).toEqual({ added: 0, updated: 1, disabled: 0, unchanged: 6 });
    expect(restored.summary.maintenance).toEqual({ added: 0, updated: 1, disabled: 0, unchanged: 1 });
    expect(await rows(`SELECT id, enabled FROM checks WHERE key = 'egov-portal/tcp'`)).toEqual([
      { id: tcp.id, enabled: true },
    ]);
  });

  it('a whole system removed: the system and its checks are disabled, never deleted', async () => {
    const gbd = folder.read('systems/gbd.yaml');
    folder.write(
      'systems/egov.yaml',
      folder
        .read('systems/egov.yaml')
        .replace('depends_on: [egov-gateway, gbd-fl]', 'depends_on: [egov-gateway]'),
    );
    folder.remove('systems/gbd.yaml');
    const result = await catalog.reload();
    expect(result.summary.systems).toMatchObject({ disabled: 1, updated: 1 });
    expect(result.summary.checks).toMatchObject({ disabled: 1 });
    expect(await rows(`SELECT enabled FROM systems WHERE code = 'gbd-fl'`)).toEqual([{ enabled: false }]);
    expect(await rows(`SELECT enabled FROM checks WHERE key = 'gbd-fl/api'`)).toEqual([{ enabled: false }]);
    folder.write('systems/gbd.yaml', gbd);
  });

  it('a malformed folder changes nothing, and every error is reported', async () => {
    const before = await snapshot();
    const eventsBefore = events.length;
    folder.write('systems/broken.yaml', 'systems:\n  - code: broken\n    agency: nit\n    tier: [unclosed\n');
    folder.write('agencies.yaml', folder.read('agencies.yaml').replace('code: mju', 'code: MJU'));
    const error = await catalog.reload().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogValidationError);
    const files = (error as CatalogValidationError).problems.map((p) => p.file);
    expect(files).toEqual(expect.arrayContaining(['systems/broken.yaml', 'agencies.yaml']));
    // With a file unreadable, unknown-reference errors (gbd-fl's agency "mju") would be noise.
    expect(files).not.toContain('systems/gbd.yaml');
    expect(await snapshot()).toEqual(before);
    expect(events.length).toBe(eventsBefore);
  });
});

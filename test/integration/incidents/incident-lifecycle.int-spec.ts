import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { dataSourceExecutor } from '../../../apps/api/src/database/sql-executor';
import { DetectorService } from '../../../apps/api/src/detection/detector.service';
import { createIngestSpool } from '../../../apps/api/src/ingest/ingest-spool';
import { IngestMetrics } from '../../../apps/api/src/ingest/ingest-metrics';
import { IngestStore } from '../../../apps/api/src/ingest/ingest-store';
import { IngestTimers } from '../../../apps/api/src/ingest/ingest-timers';
import { IngestService } from '../../../apps/api/src/ingest/ingest.service';
import { ResultsStream } from '../../../apps/api/src/ingest/results-stream';
import { IncidentEvents, IncidentChange } from '../../../apps/api/src/incidents/incident-events.service';
import { IncidentsService } from '../../../apps/api/src/incidents/incidents.service';
import { FakeClock } from '../../../apps/api/src/incidents/testing/fake-incidents';
import type { MetricsRegistry } from '../../../apps/api/src/metrics/metrics-registry.service';
import { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import { CheckResultsRepository } from '../../../apps/api/src/timeseries/check-results.repository';
import { createDedicatedDatabase, openDataSource, tempSpoolDir } from '../ingest/support/ingest-harness';
import { createIncidentsTestApp, result, S, seedCatalog, SeededCatalog } from './support/incidents-test-app';

const { Up, Down } = CheckOutcome;

describe('detector and incidents on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let seed: SeededCatalog;
  let app: NestFastifyApplication | undefined;
  const clock = new FakeClock(S(0));

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    seed = await seedCatalog(ds);
  });

  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  });

  const incidents = async () =>
    (await ds.query('SELECT * FROM incidents ORDER BY id')) as Record<string, unknown>[];
  const timeline = async (id: unknown) =>
    (
      (await ds.query(
        'SELECT kind, actor, idempotency_key FROM incident_events WHERE incident_id = $1 ORDER BY id',
        [id],
      )) as {
        kind: string;
      }[]
    ).map((e) => e.kind);

  it('ingested results open an incident, a restart mid-incident continues it, and it resolves once', async () => {
    const stream = new ResultsStream();
    app = await createIncidentsTestApp(db.url, clock, stream);
    const changes: IncidentChange[] = [];
    app.get(IncidentEvents).changes$.subscribe((c) => changes.push(c));
    // Rows go through the real write path: the stream sees them once durable in check_results.
    const sql = dataSourceExecutor(ds);
    const ingest = new IngestService(
      new IngestStore(new CheckResultsRepository(sql), sql),
      createIngestSpool(tempSpoolDir()),
      new IngestMetrics({ registry: new Registry() } as MetricsRegistry),
      new IngestTimers(),
      {},
      stream,
    );
    ingest.start();
    const gw = seed.checkIds.gateway;
    await ingest.write([result(gw, 0, Up), result(gw, 30, Up), result(gw, 60, Down)]);
    await ingest.write([result(gw, 90, Down)]);
    await app.get(DetectorService).idle();
    await ingest.stop();

    let rows = await incidents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      system_id: seed.systemIds.gateway,
      agency_id: seed.agencyIds.nit,
      kind: 'root',
      status: 'major_outage',
      severity: 'sev1',
      state: 'open',
      public_state: 'investigating',
      title_en: 'eGov gateway is down',
      alertable: true,
    });
    expect(new Date(rows[0].opened_at as string).getTime()).toBe(S(90));
    expect(changes.map((c) => c.type)).toEqual(['opened']);
    const state = (await ds.query(`SELECT state FROM detector_state WHERE key = $1`, [
      `region:${gw}:almaty`,
    ])) as {
      state: { softHard: { hard: string } };
    }[];
    expect(state[0].state.softHard.hard).toBe('down');

    // The portal depends on the gateway: its outage (2 of 3 regions) is a symptom.
    const portal = seed.checkIds.portal;
    const stream1 = app.get(ResultsStream);
    for (const sec of [95, 125])
      stream1.publish([
        result(portal, sec, Down, 'almaty'),
        result(portal, sec, Down, 'astana'),
        result(portal, sec, Up, 'shymkent'),
      ]);
    await app.get(DetectorService).idle();
    rows = await incidents();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      system_id: seed.systemIds.portal,
      kind: 'symptom',
      root_incident_id: rows[0].id,
      alertable: false,
    });

    // Restart (a new detector instance, state loaded from the database) mid-incident.
    await app.close();
    app = await createIncidentsTestApp(db.url, clock);
    const stream2 = app.get(ResultsStream);
    // A replay of rows already seen, then more failures: nothing new opens.
    stream2.publish([result(gw, 60, Down), result(gw, 90, Down), result(gw, 120, Down)]);
    await app.get(DetectorService).idle();
    expect(await incidents()).toHaveLength(2);
    // Recovery: two successes; the sweep resolves it after the cooldown, once.
    stream2.publish([result(gw, 150, Up), result(gw, 180, Up)]);
    await app.get(DetectorService).idle();
    rows = await incidents();
    expect(new Date(rows[0].recovered_at as string).getTime()).toBe(S(180));
    expect(rows[0].state).toBe('open');
    clock.t = S(180) + 119_000;
    expect(await app.get(IncidentsService).sweep()).toBe(0);
    clock.t = S(180) + 120_000;
    // the portal, its symptom, still fails: the root waits the symptom grace (15 s) for it
    expect(await app.get(IncidentsService).sweep()).toBe(0);
    clock.t = S(180) + 135_000;
    expect(await app.get(IncidentsService).sweep()).toBe(1);
    expect(await app.get(IncidentsService).sweep()).toBe(0);
    rows = await incidents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ state: 'resolved', public_state: 'resolved' });
    expect(new Date(rows[0].resolved_at as string).getTime()).toBe(S(180));
    // The portal still fails: it became its own root.
    expect(rows[1]).toMatchObject({ kind: 'root', root_incident_id: null, alertable: true, state: 'open' });
    expect(await timeline(rows[0].id)).toEqual(['state_changed', 'status_changed', 'resolved']);
    expect(await timeline(rows[1].id)).toEqual(['state_changed', 'linked_to_root', 'promoted_to_root']);
    const keys = (await ds.query(
      'SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS u FROM incident_events WHERE idempotency_key IS NOT NULL',
    )) as {
      n: number;
      u: number;
    }[];
    expect(keys[0].n).toBe(keys[0].u);
  });

  it('a failure within the cooldown reopens the same incident (registry)', async () => {
    const stream = app!.get(ResultsStream);
    const reg = seed.checkIds.registry;
    stream.publish([
      result(reg, 1000, Down),
      result(reg, 1030, Down),
      result(reg, 1060, Up),
      result(reg, 1090, Up),
    ]);
    stream.publish([result(reg, 1120, Down), result(reg, 1150, Down)]);
    await app!.get(DetectorService).idle();
    const rows = (await incidents()).filter((r) => Number(r.system_id) === seed.systemIds.registry);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'open', recovered_at: null, severity: 'sev3' });
    expect(await timeline(rows[0].id)).toEqual(['state_changed', 'status_changed', 'reopened']);
  });

  it('a maintenance window keeps an open outage open, suppresses new ones, and shows under_maintenance', async () => {
    await ds.query(
      `INSERT INTO maintenance_windows (code, title_kk, title_ru, title_en, starts_at, ends_at) VALUES ('it-mw', 'a', 'b', 'c', $1, $2)`,
      [new Date(S(2000)), new Date(S(3000))],
    );
    await ds.query(
      `INSERT INTO maintenance_window_systems (window_id, system_id) SELECT id, $1 FROM maintenance_windows WHERE code = 'it-mw'`,
      [seed.systemIds.registry],
    );
    // The registry's incident (reopened above) is open when the window begins.
    const stream = app!.get(ResultsStream);
    const reg = seed.checkIds.registry;
    await app!.get(DetectorService).reloadCatalog();
    stream.publish([result(reg, 2030, Down), result(reg, 2060, Down), result(reg, 2090, Down)]);
    await app!.get(DetectorService).idle();
    let rows = (await incidents()).filter((r) => Number(r.system_id) === seed.systemIds.registry);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'open', recovered_at: null });
    // It recovers inside the window (steadily: it had been flapping): recovered, then resolved
    // once after the cooldown.
    stream.publish(Array.from({ length: 24 }, (_, k) => result(reg, 2120 + 30 * k, Up)));
    await app!.get(DetectorService).idle();
    rows = (await incidents()).filter((r) => Number(r.system_id) === seed.systemIds.registry);
    const recoveredAt = new Date(rows[0].recovered_at as string).getTime();
    expect(recoveredAt).toBeGreaterThanOrEqual(S(2150));
    expect(recoveredAt).toBeLessThanOrEqual(S(2810));
    clock.t = S(2810) + 120_000;
    await app!.get(IncidentsService).sweep();
    // A new failure inside the window opens nothing, reopens nothing.
    stream.publish([result(reg, 2900, Down), result(reg, 2930, Down)]);
    await app!.get(DetectorService).idle();
    rows = (await incidents()).filter((r) => Number(r.system_id) === seed.systemIds.registry);
    expect(rows).toHaveLength(1);
    expect(rows[0].state).toBe('resolved');
    expect((await timeline(rows[0].id)).filter((k) => k === 'resolved')).toHaveLength(1);
    const status = (await ds.query(`SELECT state->>'status' AS s FROM detector_state WHERE key = $1`, [
      `system:${seed.systemIds.registry}`,
    ])) as { s: string }[];
    expect(status[0].s).toBe('under_maintenance');
    // The confirmed status timeline (uptime's source) was written in the same transactions.
    const history = (await ds.query(
      `SELECT extract(epoch FROM at) * 1000 AS at, status FROM system_status_history WHERE system_id = $1 ORDER BY at`,
      [seed.systemIds.registry],
    )) as { at: string; status: string | null }[];
    expect(history.find((h) => Number(h.at) === S(2030))?.status).toBe('under_maintenance');
    expect(history.map((h) => h.status)).toContain('major_outage');
  });
});

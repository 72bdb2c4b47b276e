import { Logger } from '@nestjs/common';
import { CheckOutcome } from '@kuzet/contracts';
import type { CheckResultRow } from '../timeseries/check-result';
import { incidentsHarness, IncidentsHarness, systemRef } from '../incidents/testing/fake-incidents';
import { buildDetectionCatalog, CheckInfo } from './detection-catalog';
import { DEFAULT_DETECTION_OPTIONS } from './detection.options';
import type { DetectionRepository } from './detection.repository';
import { DetectorService } from './detector.service';
import type { MaintenanceWindowInfo } from './maintenance-schedule';

Logger.overrideLogger(false);

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const S = (n: number) => T0 + n * 1000;

const GATEWAY = systemRef(1, 'gateway');
const PORTAL = systemRef(2, 'portal', [1]);
const check = (id: number, systemId: number, extra: Partial<CheckInfo> = {}): CheckInfo => ({
  id,
  key: `c${id}`,
  systemId,
  regions: ['almaty'],
  intervalMs: 30_000,
  degradedMs: null,
  failures: null,
  successes: null,
  ...extra,
});

describe('DetectorService', () => {
  let h: IncidentsHarness;
  let checks: CheckInfo[];
  let windows: MaintenanceWindowInfo[];

  const detector = async () => {
    const repo = {
      loadCatalog: async () => buildDetectionCatalog(checks, h.graph, windows),
      loadState: async () => new Map(h.store.state),
    } as unknown as DetectionRepository;
    const d = new DetectorService(repo, h.uow, h.service, DEFAULT_DETECTION_OPTIONS);
    await d.start();
    return d;
  };
  const row = (
    checkId: number,
    sec: number,
    outcome: CheckOutcome,
    region = 'almaty',
    latencyMs: number | null = 20,
  ): CheckResultRow => ({
    time: new Date(S(sec)),
    checkId,
    region,
    outcome,
    latencyMs,
    statusCode: null,
    errorClass: null,
  });
  const { Up, Down, Unknown } = CheckOutcome;

  beforeEach(() => {
    h = incidentsHarness([GATEWAY, PORTAL]);
    checks = [check(10, 1), check(20, 2, { regions: ['almaty', 'astana', 'shymkent'] })];
    windows = [];
  });

  it('two failures make the check down and open one incident; unknowns neither count nor reset', async () => {
    const d = await detector();
    await d.enqueue([row(10, 0, Up), row(10, 30, Up), row(10, 60, Down), row(10, 90, Unknown)]);
    expect(h.store.incidents).toHaveLength(0);
    await d.enqueue([row(10, 120, Down)]);
    expect(h.store.incidents).toHaveLength(1);
    expect(h.store.incidents[0]).toMatchObject({ systemId: 1, status: 'major_outage', openedAt: S(120) });
    // Recovery needs two successes.
    await d.enqueue([row(10, 150, Up)]);
    expect(h.store.incidents[0].recoveredAt).toBeNull();
    await d.enqueue([row(10, 180, Up)]);
    expect(h.store.incidents[0].recoveredAt).toBe(S(180));
  });

  it('ignores replayed and late rows (not after the last accepted result)', async () => {
    const d = await detector();
    await d.enqueue([row(10, 0, Up), row(10, 30, Up)]);
    await d.enqueue([row(10, 10, Down), row(10, 20, Down), row(10, 30, Down)]);
    expect(h.store.incidents).toHaveLength(0);
  });

  it('one region of three down is a regional warning, never an outage; a majority is an outage', async () => {
    const d = await detector();
    const all = (
      sec: number,
      almaty: CheckOutcome,
      astana: CheckOutcome = Up,
      shymkent: CheckOutcome = Up,
    ) => [row(20, sec, almaty, 'almaty'), row(20, sec, astana, 'astana'), row(20, sec, shymkent, 'shymkent')];
    await d.enqueue([...all(0, Up), ...all(30, Up), ...all(60, Down), ...all(90, Down)]);
    expect(h.store.incidents.every((i) => i.status !== 'major_outage')).toBe(true);
    expect(d.peek<{ verdict: string }>('check:20')?.verdict).toBe('regional');
    await d.enqueue([...all(120, Down, Down), ...all(150, Down, Down)]);
    expect(d.peek<{ verdict: string }>('check:20')?.verdict).toBe('down');
    expect(h.store.incidents.filter((i) => i.systemId === 2).at(-1)?.status).toBe('major_outage');
  });

  it('latency over thresholds.degraded_ms degrades the check', async () => {
    checks[0] = check(10, 1, { degradedMs: 500 });
    const d = await detector();
    await d.enqueue([
      row(10, 0, Up),
      row(10, 30, Up),
      row(10, 60, Up, 'almaty', 900),
      row(10, 90, Up, 'almaty', 900),
    ]);
    expect(h.store.incidents[0]).toMatchObject({ status: 'degraded_performance' });
  });

  it('a system under an active maintenance window gets no incident; after the window it does', async () => {
    windows = [
      {
        code: 'w',
        systemIds: [1],
        timezone: 'Asia/Almaty',
        startsAt: S(0),
        endsAt: S(200),
        recurrence: null,
        startTime: null,
        durationMs: null,
      },
    ];
    const d = await detector();
    await d.enqueue([row(10, 30, Down), row(10, 60, Down), row(10, 90, Down)]);
    expect(h.store.incidents).toHaveLength(0);
    expect(d.peek<{ status: string }>('system:1')?.status).toBe('under_maintenance');
    await d.enqueue([row(10, 210, Down)]); // still down after the window: now an incident
    expect(h.store.incidents).toHaveLength(1);
  });

  it('a child of a failing parent gets a symptom incident', async () => {
    checks = [check(10, 1), check(30, 2)];
    const d = await detector();
    await d.enqueue([row(10, 0, Down), row(10, 30, Down), row(30, 35, Down), row(30, 65, Down)]);
    const root = h.store.incidents.find((i) => i.systemId === 1)!;
    expect(h.store.incidents.find((i) => i.systemId === 2)).toMatchObject({
      kind: 'symptom',
      rootIncidentId: root.id,
      alertable: false,
    });
  });

  it('flapping opens one flapping incident instead of a storm', async () => {
    const d = await detector();
    const rows: CheckResultRow[] = [];
    const pattern = [Up, Up, Down, Down, Up, Up, Down, Down, Up, Up, Down, Down, Up, Up, Down, Down, Up, Up];
    pattern.forEach((o, i) => rows.push(row(10, i * 30, o)));
    await d.enqueue(rows);
    expect(h.store.incidents).toHaveLength(1);
    expect(h.store.incidents[0].flapping).toBe(true);
    expect(h.store.incidents[0].recoveredAt).toBeNull();
  });

  it('persists its state with each batch; a new detector resumes without a second incident', async () => {
    const d1 = await detector();
    await d1.enqueue([row(10, 0, Down), row(10, 30, Down)]);
    expect(h.store.state.get('region:10:almaty')).toMatchObject({ softHard: { hard: 'down' } });
    await d1.stop();
    const d2 = await detector();
    await d2.enqueue([row(10, 30, Down), row(10, 60, Down)]); // a redelivered row, then a new failure
    expect(h.store.incidents).toHaveLength(1);
    await d2.enqueue([row(10, 90, Up), row(10, 120, Up)]);
    expect(h.store.incidents[0].recoveredAt).toBe(S(120));
  });

  it('a failed transaction leaves the in-memory state as before the batch', async () => {
    const d = await detector();
    await d.enqueue([row(10, 0, Down)]);
    const before = d.peek('region:10:almaty');
    const run = h.uow.run.bind(h.uow);
    h.uow.run = (async () => {
      throw new Error('db down');
    }) as typeof h.uow.run;
    await d.enqueue([row(10, 30, Down)]); // logged, not thrown
    expect(d.peek('region:10:almaty')).toEqual(before);
    h.uow.run = run;
    await d.enqueue([row(10, 30, Down)]);
    expect(h.store.incidents).toHaveLength(1);
  });
});

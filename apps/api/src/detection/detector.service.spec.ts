import { Logger } from '@nestjs/common';
import { CheckOutcome } from '@kuzet/contracts';
import type { CheckResultRow } from '../timeseries/check-result';
import { incidentsHarness, IncidentsHarness, systemRef } from '../incidents/testing/fake-incidents';
import { buildDetectionCatalog, CheckInfo } from './detection-catalog';
import { DEFAULT_DETECTION_OPTIONS, DetectionOptions } from './detection.options';
import type { DetectionRepository, ResultCursor } from './detection.repository';
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
  code: `c${id}`,
  kind: 'http',
  role: 'primary',
  systemId,
  regions: ['almaty'],
  intervalMs: 30_000,
  timeoutMs: 10_000,
  degradedMs: null,
  failures: null,
  successes: null,
  ...extra,
});

describe('DetectorService', () => {
  let h: IncidentsHarness;
  let checks: CheckInfo[];
  let windows: MaintenanceWindowInfo[];
  /** check_results as the database has them (what the detector reads back). */
  let stored: CheckResultRow[];

  const detector = async (options: Partial<DetectionOptions> = {}) => {
    const repo: Pick<DetectionRepository, 'loadCatalog' | 'loadState' | 'resultsAfter'> = {
      loadCatalog: async () => buildDetectionCatalog(checks, h.graph, windows),
      loadState: async () => new Map(h.store.state),
      resultsAfter: async (after: ResultCursor, limit: number) =>
        [...stored]
          .sort((a, b) => a.time.getTime() - b.time.getTime() || a.checkId - b.checkId || a.region.localeCompare(b.region))
          .filter(
            (r) =>
              r.time.getTime() > after.time ||
              (r.time.getTime() === after.time &&
                (r.checkId > after.checkId || (r.checkId === after.checkId && r.region > after.region))),
          )
          .slice(0, limit),
    };
    const d = new DetectorService(repo as DetectionRepository, h.uow, h.service, {
      ...DEFAULT_DETECTION_OPTIONS,
      ...options,
    }, h.clock);
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
    stored = [];
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

  describe('issue 9: detection that tells the truth', () => {
    const failed = (checkId: number, sec: number, extra: Partial<CheckResultRow> = {}): CheckResultRow => ({
      ...row(checkId, sec, Down, 'almaty', null),
      ...extra,
    });

    it('a dead service whose DNS still answers is a major outage, SEV1 on a critical system', async () => {
      checks = [
        check(10, 1),
        check(11, 1, { kind: 'dns', role: 'diagnostic' }),
        check(12, 1, { kind: 'tcp', role: 'diagnostic' }),
      ];
      const d = await detector();
      const ok = (sec: number) => [row(11, sec, Up), row(12, sec, Up)];
      await d.enqueue([
        ...ok(0),
        failed(10, 0, { errorClass: 'status', statusCode: 503 }),
        ...ok(1),
        failed(10, 1, { errorClass: 'status', statusCode: 503 }),
      ]);
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ status: 'major_outage', severity: 'sev1', failureKind: 'outage' });
    });

    it('a diagnostic check alone failing only degrades the system', async () => {
      checks = [check(10, 1), check(11, 1, { kind: 'dns', role: 'diagnostic' })];
      const d = await detector();
      await d.enqueue([row(10, 0, Up), failed(11, 0, { errorClass: 'dns' }), row(10, 1, Up), failed(11, 1, { errorClass: 'dns' })]);
      expect(h.store.incidents[0]).toMatchObject({ status: 'degraded_performance', failureKind: 'degraded' });
      expect(h.store.incidents[0].cause?.checks[0]).toMatchObject({ checkCode: 'c11', role: 'diagnostic' });
    });

    it('a diagnostic failing before the primary is confirmed waits for it: one outage, not degraded first', async () => {
      checks = [check(10, 1), check(12, 1, { kind: 'tls', role: 'diagnostic' })];
      const d = await detector();
      await d.enqueue([row(10, 0, Up), row(12, 0, Up), row(10, 0.5, Up), row(12, 0.5, Up)]);
      // A hung server: the TLS handshake times out a run before the HTTP check does.
      await d.enqueue([failed(12, 1, { errorClass: 'timeout' }), failed(10, 1, { errorClass: 'timeout' })]);
      await d.enqueue([failed(12, 2, { errorClass: 'timeout' })]);
      expect(h.store.incidents).toHaveLength(0);
      await d.enqueue([failed(10, 2, { errorClass: 'timeout' })]);
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ status: 'major_outage', failureKind: 'outage' });
    });

    it('a diagnostic failure is not held for longer than the grace when the primary never confirms', async () => {
      checks = [check(10, 1, { failures: 10 }), check(12, 1, { kind: 'tls', role: 'diagnostic' })];
      const d = await detector({ parentGraceMs: 5_000 });
      const up = (sec: number) => [row(10, sec, Up), row(12, sec, Up)];
      const down = (sec: number) => [failed(10, sec), failed(12, sec)];
      await d.enqueue([...up(0), ...up(1), ...down(2), ...down(3)]);
      // TLS confirmed down at 3 s; the primary needs 10 failures: held from 3 s for 5 s.
      await d.enqueue([...down(4), ...down(5), ...down(6), ...down(7)]);
      expect(h.store.incidents).toHaveLength(0);
      await d.enqueue(down(8));
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ status: 'degraded_performance', openedAt: S(8) });
    });

    it('carries the cause: failing checks, regions, the first error in words, and the times', async () => {
      h.clock.t = S(100);
      const d = await detector();
      await d.enqueue([failed(10, 30, { errorClass: 'connect', failureWords: 'connection refused' })]);
      await d.enqueue([failed(10, 31, { errorClass: 'timeout' })]);
      const inc = h.store.incidents[0];
      expect(inc.cause).toEqual({
        checks: [
          {
            checkId: 10,
            checkCode: 'c10',
            checkType: 'http',
            role: 'primary',
            outcome: Down,
            regions: ['almaty'],
            errorClass: 'connect',
            httpStatus: null,
            error: 'connection refused',
            firstFailureAt: S(30),
          },
        ],
      });
      expect(inc.firstFailureAt).toBe(S(30));
      expect(inc.openedAt).toBe(S(31));
      expect(inc.confirmedAt).toBe(S(100));
    });

    it('puts a timeout in words from the check timeout when the probe sent none', async () => {
      const d = await detector();
      await d.enqueue([failed(10, 0, { errorClass: 'timeout' }), failed(10, 1, { errorClass: 'timeout' })]);
      expect(h.store.incidents[0].cause?.checks[0].error).toBe('timeout after 10 s');
    });

    it('records every confirmed status change in the status timeline', async () => {
      const d = await detector();
      await d.enqueue([row(10, 0, Up), row(10, 30, Up), row(10, 60, Down), row(10, 90, Down), row(10, 120, Up), row(10, 150, Up)]);
      expect(h.store.history.filter((e) => e.systemId === 1).map((e) => [e.at, e.status])).toEqual([
        [S(0), null],
        [S(30), 'operational'],
        [S(90), 'major_outage'],
        [S(150), 'operational'],
      ]);
    });

    it('children seen failing before their parent wait for it and open as symptoms, never as roots', async () => {
      // the gateway fails first in soft state; its dependent is already hard down
      checks = [check(10, 1), check(30, 2)];
      const d = await detector();
      await d.enqueue([row(10, 0, Up), row(10, 1, Up), row(30, 0, Up), row(30, 1, Up)]);
      await d.enqueue([row(10, 10, Down), row(30, 10, Down), row(30, 11, Down)]);
      expect(h.store.incidents).toHaveLength(0); // the portal is held back while the gateway is unconfirmed
      expect(d.peek<{ status: string }>('system:2')?.status).toBe('major_outage'); // its tile still shows it
      await d.enqueue([row(10, 11, Down)]); // the gateway confirmed
      const root = h.store.incidents.find((i) => i.systemId === 1)!;
      expect(root).toMatchObject({ kind: 'root', alertable: true });
      expect(h.store.incidents.find((i) => i.systemId === 2)).toMatchObject({
        kind: 'symptom',
        rootIncidentId: root.id,
        alertable: false,
      });
      expect(h.store.incidents.filter((i) => i.kind === 'root')).toHaveLength(1);
    });

    it('a child failing before its parent was even run again waits for the parent result, then decides at once', async () => {
      checks = [check(10, 1), check(30, 2)];
      const d = await detector();
      await d.enqueue([row(10, 0, Up), row(10, 1, Up), row(30, 0, Up), row(30, 1, Up)]);
      // the portal is confirmed down; the gateway's last result (1 s) is older than the portal's failure
      await d.enqueue([row(30, 10, Down), row(30, 11, Down)]);
      expect(h.store.incidents).toHaveLength(0);
      await d.enqueue([row(10, 12, Down)]); // the gateway fails: still unconfirmed, the child waits
      expect(h.store.incidents).toHaveLength(0);
      await d.enqueue([row(10, 13, Down)]);
      expect(h.store.incidents.filter((i) => i.kind === 'root').map((i) => i.systemId)).toEqual([1]);
      expect(h.store.incidents.find((i) => i.systemId === 2)).toMatchObject({ kind: 'symptom', openedAt: S(13) });
    });

    it('a child failing on its own opens as a root at the parent\'s next good result, not at its own next run', async () => {
      checks = [check(10, 1), check(30, 2)];
      const d = await detector();
      await d.enqueue([row(10, 0, Up), row(10, 1, Up), row(30, 0, Up), row(30, 1, Up)]);
      await d.enqueue([row(30, 10, Down), row(30, 11, Down)]);
      expect(h.store.incidents).toHaveLength(0);
      await d.enqueue([row(10, 12, Up)]);
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ systemId: 2, kind: 'root', openedAt: S(12) });
    });

    it('a child held back opens as a root once the grace passes and the parent never confirmed', async () => {
      checks = [check(10, 1, { failures: 5 }), check(30, 2)];
      const d = await detector({ parentGraceMs: 15_000 });
      await d.enqueue([row(10, 0, Up), row(10, 1, Up), row(30, 0, Up), row(30, 1, Up)]);
      await d.enqueue([row(10, 10, Down), row(30, 10, Down), row(30, 11, Down)]);
      await d.enqueue([row(10, 12, Down), row(30, 20, Down)]); // the parent still unconfirmed, within the grace
      expect(h.store.incidents).toHaveLength(0);
      await d.enqueue([row(30, 30, Down)]); // the grace (15 s from 11 s) has passed
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ systemId: 2, kind: 'root', alertable: true });
    });

    it('a child whose parent was only a blip opens as a root at its next failure', async () => {
      checks = [check(10, 1), check(30, 2)];
      const d = await detector();
      await d.enqueue([row(10, 0, Up), row(10, 1, Up), row(30, 0, Up), row(30, 1, Up)]);
      await d.enqueue([row(10, 10, Down), row(30, 10, Down), row(30, 11, Down)]);
      expect(h.store.incidents).toHaveLength(0);
      await d.enqueue([row(10, 12, Up), row(30, 20, Down)]);
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ systemId: 2, kind: 'root' });
    });

    it('an outage running into a maintenance window stays open through it and resolves once on recovery', async () => {
      windows = [
        { code: 'w', systemIds: [1], timezone: 'Asia/Almaty', startsAt: S(100), endsAt: S(400), recurrence: null, startTime: null, durationMs: null },
      ];
      const d = await detector();
      await d.enqueue([row(10, 30, Down), row(10, 60, Down)]);
      expect(h.store.incidents).toHaveLength(1);
      await d.enqueue([row(10, 120, Down), row(10, 150, Down)]); // the window began
      expect(h.store.incidents[0].recoveredAt).toBeNull();
      expect(d.peek<{ status: string }>('system:1')?.status).toBe('under_maintenance');
      await d.enqueue([row(10, 180, Up), row(10, 210, Up)]); // recovered during the window
      expect(h.store.incidents[0].recoveredAt).toBe(S(210));
      await d.enqueue([row(10, 240, Down), row(10, 270, Down)]); // a new failure inside the window: suppressed
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0].recoveredAt).toBe(S(210));
      expect(h.store.kinds(h.store.incidents[0].id).filter((k) => k === 'reopened')).toHaveLength(0);
    });

    it('after a restart, evaluates durable results it had not seen (a crash between ingest and detection)', async () => {
      const d1 = await detector();
      await d1.enqueue([row(10, 0, Up), row(10, 30, Up)]);
      await d1.stop();
      // these reached check_results, but the process died before the detector saw them
      stored = [row(10, 0, Up), row(10, 30, Up), row(10, 60, Down), row(10, 90, Down)];
      const d2 = await detector();
      await d2.idle();
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ openedAt: S(90), status: 'major_outage' });
    });

    it('as leader, evaluates results another node made durable (read back on its notice), each row once', async () => {
      const d = await detector();
      await d.enqueue([row(10, 0, Up), row(10, 30, Up)]); // ingested here
      // another node stored these; its notice names the earliest time
      stored = [row(10, 0, Up), row(10, 30, Up), row(10, 60, Down), row(10, 90, Down)];
      const runsBefore = h.uow.runs;
      d.followDurable(S(60));
      d.followDurable(S(90)); // notices arriving meanwhile merge into the same read
      await d.idle();
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ openedAt: S(90), status: 'major_outage' });
      expect(h.uow.runs - runsBefore).toBe(1);
      // a later notice over rows already evaluated changes nothing and writes nothing
      d.followDurable(S(0));
      await d.idle();
      expect(h.uow.runs - runsBefore).toBe(1);
      expect(h.store.incidents).toHaveLength(1);
    });

    it('bounds its queue: past the limit it reads the rows back from the database, losing nothing', async () => {
      const d = await detector({ queueMaxRows: 2 });
      const rows = [row(10, 0, Up), row(10, 30, Up), row(10, 60, Down), row(10, 90, Down), row(10, 120, Down)];
      stored = rows;
      const pending = [d.enqueue(rows.slice(0, 2)), d.enqueue(rows.slice(2, 4)), d.enqueue(rows.slice(4))];
      expect(d.queuedRows()).toBeLessThanOrEqual(2);
      await Promise.all(pending);
      await d.idle();
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0].openedAt).toBe(S(90));
      expect(d.lagSeconds()).toBe(0);
      // and it follows the stream again
      await d.enqueue([row(10, 150, Up), row(10, 180, Up)]);
      expect(h.store.incidents[0].recoveredAt).toBe(S(180));
    });

    it('stops after the batch in progress; the batches still queued are read back by the next start', async () => {
      const d1 = await detector();
      await d1.enqueue([row(10, 0, Up), row(10, 30, Up)]);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const run = h.uow.run.bind(h.uow);
      let entered = false;
      h.uow.run = (async (work: Parameters<typeof run>[0]) => {
        entered = true;
        await gate;
        return run(work);
      }) as typeof h.uow.run;
      const runsBefore = h.uow.runs;
      const inProgress = d1.enqueue([row(10, 60, Down)]);
      const queued = d1.enqueue([row(10, 90, Down)]);
      while (!entered) await new Promise((r) => setImmediate(r));
      const stopped = d1.stop();
      release();
      await Promise.all([inProgress, queued, stopped]);
      h.uow.run = run;
      // only the batch in progress was evaluated: one failure, no incident yet
      expect(h.uow.runs - runsBefore).toBe(1);
      expect(h.store.incidents).toHaveLength(0);
      // the rows were durable: the next start evaluates the one the stop left
      stored = [row(10, 0, Up), row(10, 30, Up), row(10, 60, Down), row(10, 90, Down)];
      const d2 = await detector();
      await d2.idle();
      expect(h.store.incidents).toHaveLength(1);
      expect(h.store.incidents[0]).toMatchObject({ openedAt: S(90), status: 'major_outage' });
    });

    it('reports its lag as the age of the oldest result waiting', async () => {
      const d = await detector();
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const run = h.uow.run.bind(h.uow);
      h.uow.run = (async (work: Parameters<typeof run>[0]) => {
        await gate;
        return run(work);
      }) as typeof h.uow.run;
      h.clock.t = S(0);
      const p = d.enqueue([row(10, 0, Up)]);
      h.clock.t = S(7);
      expect(d.lagSeconds()).toBe(7);
      release();
      await p;
      expect(d.lagSeconds()).toBe(0);
    });
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
import { HealthClock } from '../../../apps/api/src/health/health-clock';
import { HealthModule } from '../../../apps/api/src/health/health.module';
import { MetricsRegistry } from '../../../apps/api/src/metrics/metrics-registry.service';
import { EmbeddedAgentService } from '../../../apps/api/src/probing/embedded/embedded-agent.service';
import { probedCheckIds, ProbingTestEnv, startProbingTestEnv, waitFor } from './support/probing-test-app';

/** Moves the health module's time forward without touching the rest of the app. */
class ShiftedClock extends HealthClock {
  offsetMs = 0;
  override now(): number {
    return Date.now() + this.offsetMs;
  }
}

/**
 * A check stored with an interval no agent can schedule (written before the catalog bounded it)
 * is refused alone: the embedded agent runs the others after a (re)start. And /api/health says
 * probing stalled, 503, when checks exist but results stop.
 */
describe('probing: one bad check, and a stall', () => {
  let env: ProbingTestEnv;
  let badId: number;
  const clock = new ShiftedClock();

  beforeAll(async () => {
    env = await startProbingTestEnv({
      imports: [HealthModule.forRoot()],
      overrides: [{ provide: HealthClock, useValue: clock }],
      beforeStart: async (db) => {
        [badId] = await probedCheckIds(db);
        await db.query('UPDATE checks SET interval_s = 1e308 WHERE id = $1', [badId]);
      },
    });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('refuses only the bad check: the embedded agent runs the others and results flow', async () => {
    const ids = await probedCheckIds(env.db);
    expect(ids).toHaveLength(8);
    const others = ids.filter((id) => id !== badId);
    const embedded = env.app.get(EmbeddedAgentService);
    expect(embedded.state()?.checks).toBe(7);
    await waitFor('results of every other check', async () => {
      const rows = await env.db.query<{ check_id: number }>('SELECT DISTINCT check_id FROM check_results');
      const seen = new Set(rows.map((r) => Number(r.check_id)));
      return others.every((id) => seen.has(id)) || undefined;
    });
    const bad = await env.db.query('SELECT 1 FROM check_results WHERE check_id = $1', [badId]);
    expect(bad).toHaveLength(0);
    const metrics = await env.app.get(MetricsRegistry).registry.metrics();
    expect(metrics).toMatch(/kuzet_probe_checks_refused_total\{[^}]*where="assignment"[^}]*\} [1-9]/);
  });

  it('/api/health reports probing stalled (503) once results stop for max(3 x interval, 60 s)', async () => {
    const health = async () => {
      const res = await fetch(`${env.baseUrl}/api/health`);
      return { status: res.status, body: (await res.json()) as Json };
    };
    const live = await health();
    expect(live.status).toBe(200);
    expect(live.body.probing).toMatchObject({ ok: true, checks: 8, stall_after_s: 60 });

    await env.app.get(EmbeddedAgentService).onModuleDestroy();
    clock.offsetMs = 61_000;
    const stalled = await health();
    expect(stalled.status).toBe(503);
    expect(stalled.body.status).toBe('degraded');
    expect(stalled.body.probing).toMatchObject({ ok: false, checks: 8 });
    expect(stalled.body.probing.last_result_age_s).toBeGreaterThanOrEqual(61);
  });
});

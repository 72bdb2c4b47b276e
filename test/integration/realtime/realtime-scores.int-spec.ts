import { BOARD_NAMESPACE, PUBLIC_NAMESPACE } from '@kuzet/contracts';
import type { DataSource } from 'typeorm';
import { RealtimePublisher } from '../../../apps/api/src/realtime/realtime-publisher.service';
import { ScoringService } from '../../../apps/api/src/scoring/scoring.service';
import { createUser, login, SignedIn } from '../../support/auth-helpers';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { RealtimeTestApp, seedRealtimeCatalog, startRealtimeApp, TestClient } from './support/realtime-test-app';

const PASSWORD = 'scores-test-password';

/**
 * score.updated through the whole API app: the scorer's run reaches /board (the national room
 * everything, an operator its own agency), never /public, and only when a score changed.
 */
describe('real time: score.updated from the scoring run (the whole API app)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let kuzet: RealtimeTestApp;
  const sessions: Record<string, SignedIn> = {};
  const clients: TestClient[] = [];
  const connect = async (namespace: string, headers: Record<string, string> = {}) => {
    const c = new TestClient(kuzet.base, namespace, headers);
    clients.push(c);
    await c.connect();
    await c.sync();
    return c;
  };
  const scores = (c: TestClient) => c.events.filter((e) => e.type === 'score.updated').map((e) => e.data.agency).sort();

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    await seedRealtimeCatalog(ds);
    // Runs are driven by the test, not the timer.
    kuzet = await startRealtimeApp(db.url, { KUZET_SCORING_FIRST_RUN_S: '3600', KUZET_SCORING_INTERVAL_S: '86400' });
    for (const [who, role, agency] of [['duty', 'duty_officer'], ['opMju', 'agency_operator', 'mju']] as const) {
      const email = `${who.toLowerCase()}@scores-realtime.test`;
      await createUser(ds, { email, password: PASSWORD, role, agency });
      sessions[who] = await login(kuzet.base, email, PASSWORD);
    }
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await kuzet?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('sends each changed agency score to the national room and its agency room, none to /public', async () => {
    const duty = await connect(BOARD_NAMESPACE, { cookie: sessions.duty.cookie });
    const operator = await connect(BOARD_NAMESPACE, { cookie: sessions.opMju.cookie });
    const citizen = await connect(PUBLIC_NAMESPACE);

    const run = await kuzet.app.get(ScoringService).runOnce();
    expect(run.changed.map((u) => u.agency).sort()).toEqual(['mju', 'nit']);
    await duty.waitFor((events) => events.filter((e) => e.type === 'score.updated').length === 2, 'two score.updated');
    await operator.waitFor((events) => events.some((e) => e.type === 'score.updated'), 'its score.updated');
    await kuzet.app.get(RealtimePublisher).idle();

    expect(scores(duty)).toEqual(['mju', 'nit']);
    expect(scores(operator)).toEqual(['mju']);
    const mju = duty.events.find((e) => e.type === 'score.updated' && e.data.agency === 'mju')!;
    const stored = run.agencies.find((a) => a.agency === 'mju')!;
    expect(mju.data).toEqual({ agency: 'mju', score: Math.round(stored.score * 10) / 10, grade: stored.grade });
    expect(citizen.events.filter((e) => e.type === 'score.updated')).toEqual([]);

    // Nothing changed: nothing is sent.
    const again = await kuzet.app.get(ScoringService).runOnce();
    expect(again.changed).toEqual([]);
  });
});

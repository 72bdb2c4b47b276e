import { startWebhookReceiver, WebhookReceiver } from '../support/alerting/webhook-receiver';
import { RoundRobinProxy, startRoundRobinProxy } from '../support/round-robin-proxy';
import { BoardEventSeen, ClusterEnv, WEBHOOK_SECRET } from './support/cluster-env';
import { IncidentView, sleep } from './support/scenario-env';

/**
 * "Several API nodes, one leader": failover. Two API nodes (built app, child processes) on one
 * real PostgreSQL and one real Redis, behind a round-robin load balancer; two probe agents (apps/probe
 * child processes) in two regions, posting through the balancer; a board client on node B; a
 * webhook contact on every agency. A fault makes an outage incident; in the middle of it the
 * leader (A) is killed with SIGKILL. Wanted: B leads within 15 s; no result rows lost (every
 * check and region keeps a result every few seconds across the kill); the incident is neither
 * opened twice nor alerted twice, and it resolves under the new leader; the board client on B
 * keeps receiving events.
 */
const FAULTED = 'esf';
const INTERVAL_S = 2;
const REGIONS = ['r1', 'r2'];
const TAKEOVER_LIMIT_MS = 15_000;
/** Agent log events that mean results were dropped. */
const LOSS_EVENTS = ['agent.batch_lost', 'probe.batch_refused', 'probe.results_rejected'];

describe('failover: kill -9 of the leader in the middle of an incident (two nodes, two agents)', () => {
  const env = new ClusterEnv();
  let proxy: RoundRobinProxy | undefined;
  let hooks: WebhookReceiver;

  beforeAll(async () => {
    hooks = await startWebhookReceiver([WEBHOOK_SECRET]);
    await env.scn.startSimulator([FAULTED], INTERVAL_S);
    env.scn.patchSystem(FAULTED, (s) => {
      for (const c of s.checks) c.regions = REGIONS;
    });
    env.addWebhookContact(hooks.url);
    await env.createDatabase();
    await env.startNode('a');
    await env.startNode('b');
    proxy = await startRoundRobinProxy([env.nodes.get('a')!.port, env.nodes.get('b')!.port]);
    for (const region of REGIONS)
      env.startAgent(`agent-${region}`, region, proxy.url, await env.createToken(region));
    // a steady start: operational, and whatever the first results opened (a loaded machine) resolved
    await env.waitFor(`${FAULTED} operational, no incident open`, 120_000, async () => {
      const rows = await env.get<{ system: string; status: string | null }[]>('b', '/api/status/systems');
      const open = (
        await env.get<{ items: IncidentView[] }>('b', `/api/incidents?system=${FAULTED}&limit=50`)
      ).items.filter((i) => i.state !== 'resolved');
      return rows.find((r) => r.system === FAULTED)?.status === 'operational' && open.length === 0
        ? true
        : undefined;
    });
  }, 200_000);

  afterAll(async () => {
    await env.close();
    await proxy?.close();
    await hooks.close();
  }, 90_000);

  it('B leads within 15 s; no rows lost; one incident, one alert each; board clients on B keep receiving', async () => {
    expect(await env.leads('a')).toBe(true);
    expect(await env.leads('b')).toBe(false);
    const board: BoardEventSeen[] = await env.boardClient('b');

    const faultAt = new Date();
    const hooksBefore = hooks.received.length;
    const firing = () =>
      hooks.received
        .slice(hooksBefore)
        .filter((h) => (h.payload as { type?: string } | null)?.type === 'incident.firing');
    const resolvedAlerts = () =>
      hooks.received
        .slice(hooksBefore)
        .filter((h) => (h.payload as { type?: string } | null)?.type === 'incident.resolved');
    const since = async () =>
      (
        await env.get<{ items: IncidentView[] }>('b', `/api/incidents?system=${FAULTED}&limit=50`)
      ).items.filter((i) => new Date(i.opened_at).getTime() >= faultAt.getTime() - 1_000);
    await env.scn.sim!.injectFault(FAULTED, { type: 'down', mode: 'refused' });
    const incident = await env.waitFor('incident opened (by A)', 60_000, async () => (await since())[0]);
    // A's detector opened it; the board client on B got it through Redis
    await env.waitFor('incident.opened on the board client of B', 20_000, async () =>
      board.some((e) => e.type === 'incident.opened' && e.data.id === incident.id) ? true : undefined,
    );
    await env.waitFor('the firing alert delivered (by A)', 30_000, async () =>
      firing().length > 0 ? true : undefined,
    );

    // the middle of the incident: kill the leader
    await sleep(2_000);
    const killedAt = Date.now();
    await env.crashNode('a');
    const tookOverMs = await env.waitFor('B leads', 60_000, async () =>
      (await env.leads('b')) ? Date.now() - killedAt : undefined,
    );
    const boardBefore = board.length;

    // the outage goes on under B, then ends; B resolves the one incident
    await sleep(5_000);
    await env.scn.sim!.clearFaults(FAULTED);
    const resolved = await env.waitFor('incident resolved (by B)', 60_000, async () => {
      const i = (
        await env.get<{ items: IncidentView[] }>('b', `/api/incidents?system=${FAULTED}&limit=50`)
      ).items.find((x) => x.id === incident.id);
      return i?.state === 'resolved' ? i : undefined;
    });
    await env.waitFor('incident.resolved on the board client of B', 20_000, async () =>
      board.some((e) => e.type === 'incident.resolved' && e.data.id === incident.id) ? true : undefined,
    );
    await env.waitFor('the resolved alert delivered (by B)', 30_000, async () =>
      resolvedAlerts().length > 0 ? true : undefined,
    );
    await sleep(3_000); // anything duplicated late would show up by now
    const endAt = new Date();

    // one incident for the fault, not two
    expect((await since()).map((i) => i.id)).toEqual([incident.id]);
    expect(resolved.state).toBe('resolved');

    // each alert once: no idempotency key delivered twice, one firing and one resolved message per contact
    const ids = hooks.received.filter((h) => h.status < 300).map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(firing()).toHaveLength(1);
    expect(resolvedAlerts()).toHaveLength(1);

    // no result rows lost: no agent dropped a batch or had results refused, and every check, in
    // both regions, kept results across the kill (a gap only where a loaded machine skipped a run)
    for (const agent of env.agents.values())
      for (const event of LOSS_EVENTS) expect(agent.output()).not.toContain(`"event":"${event}"`);
    const gaps = await env.gaps(new Date(killedAt - 15_000), new Date(endAt.getTime() - 3_000));
    const checks: { n: number }[] = await env.sql(
      "SELECT count(*)::int AS n FROM checks k JOIN systems s ON s.id = k.system_id WHERE k.enabled AND k.kind <> 'heartbeat'",
    );
    expect(gaps.length).toBe(checks[0].n * REGIONS.length);
    const worstGap = gaps[0].max_gap_s;
    expect(worstGap).toBeLessThanOrEqual(5 * INTERVAL_S);

    // the board client on B kept receiving after the kill
    expect(board.length).toBeGreaterThan(boardBefore);
    expect(tookOverMs).toBeLessThanOrEqual(TAKEOVER_LIMIT_MS);
    process.stdout.write(
      `[scenario] failover: B led ${tookOverMs} ms after kill -9 of A; incident #${incident.id} opened by A, resolved by B; ` +
        `${gaps.length} check-regions, worst gap ${worstGap.toFixed(1)} s; webhooks ${ids.length} (firing 1, resolved 1); ` +
        `board events on B ${boardBefore} before, ${board.length - boardBefore} after the kill\n`,
    );
  }, 240_000);
});

import { Logger } from '@nestjs/common';
import { CheckOutcome } from '@kuzet/contracts';
import type { CheckResultRow } from '../timeseries/check-result';
import { incidentsHarness, systemRef } from '../incidents/testing/fake-incidents';
import { buildDetectionCatalog, CheckInfo } from './detection-catalog';
import { DEFAULT_DETECTION_OPTIONS } from './detection.options';
import type { DetectionRepository } from './detection.repository';
import { DetectorService } from './detector.service';

Logger.overrideLogger(false);

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

/** The detector's committed state, counting every read of it. */
class CountingState extends Map<string, unknown> {
  reads = 0;
  override get(key: string): unknown {
    this.reads++;
    return super.get(key);
  }
  override has(key: string): boolean {
    this.reads++;
    return super.has(key);
  }
}

/** Every fourth check is a diagnostic TLS check, the others primary HTTP ones. */
const check = (id: number): CheckInfo => {
  const diagnostic = id % 4 === 0;
  const timing = { intervalMs: 30_000, timeoutMs: 10_000, degradedMs: null, failures: null, successes: null };
  return {
    id,
    key: `c${id}`,
    code: `c${id}`,
    kind: diagnostic ? 'tls' : 'http',
    role: diagnostic ? 'diagnostic' : 'primary',
    systemId: 1,
    regions: ['almaty'],
    ...timing,
  };
};

const row = (checkId: number, sec: number, outcome: CheckOutcome): CheckResultRow => ({
  time: new Date(T0 + sec * 1000),
  checkId,
  region: 'almaty',
  outcome,
  latencyMs: 20,
  statusCode: null,
  errorClass: null,
});

/**
 * State reads of the detector for one result, in a system of `size` checks that are all up,
 * after `setUp` results: what a result costs does not depend on the checks of its system.
 */
async function readsPerResult(size: number, setUp: CheckResultRow[], measured: CheckResultRow) {
  const h = incidentsHarness([systemRef(1, 'portal')]);
  const checks = Array.from({ length: size }, (_, i) => check(i + 1));
  const state = new CountingState();
  const repo: Pick<DetectionRepository, 'loadCatalog' | 'loadState' | 'resultsAfter'> = {
    loadCatalog: async () => buildDetectionCatalog(checks, h.graph, []),
    loadState: async () => state,
    resultsAfter: async () => [],
  };
  const d = new DetectorService(
    repo as DetectionRepository,
    h.uow,
    h.service,
    DEFAULT_DETECTION_OPTIONS,
    h.clock,
  );
  await d.start();
  // two rounds: every check confirmed up
  await d.enqueue(checks.map((c) => row(c.id, 0, CheckOutcome.Up)));
  await d.enqueue(checks.map((c) => row(c.id, 10, CheckOutcome.Up)));
  for (const r of setUp) await d.enqueue([r]);
  state.reads = 0;
  await d.enqueue([measured]);
  return { reads: state.reads, incidents: h.store.incidents };
}

describe('DetectorService cost per result', () => {
  const { Up, Down } = CheckOutcome;

  it('a result that does not change its check reads as much state with 5,000 checks in the system as with 10', async () => {
    const small = await readsPerResult(10, [], row(2, 30, Up));
    const large = await readsPerResult(5_000, [], row(2, 30, Up));
    expect(small.reads).toBeGreaterThan(0);
    expect(large.reads).toBe(small.reads);
  });

  it('a check going down in a system already in partial outage costs the same with 5,000 checks as with 10', async () => {
    // check 1 is confirmed down (the system opens a partial outage); then check 2 goes down
    const setUp = [row(1, 30, Down), row(1, 31, Down), row(2, 40, Down)];
    const small = await readsPerResult(10, setUp, row(2, 41, Down));
    const large = await readsPerResult(5_000, setUp, row(2, 41, Down));
    for (const run of [small, large]) {
      expect(run.incidents).toHaveLength(1);
      expect(run.incidents[0]).toMatchObject({ systemId: 1, status: 'partial_outage' });
    }
    expect(large.reads).toBe(small.reads);
  });
});

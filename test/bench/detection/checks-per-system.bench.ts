// The detector's cost per result against the number of checks in one system: the detector
// service itself (soft/hard state, quorum, flapping, the system roll-up, incidents) over an
// in-memory store, so the figure is the detector's CPU alone, no database. Results/s with 10 and
// with 2,000 checks in one system, and their ratio (1.0 = the cost does not grow with the system).
// `npm run bench -- detection` runs it with the end-to-end detection bench; it writes
// bench/results/detection-checks-per-system.json.
import { Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { CheckOutcome } from '@kuzet/contracts';
import { buildDetectionCatalog, CheckInfo } from '../../../apps/api/src/detection/detection-catalog';
import { DEFAULT_DETECTION_OPTIONS } from '../../../apps/api/src/detection/detection.options';
import type { DetectionRepository } from '../../../apps/api/src/detection/detection.repository';
import { DetectorService } from '../../../apps/api/src/detection/detector.service';
import { incidentsHarness, systemRef } from '../../../apps/api/src/incidents/testing/fake-incidents';
import type { CheckResultRow } from '../../../apps/api/src/timeseries/check-result';

Logger.overrideLogger(false);

const ROOT = resolve(__dirname, '../../../..');
const SIZES = [10, 2_000];
/** Results measured per size (after two warm-up rounds); one row per check per round. */
const RESULTS = Number(process.env.BENCH_RESULTS ?? 40_000);
/** Rows per detector batch, the same for every size. */
const BATCH = 10;
const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

const progress = (event: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ event: `bench.detection_checks_per_system.${event}`, ...data }));

async function resultsPerSecond(size: number): Promise<number> {
  const h = incidentsHarness([systemRef(1, 'portal')]);
  const checks: CheckInfo[] = Array.from({ length: size }, (_, i) => ({
    id: i + 1,
    key: `portal/c${i + 1}`,
    code: `c${i + 1}`,
    kind: 'http',
    role: 'primary',
    systemId: 1,
    regions: ['local'],
    intervalMs: 10_000,
    timeoutMs: 5_000,
    degradedMs: null,
    failures: null,
    successes: null,
  }));
  const repo: Pick<DetectionRepository, 'loadCatalog' | 'loadState' | 'resultsAfter'> = {
    loadCatalog: async () => buildDetectionCatalog(checks, h.graph, []),
    loadState: async () => new Map(),
    resultsAfter: async () => [],
  };
  const detector = new DetectorService(repo as DetectionRepository, h.uow, h.service, DEFAULT_DETECTION_OPTIONS, h.clock);
  await detector.start();
  const round = async (n: number) => {
    const at = new Date(T0 + n * 10_000);
    for (let i = 0; i < size; i += BATCH) {
      const rows: CheckResultRow[] = checks.slice(i, i + BATCH).map((c) => ({
        time: at,
        checkId: c.id,
        region: 'local',
        outcome: CheckOutcome.Up,
        latencyMs: 20,
        statusCode: 200,
        errorClass: null,
      }));
      await detector.enqueue(rows);
    }
  };
  await round(0);
  await round(1);
  const rounds = Math.max(1, Math.round(RESULTS / size));
  const started = process.hrtime.bigint();
  for (let n = 2; n < rounds + 2; n++) await round(n);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await detector.stop();
  return (rounds * size) / seconds;
}

async function main(): Promise<void> {
  const rates: Record<string, number> = {};
  for (const size of SIZES) {
    rates[size] = Math.round(await resultsPerSecond(size));
    progress('size.done', { checks_per_system: size, results_per_second: rates[size] });
  }
  const report = {
    name: 'detection-checks-per-system',
    at: new Date().toISOString(),
    results_per_second: rates,
    ratio_large_to_small: Number((rates[SIZES[1]] / rates[SIZES[0]]).toFixed(3)),
    method: `DetectorService over the in-memory incident store (no database), one system of N primary HTTP checks in one region, all up; ${RESULTS} results per size after two warm-up rounds, in batches of ${BATCH} rows; ratio = results/s at ${SIZES[1]} checks / results/s at ${SIZES[0]}`,
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version },
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/detection-checks-per-system.json'), `${JSON.stringify(report, null, 2)}\n`);
  progress('done', report);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

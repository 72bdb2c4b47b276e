// Board render benchmark (`npm run bench -- board`): writes bench/results/board.json.
// The real overview components and store (apps/web/src/board/bench/render-bench.tsx, built here
// with Vite, React's profiling build) render a synthetic catalog of BOARD_AGENCIES x
// BOARD_SYSTEMS_PER_AGENCY systems in Debian's chromium (playwright-core), with no server: what is
// measured is the browser side only. Figures: time to the first render of the overview, JS heap
// after load, and per status event the render+commit time and the number of tile components that
// re-rendered. The baseline, in the same run, applies the same events with a whole-grid re-render
// (a new map of systems for the grid on every event); ratio = baseline / keyed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser';
import { percentile } from '../../support/percentile';
import { buildRenderBench, serveRenderBench } from '../../support/render-bench-page';

const AGENCIES = Number(process.env.BOARD_AGENCIES ?? 100);
const PER_AGENCY = Number(process.env.BOARD_SYSTEMS_PER_AGENCY ?? 20);
const EVENTS = Number(process.env.BOARD_EVENTS ?? 200);
const ROUNDS = Number(process.env.BOARD_ROUNDS ?? 3);
const WARMUP = 20;
const VIEWPORT = { width: 1920, height: 1080 };
const ROOT = resolve(__dirname, '../../../..');

type Mode = 'keyed' | 'whole-grid' | 'wall';
const MODES: Mode[] = ['keyed', 'whole-grid', 'wall'];
interface Loaded {
  storeFilledMs: number;
  firstCommitMs: number;
  firstFrameMs: number;
  mountedTiles: number;
  tilesInViewport: number;
  wallLayout: string | null;
}
interface Ran {
  mounted: number;
  samples: { ms: number; profilerMs: number; tileRenders: number }[];
}

const progress = (event: string, data: Record<string, unknown> = {}) => console.log(JSON.stringify({ event: `bench.board.${event}`, ...data }));
const round2 = (n: number) => Math.round(n * 100) / 100;

const stats = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { mean: round2(s.reduce((a, b) => a + b, 0) / s.length), p50: round2(percentile(s, 50)), p95: round2(percentile(s, 95)), max: round2(s[s.length - 1]) };
};

/** JS heap in use after a full garbage collection (Chrome DevTools protocol). */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return round2(usedSize / 1024 / 1024);
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'kuzet-board-bench-'));
  const browser = await launchBrowser();
  let server: Server | undefined;
  try {
    const builtAt = Date.now();
    buildRenderBench(outDir);
    progress('built', { ms: Date.now() - builtAt });
    const served = await serveRenderBench(outDir);
    server = served.server;
    // Modes alternate, ROUNDS times, each in a fresh page, so noise of the shared machine spreads
    // over all of them; samples are pooled per mode, load figures are the median of the rounds.
    const loads = Object.fromEntries(MODES.map((m) => [m, [] as (Loaded & { heapMb: number })[]])) as Record<Mode, (Loaded & { heapMb: number })[]>;
    const samples = Object.fromEntries(MODES.map((m) => [m, [] as Ran['samples']])) as Record<Mode, Ran['samples']>;
    for (let round = 1; round <= ROUNDS; round++)
      for (const mode of MODES) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        await page.goto(served.url);
        await page.waitForFunction('window.kuzetBench !== undefined');
        const load = (await page.evaluate(`window.kuzetBench.load(${JSON.stringify({ agencies: AGENCIES, perAgency: PER_AGENCY, mode })})`)) as Loaded;
        const heap = await heapMb(page);
        progress('loaded', { round, mode, ...load, heapMb: heap });
        const run = (await page.evaluate(`window.kuzetBench.run(${JSON.stringify({ count: EVENTS, warmup: WARMUP })})`)) as Ran;
        progress('ran', { round, mode, events: run.samples.length, meanMs: stats(run.samples.map((s) => s.ms)).mean, tileRenders: stats(run.samples.map((s) => s.tileRenders)).mean });
        loads[mode].push({ ...load, heapMb: heap });
        samples[mode].push(...run.samples);
        await context.close();
      }
    const median = (mode: Mode, pick: (l: Loaded & { heapMb: number }) => number) => round2(percentile(loads[mode].map(pick).sort((a, b) => a - b), 50));

    const perEvent = (mode: Mode) => {
      const s = samples[mode];
      return {
        events: s.length,
        render_commit_ms: stats(s.map((x) => x.ms)),
        profiler_actual_ms: stats(s.map((x) => x.profilerMs)),
        tile_renders: stats(s.map((x) => x.tileRenders)),
      };
    };
    const keyed = perEvent('keyed');
    const whole = perEvent('whole-grid');
    const wall = perEvent('wall');
    const report = {
      name: 'board',
      at: new Date().toISOString(),
      systems: AGENCIES * PER_AGENCY,
      agencies: AGENCIES,
      viewport: VIEWPORT,
      rounds: ROUNDS,
      mounted_tiles: median('keyed', (l) => l.mountedTiles),
      first_render: {
        store_filled_ms: median('keyed', (l) => l.storeFilledMs),
        first_commit_ms: median('keyed', (l) => l.firstCommitMs),
        first_frame_ms: median('keyed', (l) => l.firstFrameMs),
      },
      js_heap_after_load_mb: median('keyed', (l) => l.heapMb),
      per_status_event: keyed,
      baseline_whole_grid: { js_heap_after_load_mb: median('whole-grid', (l) => l.heapMb), per_status_event: whole },
      wall_mode: {
        layout: loads.wall[0]?.wallLayout ?? null,
        mounted_tiles: median('wall', (l) => l.mountedTiles),
        tiles_in_viewport: median('wall', (l) => l.tilesInViewport),
        first_commit_ms: median('wall', (l) => l.firstCommitMs),
        first_frame_ms: median('wall', (l) => l.firstFrameMs),
        js_heap_after_load_mb: median('wall', (l) => l.heapMb),
        per_status_event: wall,
      },
      ratio_render_ms_mean_baseline_vs_keyed: round2(whole.render_commit_ms.mean / keyed.render_commit_ms.mean),
      ratio_render_ms_p95_baseline_vs_keyed: round2(whole.render_commit_ms.p95 / keyed.render_commit_ms.p95),
      ratio_tile_renders_baseline_vs_keyed: round2(whole.tile_renders.mean / keyed.tile_renders.mean),
      method:
        'real board store and overview components (NationalOverview, AgencyHeading, NationalSummary, SystemTile) built with Vite against react-dom/profiling, in chromium headless via playwright-core, no server; synthetic catalog and snapshot fed to the store directly; first_commit = catalog + snapshot into the store + a synchronous first render and commit (flushSync), first_frame = after two animation frames; heap = Runtime.getHeapUsage after a forced GC; per event: one system.status event for a system whose tile is mounted (off-screen systems cost the keyed board no render), applied inside flushSync and timed alone (render + commit, no paint), an animation frame between events, 20 warm-up events dropped; tile renders counted by a counter in SystemTile; baseline = the same events, each followed by a new map of systems handed to the grid (setCatalog with copies), so every mounted tile re-renders, as in a design holding all statuses in one React state; wall_mode = the shipped board with ?wall=1: the whole fleet on one screen (WallBoard; at 2,000 systems the dense matrix, every cell mounted, layout = kind and cell size in px, tiles_in_viewport = cells wholly inside the 1920x1080 viewport), a status event redraws its cell and, when the list of problem systems changes, the problems band; tile renders count the wall cells; modes alternate in fresh pages for BOARD_ROUNDS rounds, per-event samples pooled, load figures the median of the rounds; performance.now() in chromium has 0.1 ms resolution here',
      machine: { cpu: cpus()[0]?.model.trim(), cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/board.json'), `${JSON.stringify(report, null, 2)}\n`);
    progress('done', {
      firstCommitMs: report.first_render.first_commit_ms,
      wallMeanMs: wall.render_commit_ms.mean,
      wallFirstCommitMs: report.wall_mode.first_commit_ms,
      wallTilesInViewport: report.wall_mode.tiles_in_viewport,
      heapMb: report.js_heap_after_load_mb,
      keyedMeanMs: keyed.render_commit_ms.mean,
      wholeGridMeanMs: whole.render_commit_ms.mean,
      keyedTileRenders: keyed.tile_renders.mean,
      wholeGridTileRenders: whole.tile_renders.mean,
    });
  } finally {
    server?.close();
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { AgencyView, SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import type { BoardEvent, SystemStatusView } from '@kuzet/contracts/realtime/realtime-events';
import { DEFAULT_NOTIFICATION_POLICY } from '@kuzet/contracts/catalog/notification-policy.schema';
import { NationalOverview } from '../components/NationalOverview';
import { setPrefs } from '../prefs/prefs-store';
import { renderCount } from '../render-count';
import { BoardStoreContext, viewerFor, ViewerContext } from '../store/board-context';
import { BoardStore } from '../store/board-store';
import '../../styles.css';

/**
 * Browser entry of the board render benchmark (test/bench/board): the real overview components
 * and store, fed a synthetic catalog and synthetic status events directly (no server). Never part
 * of the app bundle: only the benchmark builds it (with React's profiling build, for Profiler).
 *
 * Modes: 'keyed' is the board as shipped (each tile subscribes to its own store key);
 * 'whole-grid' is the baseline, a design where every event hands the grid a new map of systems,
 * so every mounted tile re-renders; 'wall' is the shipped board in wall mode: the whole fleet on
 * one screen (at 2,000 systems the dense matrix, every cell mounted), a status event redraws its
 * cell and, when the list of problem systems changes, the problems band above the grid.
 * Also serves the wall browser test (test/browser/board-wall.browser-spec.ts) for 2,000 systems.
 */
type Mode = 'keyed' | 'whole-grid' | 'wall';

const TIERS = ['critical', 'high', 'normal', 'internal'] as const;
const STATUSES = ['degraded_performance', 'partial_outage', 'major_outage', 'operational'] as const;
const AT = '2026-01-01T00:00:00.000Z';

function catalog(agencyCount: number, perAgency: number): { agencies: AgencyView[]; systems: SystemView[] } {
  const agencies: AgencyView[] = [];
  const systems: SystemView[] = [];
  for (let a = 0; a < agencyCount; a++) {
    const code = `agency-${a}`;
    agencies.push({ code, name: { kk: `Агенттік ${a}`, ru: `Ведомство ${a}`, en: `Agency ${a}` }, contacts: [], notifications: DEFAULT_NOTIFICATION_POLICY, enabled: true, source: 'api', created_at: AT, updated_at: AT });
    for (let s = 0; s < perAgency; s++)
      systems.push({
        code: `${code}-system-${s}`,
        agency: code,
        name: { kk: `Мемлекеттік ақпараттық жүйе ${a}.${s}`, ru: `Государственная информационная система ${a}.${s}`, en: `State information system ${a}.${s}` },
        short_name: { kk: `Жүйе ${a}.${s}`, ru: `Система ${a}.${s}`, en: `System ${a}.${s}` },
        tier: TIERS[s % TIERS.length],
        category: null,
        public: s % 2 === 0,
        depends_on: [],
        slo_target: null,
        enabled: true,
        source: 'api',
        created_at: AT,
        updated_at: AT,
      });
  }
  return { agencies, systems };
}

const statusView = (s: SystemView, status: SystemStatusView['status']): SystemStatusView => ({
  system: s.code,
  agency: s.agency,
  tier: s.tier,
  status,
  flapping: false,
  updated_at: AT,
});

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

let store: BoardStore;
let root: Root;
let data: ReturnType<typeof catalog>;
let profiled = 0;
let mode: Mode = 'keyed';

async function load(options: { agencies: number; perAgency: number; mode: Mode }) {
  mode = options.mode;
  setPrefs({ wall: mode === 'wall' });
  const started = performance.now();
  data = catalog(options.agencies, options.perAgency);
  store = new BoardStore();
  store.setCatalog(data.agencies, data.systems);
  store.applySnapshot({ epoch: 'bench', seq: 0, at: AT, systems: data.systems.map((s) => statusView(s, 'operational')), incidents: [] });
  const storeFilledMs = performance.now() - started;
  const viewer = viewerFor({ id: 1, email: 'bench@kuzet', name: 'bench', role: 'viewer', agency: null });
  const el = document.getElementById('root')!;
  root = createRoot(el);
  flushSync(() =>
    root.render(
      <BoardStoreContext.Provider value={store}>
        <ViewerContext.Provider value={viewer}>
          <div className={mode === 'wall' ? 'board wall' : 'board'}>
            <main className="board-body">
              <div className="board-main">
                <Profiler id="overview" onRender={(_id, _phase, actual) => (profiled += actual)}>
                  <NationalOverview />
                </Profiler>
              </div>
            </main>
          </div>
        </ViewerContext.Provider>
      </BoardStoreContext.Provider>,
    ),
  );
  const firstCommitMs = performance.now() - started;
  await nextFrame();
  await nextFrame();
  const firstFrameMs = performance.now() - started;
  return { storeFilledMs, firstCommitMs, firstFrameMs, ...placed() };
}

/** How many tiles exist, how many lie wholly inside the viewport, and the wall's layout if any. */
function placed() {
  const tiles = [...document.querySelectorAll('[data-testid="system-tile"]')];
  const inside = tiles.filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
  });
  const grid = document.querySelector<HTMLElement>('[data-testid="wall-grid"]');
  return { mountedTiles: tiles.length, tilesInViewport: inside.length, wallLayout: grid ? `${grid.dataset.layout} ${grid.dataset.cell}` : null };
}

/** Sets statuses directly (the wall browser test: a few problems for the band and the screenshot). */
function setStatuses(statuses: Record<string, SystemStatusView['status']>) {
  const byCode = new Map(data.systems.map((s) => [s.code, s]));
  let seq = 1_000_000;
  flushSync(() => {
    for (const [code, status] of Object.entries(statuses))
      store.applyEvent({ type: 'system.status', epoch: 'bench', seq: ++seq, at: AT, data: statusView(byCode.get(code)!, status) });
  });
  return placed();
}

/**
 * Applies `count` system.status events, each to a system whose tile is mounted (the case where a
 * keyed store has work to do: off-screen systems cost it no render at all), each flushed
 * synchronously so its render and commit are timed alone.
 */
async function run(options: { count: number; warmup: number }) {
  const mounted = [...document.querySelectorAll('[data-testid="system-tile"]')].map((e) => e.getAttribute('data-system')!);
  const byCode = new Map(data.systems.map((s) => [s.code, s]));
  const samples: { ms: number; profilerMs: number; tileRenders: number }[] = [];
  let seq = 0;
  for (let i = 0; i < options.warmup + options.count; i++) {
    // Round-robin over the mounted tiles; each pass gives every system a status other than its last.
    const system = byCode.get(mounted[i % mounted.length])!;
    const status = STATUSES[Math.floor(i / mounted.length) % STATUSES.length];
    seq += 1;
    const event: BoardEvent = { type: 'system.status', epoch: 'bench', seq, at: AT, data: statusView(system, status) };
    const rendersBefore = renderCount.tiles;
    profiled = 0;
    const t0 = performance.now();
    flushSync(() => {
      store.applyEvent(event);
      // The baseline: a new map of systems for the grid on every event (as a store holding the
      // whole status map in one React state would hand down), so each mounted tile re-renders.
      if (mode === 'whole-grid') store.setCatalog(data.agencies, data.systems.map((s) => ({ ...s })));
    });
    const ms = performance.now() - t0;
    if (i >= options.warmup) samples.push({ ms, profilerMs: profiled, tileRenders: renderCount.tiles - rendersBefore });
    // Let the browser lay out and paint between events, as it would between socket messages.
    await nextFrame();
  }
  return { mounted: mounted.length, samples };
}

declare global {
  interface Window {
    kuzetBench: { load: typeof load; run: typeof run; setStatuses: typeof setStatuses; placed: typeof placed };
  }
}
window.kuzetBench = { load, run, setStatuses, placed };

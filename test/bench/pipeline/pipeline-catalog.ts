// The pipeline benchmark's generated catalog: one agency, `checks / checksPerSystem` systems of
// `checksPerSystem` HTTP checks each, every check at the same interval against the target
// server. Systems are spread over the target's ports round-robin (the scheduler limits concurrent
// runs per endpoint, host:port, as it would per real host). Written as catalog files of at most
// SYSTEMS_PER_FILE systems (the folder reader refuses files above 4 MiB).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const SYSTEMS_PER_FILE = 400;
export const BENCH_AGENCY = 'bench';

export interface PipelineCatalogOptions {
  checks: number;
  checksPerSystem: number;
  intervalS: number;
  ports: number[];
}

const names = (text: string) => ({ kk: text, ru: text, en: text });

/** Writes the catalog into dir; returns the number of systems. */
export function writePipelineCatalog(dir: string, o: PipelineCatalogOptions): number {
  if (o.checks % o.checksPerSystem !== 0) throw new Error(`checks (${o.checks}) must be a multiple of checksPerSystem (${o.checksPerSystem})`);
  const systemCount = o.checks / o.checksPerSystem;
  mkdirSync(join(dir, 'systems'), { recursive: true });
  writeFileSync(join(dir, 'agencies.yaml'), stringify({ agencies: [{ code: BENCH_AGENCY, name: names('Benchmark agency') }] }));
  for (let first = 0; first < systemCount; first += SYSTEMS_PER_FILE) {
    const systems = [];
    for (let s = first; s < Math.min(first + SYSTEMS_PER_FILE, systemCount); s++) {
      const port = o.ports[s % o.ports.length];
      systems.push({
        code: `sys-${String(s).padStart(5, '0')}`,
        agency: BENCH_AGENCY,
        name: names(`System ${s}`),
        tier: 'normal',
        checks: Array.from({ length: o.checksPerSystem }, (_, c) => ({
          code: `http-${c}`,
          kind: 'http',
          target: `http://127.0.0.1:${port}/s${s}/c${c}`,
          interval: `${o.intervalS}s`,
        })),
      });
    }
    writeFileSync(join(dir, 'systems', `part-${String(first / SYSTEMS_PER_FILE).padStart(3, '0')}.yaml`), stringify({ systems }));
  }
  return systemCount;
}

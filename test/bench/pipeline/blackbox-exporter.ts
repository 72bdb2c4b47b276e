// The pipeline benchmark's baseline: Debian's prometheus-blackbox-exporter probing the same target
// server, driven by autocannon (GET /probe?module=http_2xx&target=...). When the binary is missing
// the bench installs the package (root and apt-get only); when it cannot, the figure is null and
// the reason is reported.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../support/free-port';
import { CpuMeter, processTree, machineCpuShares, machineCpuTicks } from '../../support/proc-stats';

export const BLACKBOX_BINARY = '/usr/bin/prometheus-blackbox-exporter';
const CONFIG = `modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
      valid_status_codes: []
`;

export interface BlackboxResult {
  probes_per_second: number | null;
  version?: string;
  connections?: number;
  seconds?: number;
  probes?: number;
  probe_success_sampled?: boolean;
  non_2xx?: number;
  errors?: number;
  latency_p50_ms?: number;
  latency_p99_ms?: number;
  exporter_cpu_pct?: number;
  /** The hypervisor's steal over the measurement (see the levels' machine_steal_pct). */
  machine_steal_pct?: number;
  note?: string;
}

/** The binary's path, installing the package first when possible; otherwise the reason why not. */
export function ensureBlackboxExporter(log: (event: string, data: Record<string, unknown>) => void): { binary: string } | { missing: string } {
  if (existsSync(BLACKBOX_BINARY)) return { binary: BLACKBOX_BINARY };
  if (process.getuid?.() !== 0) return { missing: `${BLACKBOX_BINARY} is missing and the bench is not root: apt-get install prometheus-blackbox-exporter` };
  log('blackbox.install', { package: 'prometheus-blackbox-exporter' });
  const r = spawnSync('apt-get', ['install', '-y', 'prometheus-blackbox-exporter'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 300_000 });
  if (r.status === 0 && existsSync(BLACKBOX_BINARY)) return { binary: BLACKBOX_BINARY };
  return { missing: `apt-get install prometheus-blackbox-exporter failed (exit ${r.status ?? r.error?.message})` };
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`blackbox_exporter exited (${child.exitCode})`);
    if (await fetch(`${base}/-/ready`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('blackbox_exporter did not become ready in 10 s');
}

/** Probes/s blackbox_exporter answers for `target`, autocannon at `connections` for `seconds`. */
export async function measureBlackbox(
  binary: string,
  target: string,
  connections: number,
  seconds: number,
  track: (child: ChildProcess) => void,
): Promise<BlackboxResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kuzet-bench-blackbox-'));
  writeFileSync(join(dir, 'blackbox.yml'), CONFIG);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(binary, [`--config.file=${join(dir, 'blackbox.yml')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  track(child);
  try {
    await waitReady(base, child);
    const url = `${base}/probe?module=http_2xx&target=${encodeURIComponent(target)}`;
    const sample = await (await fetch(url)).text();
    const probeSuccess = /^probe_success 1$/m.test(sample);
    await autocannon({ url, connections, duration: 2 }); // warm-up
    const cpu = new CpuMeter(() => processTree(child.pid!));
    cpu.start();
    const machineBefore = machineCpuTicks();
    const r = await autocannon({ url, connections, duration: seconds });
    const used = cpu.stop();
    const machine = machineCpuShares(machineBefore, machineCpuTicks());
    const version = versionOf(binary);
    return {
      probes_per_second: Math.round(r.requests.average),
      version,
      connections,
      seconds,
      probes: r.requests.total,
      probe_success_sampled: probeSuccess,
      non_2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      latency_p50_ms: r.latency.p50,
      latency_p99_ms: r.latency.p99,
      exporter_cpu_pct: used.cpu_pct,
      machine_steal_pct: machine.steal_pct,
    };
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first line of `--version` (stdout in 0.23, stderr in older releases). */
function versionOf(binary: string): string {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n')[0]?.trim() || 'unknown';
}

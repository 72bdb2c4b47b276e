// Linux /proc readings for benchmarks: a process tree's pids, its resident memory and its CPU time.
// Processes of other users are readable too (stat and status are world-readable), so the local
// PostgreSQL server's backends can be measured from the benchmark.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let clockTicks: number | undefined;

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK, 100 when unknown). */
export function clockTicksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** user + system CPU seconds of one process (all its threads), or null when it is gone. */
export function cpuSecondsOf(pid: number, statPath = `/proc/${pid}/stat`): number | null {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it start past its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond(); // utime, stime
  } catch {
    return null;
  }
}

/** user + system CPU seconds of each thread of one process, by thread id (empty when it is gone). */
export function threadCpuSecondsOf(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    const seconds = cpuSecondsOf(Number(task), `/proc/${pid}/task/${task}/stat`);
    if (seconds !== null) out.set(Number(task), seconds);
  }
  return out;
}

/** The machine's CPU time by kind since boot, in clock ticks, summed over its CPUs (/proc/stat). */
export interface MachineCpuTicks {
  busy: number;
  idle: number;
  /** Time the hypervisor gave this machine's CPUs to others while they had work. */
  steal: number;
}

export function machineCpuTicks(): MachineCpuTicks {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is in user)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal: steal ?? 0 };
}

/** Shares of the machine's CPU time between two readings, in percent of all its CPUs. */
export function machineCpuShares(from: MachineCpuTicks, to: MachineCpuTicks): { busy_pct: number; idle_pct: number; steal_pct: number } {
  const busy = to.busy - from.busy;
  const idle = to.idle - from.idle;
  const steal = to.steal - from.steal;
  const total = busy + idle + steal || 1;
  const pct = (n: number) => Math.round((n / total) * 1000) / 10;
  return { busy_pct: pct(busy), idle_pct: pct(idle), steal_pct: pct(steal) };
}

/** VmRSS of one process in bytes, or null when it is gone. */
export function rssBytesOf(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** pid and all its descendants that are alive now (threads are part of their process). */
export function processTree(pid: number): number[] {
  const tree: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const p = pending.pop()!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue; // gone
    }
    tree.push(p);
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(' ').map(Number));
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return tree;
}

/**
 * CPU of a changing set of processes between start() and stop(): each sample adds, per pid, the
 * CPU time used since that pid's previous sample, so processes that come and go are counted for
 * the time they were seen (a process seen once only adds nothing).
 */
export class CpuMeter {
  private readonly last = new Map<number, number>();
  private used = 0;
  private startedAt = 0;

  constructor(private readonly pids: () => number[]) {}

  start(): void {
    this.last.clear();
    this.used = 0;
    this.startedAt = Date.now();
    this.sample();
  }

  sample(): void {
    for (const pid of this.pids()) {
      const now = cpuSecondsOf(pid);
      if (now === null) continue;
      const before = this.last.get(pid);
      if (before !== undefined && now >= before) this.used += now - before;
      this.last.set(pid, now);
    }
  }

  /** Percent of one core over the time since start(). */
  stop(): { cpu_seconds: number; cpu_pct: number } {
    this.sample();
    const seconds = (Date.now() - this.startedAt) / 1000;
    return { cpu_seconds: round(this.used, 2), cpu_pct: seconds > 0 ? round((100 * this.used) / seconds, 1) : 0 };
  }
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

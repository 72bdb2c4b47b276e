import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { CpuMeter, cpuSecondsOf, machineCpuShares, machineCpuTicks, processTree, rssBytesOf, threadCpuSecondsOf } from '../support/proc-stats';

describe('proc-stats (Linux /proc)', () => {
  it('finds a child in the process tree and reads its memory; a gone process reads null', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 200));
    try {
      const tree = processTree(process.pid);
      expect(tree[0]).toBe(process.pid);
      expect(tree).toContain(child.pid);
      expect(rssBytesOf(child.pid!)).toBeGreaterThan(1024 * 1024);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    expect(cpuSecondsOf(child.pid!)).toBeNull();
    expect(rssBytesOf(child.pid!)).toBeNull();
    expect(processTree(child.pid!)).toEqual([]);
  });

  it('counts CPU time spent between start and stop', () => {
    const meter = new CpuMeter(() => [process.pid]);
    meter.start();
    // Spin until the process itself says it used 200 ms of CPU (a loaded machine stretches the wall time).
    const before = process.cpuUsage();
    let spin = 0;
    while (process.cpuUsage(before).user + process.cpuUsage(before).system < 200_000) spin++;
    const used = meter.stop();
    expect(spin).toBeGreaterThan(0);
    expect(used.cpu_seconds).toBeGreaterThanOrEqual(0.15); // /proc counts in 10 ms ticks
    expect(used.cpu_pct).toBeGreaterThan(0);
  });

  it('reads CPU per thread: a busy worker thread shows as its own thread, apart from the main one', async () => {
    const before = threadCpuSecondsOf(process.pid);
    expect(before.has(process.pid)).toBe(true);
    // The worker spins for 300 ms of its own CPU time, then exits.
    const worker = new Worker(
      'const t = process.hrtime.bigint(); let x = 0; while (process.hrtime.bigint() - t < 300000000n) x++;',
      { eval: true },
    );
    let busiest = 0;
    const done = new Promise((r) => worker.once('exit', r));
    // Sample while it runs: its thread is gone from /proc once it exits.
    for (let i = 0; i < 50 && busiest < 0.15; i++) {
      await new Promise((r) => setTimeout(r, 20));
      for (const [tid, cpu] of threadCpuSecondsOf(process.pid)) {
        if (tid !== process.pid && !before.has(tid)) busiest = Math.max(busiest, cpu);
      }
    }
    await done;
    expect(busiest).toBeGreaterThanOrEqual(0.15);
    expect(threadCpuSecondsOf(2 ** 22 + 1).size).toBe(0);
  });

  it('splits the machine CPU time between two readings into busy, idle and steal shares', () => {
    expect(machineCpuShares({ busy: 100, idle: 500, steal: 0 }, { busy: 250, idle: 520, steal: 30 })).toEqual({
      busy_pct: 75,
      idle_pct: 10,
      steal_pct: 15,
    });
    // A real reading: counters only grow, and a spin shows as busy time.
    const from = machineCpuTicks();
    const before = process.cpuUsage();
    while (process.cpuUsage(before).user < 100_000);
    const to = machineCpuTicks();
    expect(to.busy).toBeGreaterThan(from.busy);
    expect(to.idle).toBeGreaterThanOrEqual(from.idle);
    expect(to.steal).toBeGreaterThanOrEqual(from.steal);
  });
});

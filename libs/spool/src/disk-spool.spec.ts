import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskSpool, SpoolReplayError } from './disk-spool';
import type { SpoolLogger } from './spool-logger';

interface Item {
  n: number;
  at: string;
}

const item = (n: number): Item => ({ n, at: new Date(1_700_000_000_000 + n * 1000).toISOString() });
const range = (from: number, to: number): Item[] =>
  Array.from({ length: to - from }, (_, i) => item(from + i));

describe('DiskSpool', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kuzet-spool-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const collect = async (
    spool: DiskSpool<Item>,
  ): Promise<{ items: Item[]; calls: number; replayed: number }> => {
    const items: Item[] = [];
    let calls = 0;
    const { replayed } = await spool.replay(async (batch) => {
      calls++;
      items.push(...batch);
    });
    return { items, calls, replayed };
  };

  it('replays appended items in append order, then deletes the segments', async () => {
    const spool = new DiskSpool<Item>(dir, { segmentMaxBytes: 1024 });
    for (let i = 0; i < 10; i++) await spool.append(range(i * 10, i * 10 + 10));
    const size = spool.size();
    expect(size.items).toBe(100);
    expect(size.segments).toBeGreaterThan(1); // rotated by size
    const { items, replayed } = await collect(spool);
    expect(replayed).toBe(100);
    expect(items.map((i) => i.n)).toEqual(range(0, 100).map((i) => i.n));
    expect(spool.size()).toEqual({ segments: 0, bytes: 0, items: 0 });
    expect(readdirSync(dir)).toEqual([]);
    expect((await collect(spool)).replayed).toBe(0);
  });

  it('hands at most replayBatchMax items to one handler call', async () => {
    const spool = new DiskSpool<Item>(dir, { replayBatchMax: 7 });
    await spool.append(range(0, 30));
    const { calls, items } = await collect(spool);
    expect(items).toHaveLength(30);
    expect(calls).toBe(5);
  });

  it('stops at the first handler failure and keeps the failed and later items', async () => {
    const spool = new DiskSpool<Item>(dir, { segmentMaxBytes: 600, replayBatchMax: 4 });
    for (let i = 0; i < 5; i++) await spool.append(range(i * 10, i * 10 + 10));
    const seen: number[] = [];
    let calls = 0;
    const failing = spool.replay(async (batch) => {
      if (++calls === 4) throw new Error('database away');
      seen.push(...batch.map((b) => b.n));
    });
    await expect(failing).rejects.toBeInstanceOf(SpoolReplayError);
    await failing.catch((err: SpoolReplayError) => expect(err.replayed).toBe(seen.length));
    expect(spool.size().items).toBe(50 - seen.length);
    const rest = await collect(spool);
    expect([...seen, ...rest.items.map((i) => i.n)]).toEqual(range(0, 50).map((i) => i.n));
  });

  it('survives a restart: a new instance replays what the old one spooled, and appends after it', async () => {
    const first = new DiskSpool<Item>(dir);
    await first.append(range(0, 5));
    await first.append(range(5, 8));
    // no close(): the process "died"
    const second = new DiskSpool<Item>(dir);
    expect(second.size().items).toBe(8);
    await second.append(range(8, 10));
    const { items } = await collect(second);
    expect(items.map((i) => i.n)).toEqual(range(0, 10).map((i) => i.n));
    await Promise.all([first.close(), second.close()]);
  });

  it('skips a torn last line after a crash with a warning, not an error', async () => {
    const first = new DiskSpool<Item>(dir);
    await first.append(range(0, 3));
    const [segment] = readdirSync(dir);
    appendFileSync(join(dir, segment), '{"n":3,"at":"2023-'); // the crash cut this write short
    const warnings: string[] = [];
    const logger: SpoolLogger = { log: () => undefined, warn: (m) => warnings.push(m) };
    const second = new DiskSpool<Item>(dir, { logger });
    expect(second.size().items).toBe(3);
    await second.append(range(4, 6)); // goes to a new segment, never after the torn line
    const { items } = await collect(second);
    expect(items.map((i) => i.n)).toEqual([0, 1, 2, 4, 5]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/torn write/);
    await Promise.all([first.close(), second.close()]);
  });

  it('skips a garbled complete line and ignores foreign files and leftover temp files', async () => {
    writeFileSync(join(dir, '000000000001.jsonl'), '{"n":1,"at":"x"}\nnot json\n{"n":2,"at":"y"}\n');
    writeFileSync(join(dir, '000000000001.jsonl.tmp'), 'half a rewrite');
    writeFileSync(join(dir, 'README'), 'not a segment');
    const warnings: string[] = [];
    const spool = new DiskSpool<Item>(dir, {
      logger: { log: () => undefined, warn: (m) => warnings.push(m) },
    });
    const { items } = await collect(spool);
    expect(items.map((i) => i.n)).toEqual([1, 2]);
    expect(warnings).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['README']);
  });

  it('keeps appends made while a replay runs for the next replay', async () => {
    const spool = new DiskSpool<Item>(dir);
    await spool.append(range(0, 3));
    const seen: number[] = [];
    await spool.replay(async (batch) => {
      seen.push(...batch.map((b) => b.n));
      await spool.append(range(100, 102));
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(spool.size().items).toBe(2);
    expect((await collect(spool)).items.map((i) => i.n)).toEqual([100, 101]);
  });

  it('serialises concurrent appends without interleaving lines', async () => {
    const spool = new DiskSpool<Item>(dir, { segmentMaxBytes: 2048 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => spool.append(range(i * 20, i * 20 + 20))));
    const { items } = await collect(spool);
    expect(items.map((i) => i.n).sort((a, b) => a - b)).toEqual(range(0, 1000).map((i) => i.n));
  });

  it('refuses appends after close', async () => {
    const spool = new DiskSpool<Item>(dir);
    await spool.append(range(0, 1));
    await spool.close();
    await expect(spool.append(range(1, 2))).rejects.toThrow(/closed/);
  });
});

import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FakeClock } from '../../../apps/api/src/incidents/testing/fake-incidents';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { NotifierHarness, seed, webhook } from '../../support/notifier/notifier-test-app';
import { WebhookReceiver } from '../../support/notifier/webhook-receiver';

// kill -9 of a notifier process in the middle of a delivery: the claimed row stays "sending"
// until its lease runs out, then the restarted process delivers it, once, with the same key.

const LEASE_MS = 1500;

function startNotifier(databaseUrl: string): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, '../../support/notifier/ts-register.cjs'), join(__dirname, '../../support/notifier/notifier-child.ts'), databaseUrl, String(LEASE_MS)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  return { child, output: () => log };
}

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, proc: { output: () => string }): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${proc.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('notifier crash (kill -9 mid-delivery, restart)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let writer: NotifierHarness;
  const receiver = new WebhookReceiver();
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await receiver.start();
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    writer = await NotifierHarness.create(db.url, new FakeClock(Date.now()));
  });
  afterAll(async () => {
    for (const c of children) await killed(c);
    await writer?.close();
    await ds?.destroy();
    await db?.drop();
    await receiver.stop();
  });

  it('delivers the notification after the restart, once, with the key of the interrupted attempt', async () => {
    const ids = await seed(
      ds,
      [{ code: 'crash', contacts: [webhook(receiver.url('/crash'))], notifications: { group_wait: 0, group_interval: 0 } }],
      [{ code: 'svc', agency: 'crash' }],
    );
    // The incident and its alert intent, committed together; no notifier runs in this process.
    await writer.setStatus(ids.systems.svc, 'major_outage', Date.now());
    receiver.mode = { kind: 'hang' };
    const first = startNotifier(db.url);
    children.push(first.child);
    await waitFor('the first attempt', () => receiver.attempts.length > 0, first);
    const rows = async () =>
      (await ds.query('SELECT state, attempts, idempotency_key FROM notification_outbox')) as {
        state: string;
        attempts: number;
        idempotency_key: string;
      }[];
    expect(await rows()).toEqual([expect.objectContaining({ state: 'sending', attempts: 1 })]);
    await killed(first.child);

    receiver.mode = { kind: 'ok' };
    const second = startNotifier(db.url);
    children.push(second.child);
    await waitFor('the delivery', () => receiver.received.length > 0, second);
    await waitFor('the row marked sent', async () => (await rows())[0].state === 'sent', second);
    await new Promise((r) => setTimeout(r, LEASE_MS * 2)); // nothing more arrives
    const [row] = await rows();
    expect(receiver.received.map((r) => r.id)).toEqual([row.idempotency_key]);
    expect(receiver.attempts).toEqual([`hang ${row.idempotency_key}`, `200 ${row.idempotency_key}`]);
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

// Agency alerts, from the incident to the receiver: incidents + notifier in-process over real
// PostgreSQL, the notifier loop on real time with its default period, a webhook receiver on
// loopback (plain node http) and the test suite's loopback webhook sender as the channel.
//  1. notify delay: BENCH_ALERTS (default 40) incidents, one at a time, group wait 0: from the
//     commit of the incident (its confirmation) to the receiver holding the message;
//  2. throughput: BENCH_NOTIFICATIONS (default 5000) outbox rows about distinct incidents to 50
//     recipients, from their commit to the last delivery.
// `npm run bench -- alerts`; writes bench/results/alerts.json. The SMTP path is not measured here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import { runMigrations } from '../../../apps/api/src/database/migration-runner';
import { NotificationsUnitOfWork } from '../../../apps/api/src/notifications/notifications-unit-of-work';
import { DEFAULT_NOTIFICATIONS_OPTIONS } from '../../../apps/api/src/notifications/notifications.options';
import type { NewOutboxRow } from '../../../apps/api/src/notifications/notification-records';
import { NotifierHarness, seed, WallClock, webhook } from '../../support/notifier/notifier-test-app';
import { WebhookReceiver } from '../../support/notifier/webhook-receiver';
import { percentile } from '../../support/percentile';

const ROOT = resolve(__dirname, '../../../..');
const ALERTS = Number(process.env.BENCH_ALERTS ?? 40);
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 5000);
const RECIPIENTS = 50;
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const progress = (event: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ event: `bench.alerts.${event}`, ...data }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function until(what: string, ok: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

async function main(): Promise<void> {
  const database = `kuzet_bench_alerts_${Date.now()}`;
  const url = `postgres://postgres@127.0.0.1:5432/${database}`;
  await admin(`CREATE DATABASE ${database}`);
  const receiver = new WebhookReceiver();
  await receiver.start();
  let ds: DataSource | undefined;
  let h: NotifierHarness | undefined;
  try {
    ds = await new DataSource(createDataSourceOptions(url, { applicationName: 'kuzet-bench-alerts' })).initialize();
    await runMigrations(ds, { log: () => undefined, warn: () => undefined, error: () => undefined });
    const options = { ...DEFAULT_NOTIFICATIONS_OPTIONS };
    h = await NotifierHarness.create(url, new WallClock(), options);
    const systems = Array.from({ length: ALERTS }, (_, i) => ({ code: `sys-${i}`, agency: 'nit' }));
    const ids = await seed(
      ds,
      [{ code: 'nit', contacts: [webhook(receiver.url('/nit'))], notifications: { group_wait: 0, group_interval: 0 } }],
      systems,
    );

    progress('delay.start', { alerts: ALERTS, tick_ms: options.tickMs });
    const delays: number[] = [];
    for (const s of systems) {
      const before = receiver.received.length;
      const t0 = Date.now();
      await h.setStatus(ids.systems[s.code], 'major_outage', t0);
      const committed = Date.now();
      await until(`the alert of ${s.code}`, () => receiver.received.length > before);
      delays.push((Date.now() - committed) / 1000);
      await sleep(Math.random() * 200); // not in step with the loop's period
    }
    delays.sort((a, b) => a - b);
    progress('delay.done', { p50_s: percentile(delays, 50), p95_s: percentile(delays, 95) });

    const now = Date.now();
    // Rows about distinct (synthetic) incidents, as a storm of separate alerts would make: none
    // waits behind an older row about the same incident to the same recipient.
    const rows: NewOutboxRow[] = Array.from({ length: NOTIFICATIONS }, (_, i) => ({
      idempotencyKey: `bench-${i}`,
      agencyId: ids.agencies.nit,
      kind: 'informational',
      level: 0,
      incidentIds: [1_000_000_000 + i],
      channel: 'webhook',
      recipient: receiver.url(`/r${i % RECIPIENTS}`),
      language: 'en',
      payload: { notice: { subject: 'bench', text: 'bench' } },
      nextAttemptAt: now,
      createdAt: now,
    }));
    const before = receiver.received.length;
    progress('throughput.start', { notifications: NOTIFICATIONS, recipients: RECIPIENTS, batch: options.batchSize });
    await h.app.get(NotificationsUnitOfWork).run((repo) => repo.insertOutbox(rows, options.giveUpAfterMs));
    const t0 = Date.now();
    await until('every notification', () => receiver.received.length >= before + NOTIFICATIONS, 600_000);
    const seconds = (Date.now() - t0) / 1000;
    const perSecond = NOTIFICATIONS / seconds;
    progress('throughput.done', { seconds, per_second: perSecond });

    const report = {
      notify_delay_p50_s: Number(percentile(delays, 50).toFixed(3)),
      notify_delay_p95_s: Number(percentile(delays, 95).toFixed(3)),
      notifications_per_second: Math.round(perSecond),
      alerts: ALERTS,
      notifications: NOTIFICATIONS,
      recipients: RECIPIENTS,
      notifier_tick_ms: options.tickMs,
      batch_size: options.batchSize,
      channel: 'webhook (loopback test sender, unsigned)',
      receivers: ['webhook receiver on loopback'],
      targets: { notify_delay_p95_s: 2, notifications_per_second: 500 },
      machine: { cpus: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30) },
      at: new Date().toISOString(),
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/alerts.json'), `${JSON.stringify(report, null, 2)}\n`);
    progress('done', report);
  } finally {
    await h?.close();
    await ds?.destroy();
    await receiver.stop();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

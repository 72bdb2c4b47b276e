// Agency alerts, from the incident to the receivers: incidents + notifier in-process over real
// PostgreSQL, the notifier loop on real time with its default period, and the application's own
// channels: the signed WebhookChannel into a receiver on loopback that verifies every signature
// (standardwebhooks), and the EmailChannel (nodemailer, pooled SMTP) into a real SMTP server
// (smtp-server) that parses every message.
//  1. notify delay: BENCH_ALERTS (default 40) incidents, one at a time, group wait 0: from the
//     commit of the incident (its confirmation) to the SMTP server and to the webhook receiver
//     holding the message (each measured, and the later of the two);
//  2. throughput: BENCH_NOTIFICATIONS (default 5000) outbox rows about distinct incidents to 50
//     webhook recipients, from their commit to the last verified delivery.
// `npm run bench -- alerts`; writes bench/results/alerts.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import { runMigrations } from '../../../apps/api/src/database/migration-runner';
import { NotificationsUnitOfWork } from '../../../apps/api/src/notifications/notifications-unit-of-work';
import { DEFAULT_NOTIFICATIONS_OPTIONS } from '../../../apps/api/src/notifications/notifications.options';
import type { NewOutboxRow } from '../../../apps/api/src/notifications/notification-records';
import { startSmtpCapture } from '../../support/alerting/smtp-capture';
import { startWebhookReceiver } from '../../support/alerting/webhook-receiver';
import { email, NotifierHarness, seed, WallClock, webhook } from '../../support/notifier/notifier-test-app';
import { WebhookReceiver } from '../../support/notifier/webhook-receiver';
import { percentile } from '../../support/percentile';
import { adminUrl, databaseUrl } from '../../setup/test-database';

const ROOT = resolve(__dirname, '../../../..');
const ALERTS = Number(process.env.BENCH_ALERTS ?? 40);
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 5000);
const RECIPIENTS = 50;

const progress = (event: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ event: `bench.alerts.${event}`, ...data }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl() });
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

/**
 * Outbox rows about distinct (synthetic) incidents, as a storm of separate alerts would make (none
 * waits behind an older row about the same incident to the same recipient), to RECIPIENTS
 * recipients: notifications per second from their commit to the last delivery.
 */
async function throughput(
  h: NotifierHarness,
  agencyId: number,
  recipient: (i: number) => string,
  received: () => number,
  tag: string,
): Promise<number> {
  const now = Date.now();
  const rows: NewOutboxRow[] = Array.from({ length: NOTIFICATIONS }, (_, i) => ({
    idempotencyKey: `bench-${tag}-${i}`,
    agencyId,
    kind: 'informational',
    level: 0,
    incidentIds: [1_000_000_000 + i],
    channel: 'webhook',
    recipient: recipient(i % RECIPIENTS),
    language: 'en',
    payload: { notice: { subject: 'bench', text: 'bench' } },
    nextAttemptAt: now,
    createdAt: now,
  }));
  const before = received();
  const giveUp = DEFAULT_NOTIFICATIONS_OPTIONS.giveUpAfterMs;
  await h.app.get(NotificationsUnitOfWork).run((repo) => repo.insertOutbox(rows, giveUp));
  const t0 = Date.now();
  await until(`every ${tag} notification`, () => received() >= before + NOTIFICATIONS, 600_000);
  return NOTIFICATIONS / ((Date.now() - t0) / 1000);
}

async function main(): Promise<void> {
  const database = `kuzet_bench_alerts_${Date.now()}`;
  const url = databaseUrl(database);
  await admin(`CREATE DATABASE ${database}`);
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const receiver = await startWebhookReceiver([secret]);
  const smtp = await startSmtpCapture();
  const plain = new WebhookReceiver();
  let ds: DataSource | undefined;
  let h: NotifierHarness | undefined;
  try {
    ds = await new DataSource(createDataSourceOptions(url, { applicationName: 'kuzet-bench-alerts' })).initialize();
    await runMigrations(ds, { log: () => undefined, warn: () => undefined, error: () => undefined });
    const options = { ...DEFAULT_NOTIFICATIONS_OPTIONS, webhookSecrets: [secret] };
    h = await NotifierHarness.create(url, new WallClock(), options, {
      env: { KUZET_SMTP_URL: smtp.url, KUZET_SMTP_FROM: 'Kuzet <alerts@kuzet.bench>' },
      realChannels: true,
    });
    const systems = Array.from({ length: ALERTS }, (_, i) => ({ code: `sys-${i}`, agency: 'nit' }));
    const ids = await seed(
      ds,
      [
        {
          code: 'nit',
          contacts: [email('duty@nit.kz', 'duty', 'kk'), webhook(receiver.url, 'hook', 'en')],
          notifications: { group_wait: 0, group_interval: 0 },
        },
      ],
      systems,
    );

    progress('delay.start', { alerts: ALERTS, tick_ms: options.tickMs });
    const delays: number[] = [];
    const mailDelays: number[] = [];
    const hookDelays: number[] = [];
    for (const s of systems) {
      const hooksBefore = receiver.received.length;
      const mailsBefore = smtp.messages.length;
      const t0 = Date.now();
      await h.setStatus(ids.systems[s.code], 'major_outage', t0);
      const committed = Date.now();
      let mailAt = 0;
      let hookAt = 0;
      await until(`the alerts of ${s.code}`, () => {
        if (!mailAt && smtp.messages.length > mailsBefore) mailAt = Date.now();
        if (!hookAt && receiver.received.length > hooksBefore) hookAt = Date.now();
        return mailAt > 0 && hookAt > 0;
      });
      if (!receiver.received[hooksBefore].verified) throw new Error('a webhook did not verify');
      mailDelays.push((mailAt - committed) / 1000);
      hookDelays.push((hookAt - committed) / 1000);
      delays.push((Math.max(mailAt, hookAt) - committed) / 1000);
      await sleep(Math.random() * 200); // not in step with the loop's period
    }
    for (const d of [delays, mailDelays, hookDelays]) d.sort((a, b) => a - b);
    const p = (d: number[], q: number) => Number(percentile(d, q).toFixed(3));
    progress('delay.done', { p50_s: p(delays, 50), p95_s: p(delays, 95), smtp_p95_s: p(mailDelays, 95), webhook_p95_s: p(hookDelays, 95) });

    progress('throughput.start', { notifications: NOTIFICATIONS, recipients: RECIPIENTS, batch: options.batchSize });
    const perSecond = await throughput(h, ids.agencies.nit, (i) => `${receiver.url}/r${i}`, () => receiver.received.length, 'signed');
    if (receiver.received.some((r) => !r.verified)) throw new Error('a webhook did not verify');
    progress('throughput.done', { per_second: perSecond });
    await h.close();
    h = undefined;

    // Baseline of the same run: the same rows through the test suite's unsigned loopback sender
    // into a plain receiver (what the machine's load allows without signing and verifying).
    await plain.start();
    h = await NotifierHarness.create(url, new WallClock(), options);
    const baseline = await throughput(h, ids.agencies.nit, (i) => plain.url(`/r${i}`), () => plain.received.length, 'plain');
    progress('throughput.baseline', { per_second: baseline });

    const report = {
      notify_delay_p50_s: p(delays, 50),
      notify_delay_p95_s: p(delays, 95),
      smtp_delay_p50_s: p(mailDelays, 50),
      smtp_delay_p95_s: p(mailDelays, 95),
      webhook_delay_p50_s: p(hookDelays, 50),
      webhook_delay_p95_s: p(hookDelays, 95),
      notifications_per_second: Math.round(perSecond),
      notifications_per_second_unsigned_baseline: Math.round(baseline),
      alerts: ALERTS,
      notifications: NOTIFICATIONS,
      recipients: RECIPIENTS,
      notifier_tick_ms: options.tickMs,
      batch_size: options.batchSize,
      channels: ['email (EmailChannel, nodemailer pool)', 'webhook (WebhookChannel, signed)'],
      receivers: ['SMTP server (smtp-server + mailparser) on loopback', 'webhook receiver verifying signatures (standardwebhooks) on loopback'],
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
    await receiver.close();
    await smtp.close();
    await plain.stop();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

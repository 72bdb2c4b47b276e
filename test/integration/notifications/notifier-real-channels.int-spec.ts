import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FakeClock } from '../../../apps/api/src/incidents/testing/fake-incidents';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { startSmtpCapture, type SmtpCapture } from '../../support/alerting/smtp-capture';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/alerting/webhook-receiver';
import { COOLDOWN_MS, email, NotifierHarness, S, seed, TEST_NOTIFY_OPTIONS, webhook } from '../../support/notifier/notifier-test-app';

// The notifier end to end through the application's own channels: the signed WebhookChannel into
// receivers that verify Standard Webhooks signatures (standardwebhooks), and the EmailChannel
// (nodemailer) into a real SMTP server that parses what it gets; real PostgreSQL, fake clock.

const secret = () => `whsec_${randomBytes(24).toString('base64')}`;
const INSTALLATION_SECRET = secret();
const OWN_SECRET = secret();

interface Payload {
  type: string;
  data: { language: string; kind: string; subject: string; text: string; incidents: { systemCode: string }[] };
}

describe('notifier through the real channels', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let h: NotifierHarness;
  let smtp: SmtpCapture;
  let shared: WebhookReceiver;
  let own: WebhookReceiver;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    // Each receiver knows only its own secret: the installation's, or the contact's.
    shared = await startWebhookReceiver([INSTALLATION_SECRET]);
    own = await startWebhookReceiver([OWN_SECRET]);
  });
  afterAll(async () => {
    await smtp?.close();
    await shared?.close();
    await own?.close();
  });
  beforeEach(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    h = await NotifierHarness.create(
      db.url,
      new FakeClock(S(0)),
      { ...TEST_NOTIFY_OPTIONS, webhookSecrets: [INSTALLATION_SECRET] },
      {
        env: { KUZET_SMTP_URL: smtp.url, KUZET_SMTP_FROM: 'Kuzet <alerts@kuzet.test>', NIT_HOOK_SECRET: OWN_SECRET },
        realChannels: true,
      },
    );
    smtp.messages.splice(0);
    shared.received.splice(0);
    own.received.splice(0);
  });
  afterEach(async () => {
    await h?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('a storm of 5 systems makes one grouped message per channel in the contact language, later one resolution each', async () => {
    const systems = Array.from({ length: 5 }, (_, i) => ({ code: `svc-${i}`, agency: 'nit' }));
    const ids = await seed(
      ds,
      [
        {
          code: 'nit',
          contacts: [
            email('duty@nit.kz', 'duty', 'kk'),
            webhook(shared.url, 'shared', 'en'),
            { ...webhook(own.url.replace('/hooks/kuzet', '/own'), 'own', 'ru'), secrets: ['${env:NIT_HOOK_SECRET}'] },
          ],
        },
      ],
      systems,
    );
    for (let i = 0; i < 5; i++) await h.setStatus(ids.systems[`svc-${i}`], 'major_outage', S(i));
    for (const t of [10, 31, 40]) await h.tickAt(S(t));

    const [mail] = await smtp.waitForMessages(1);
    expect(mail.envelopeTo).toEqual(['duty@nit.kz']);
    expect(mail.parsed.headers.get('content-language')).toBe('kk');
    expect(mail.parsed.subject).toContain('nit-kk');
    for (const s of systems) expect(mail.parsed.text).toContain(`${s.code} kk`);
    const [sharedHook] = await shared.waitForDeliveries(1);
    const [ownHook] = await own.waitForDeliveries(1);
    for (const [hook, language, name] of [[sharedHook, 'en', 'svc-0'], [ownHook, 'ru', 'svc-0 ru']] as const) {
      expect(hook).toMatchObject({ verified: true, status: 204 });
      const payload = hook.payload as Payload;
      expect(payload.type).toBe('incident.firing');
      expect(payload.data.language).toBe(language);
      expect(payload.data.incidents.map((i) => i.systemCode)).toEqual(systems.map((s) => s.code));
      expect(payload.data.text).toContain(name);
    }
    // Only the contact's own secret signed its request: the installation's would not verify there.
    expect(ownHook.signature.split(' ')).toHaveLength(1);

    for (let i = 0; i < 5; i++) await h.setStatus(ids.systems[`svc-${i}`], 'operational', S(300 + i));
    await h.sweepAt(S(310) + COOLDOWN_MS);
    for (const t of [380, 400, 700]) await h.tickAt(S(t));
    await smtp.waitForMessages(2);
    await shared.waitForDeliveries(2);
    await own.waitForDeliveries(2);
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[1].parsed.headers.get('content-language')).toBe('kk');
    expect(smtp.messages[1].parsed.text).toContain('svc-4 kk');
    for (const r of [shared, own]) {
      expect(r.received.map((x) => [(x.payload as Payload).type, x.verified])).toEqual([
        ['incident.firing', true],
        ['incident.resolved', true],
      ]);
      expect((r.received[1].payload as Payload).data.incidents).toHaveLength(5);
    }
    const states = (await ds.query('SELECT channel, kind, state FROM notification_outbox ORDER BY id')) as { state: string }[];
    expect(states).toHaveLength(6);
    expect(states.every((s) => s.state === 'sent')).toBe(true);
  });

  it("a contact whose own secret variable is gone fails as final, never signed with the installation's secret", async () => {
    const ids = await seed(
      ds,
      [
        {
          code: 'gone',
          contacts: [{ ...webhook(own.url, 'own', 'en'), secrets: ['${env:KUZET_TEST_UNSET_HOOK_SECRET}'] }],
          notifications: { group_wait: 0, group_interval: 0 },
        },
      ],
      [{ code: 'svc', agency: 'gone' }],
    );
    await h.setStatus(ids.systems.svc, 'major_outage', S(0));
    await h.tickAt(S(1));
    expect(await ds.query('SELECT state, last_error FROM notification_outbox')).toEqual([
      { state: 'dead', last_error: 'webhook secret variable KUZET_TEST_UNSET_HOOK_SECRET is not set' },
    ]);
    expect(own.received).toEqual([]);
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { IncidentsService } from '../../../apps/api/src/incidents/incidents.service';
import { SubscriptionFanoutService } from '../../../apps/api/src/subscriptions/subscription-fanout.service';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/alerting/webhook-receiver';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../support/alerting/smtp-capture';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { PUBLIC_URL, seedCatalog, SubscriptionsHarness } from './support/subscriptions-test-app';

// Public subscriptions against real PostgreSQL and a real SMTP server (smtp-server + mailparser):
// sign-up, the confirmation e-mail, its link, an incident's public update in the chosen language
// with the one-click unsubscribe headers, and the unsubscribe link.

// The raw header line, unfolded (mailparser folds List-* headers into one 'list' object).
const header = (mail: CapturedMail, key: string) =>
  mail.parsed.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ').replace(/: +/, ': ');
const linkIn = (text: string | undefined, path: string): string => {
  const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}(/api/public/v1/subscriptions/${path}\\?token=[A-Za-z0-9_%-]+)`).exec(text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
};

describe('public subscriptions on PostgreSQL with a real SMTP server', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let smtp: SmtpCapture;
  let h: SubscriptionsHarness;
  let systems: Record<string, number>;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    h = await SubscriptionsHarness.create(db.url, {
      KUZET_SMTP_URL: smtp.url,
      KUZET_SUBSCRIBE_EMAIL_LIMIT: '3',
      KUZET_SUBSCRIBE_ADDRESS_LIMIT: '5',
    });
    systems = await seedCatalog(ds, 'egov', [
      { code: 'egov-portal', public: true },
      { code: 'egov-gateway', public: false },
      { code: 'egov-tax', public: true },
    ]);
    await seedCatalog(ds, 'hidden', [{ code: 'hidden-core', public: false }]);
  });
  afterAll(async () => {
    await h?.close();
    await ds?.destroy();
    await db?.drop();
    await smtp?.close();
  });
  beforeEach(() => smtp.messages.splice(0));

  let address = 0;
  /** Each sign-up from its own client address unless given one (the address limit is 5). */
  const subscribe = (body: Record<string, unknown>, remoteAddress = `198.51.100.${++address}`) =>
    h.app.inject({ method: 'POST', url: '/api/public/v1/subscriptions', payload: body, remoteAddress });
  const state = async (email: string) =>
    ((await ds.query('SELECT state FROM subscriptions WHERE address = $1', [email])) as { state: string }[]).map((r) => r.state);

  it('e-mail: confirm through the link, receive a public update in Kazakh with List-Unsubscribe, unsubscribe through the link', async () => {
    const signUp = await subscribe({ email: 'Citizen@Mail.KZ', scope: { system: 'egov-portal' }, language: 'kk' });
    expect(signUp.statusCode).toBe(202);
    expect(signUp.json()).toEqual({ status: 'accepted', confirmation: 'email' });
    expect(signUp.body).not.toContain('citizen');

    await h.tick();
    const [confirmation] = await smtp.waitForMessages(1);
    expect(confirmation.envelopeTo).toEqual(['citizen@mail.kz']);
    expect(confirmation.parsed.subject).toBe('Kuzet мәртебесіне жазылуды растаңыз');
    expect(confirmation.parsed.text).toContain('egov-portal порталы');
    const confirmLink = linkIn(confirmation.parsed.text, 'confirm');
    expect(await state('citizen@mail.kz')).toEqual(['pending']);

    // Nothing is sent to a pending subscriber.
    const early = await h.setStatus(systems['egov-portal'], 'major_outage');
    await h.tick();
    expect(smtp.messages).toHaveLength(1);
    await h.app.get(IncidentsService).resolve(early, 'duty@kuzet.test');

    const page = await h.app.inject({ method: 'GET', url: confirmLink, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="kk">');
    expect(page.body).toContain('Жазылым расталды.');
    expect(page.body).toContain('Your subscription is confirmed.');
    expect(page.body).not.toContain('citizen');
    expect(await state('citizen@mail.kz')).toEqual(['active']);
    // Idempotent: the link opened again says the same.
    const again = await h.app.inject({ method: 'GET', url: confirmLink, headers: { accept: 'application/json' } });
    expect([again.statusCode, again.json()]).toEqual([200, { status: 'confirmed' }]);

    // An incident opens on the system, then the duty officer publishes an update.
    await h.tick(); // the earlier incident's events were before the confirmation: not sent
    expect(smtp.messages).toHaveLength(1);
    const incidentId = await h.setStatus(systems['egov-portal'], 'major_outage');
    await h.app.get(IncidentsService).addNote(incidentId, 'internal: upstream 10.0.0.7 refused', 'duty@kuzet.test');
    await h.app.get(IncidentsService).addPublicUpdate(
      incidentId,
      'identified',
      { kk: 'Себебі анықталды, жөндеп жатырмыз', ru: 'Причина найдена, чиним', en: 'Cause found, fixing' },
      'duty@kuzet.test',
    );
    await h.tick();
    const mails = await smtp.waitForMessages(3);
    const [opened, update] = mails.slice(1);
    // Failing again within the cooldown reopens the resolved incident: told as a reopening.
    expect(opened.parsed.subject).toMatch(/^egov-portal порталы: Инцидент қайта ашылды: /);
    expect(opened.parsed.text).toContain('Мәртебе: Себебі анықталуда');
    expect(update.envelopeTo).toEqual(['citizen@mail.kz']);
    expect(update.parsed.subject).toMatch(/^egov-portal порталы: Жаңарту: /);
    expect(update.parsed.text).toContain('Себебі анықталды, жөндеп жатырмыз');
    expect(update.parsed.text).toContain('Мәртебе: Себебі анықталды');
    expect(update.parsed.text).toContain('(Asia/Almaty)');
    expect(update.parsed.text).toContain(`${PUBLIC_URL}/kk/status/incidents/${incidentId}`);
    expect(update.parsed.headers.get('content-language')).toBe('kk');
    for (const mail of [opened, update]) {
      expect(mail.parsed.text).not.toMatch(/10\.0\.0\.7|internal|sev\d|SEV\d|Cause found|Причина/);
      expect(mail.parsed.html).not.toMatch(/10\.0\.0\.7|internal/);
    }
    const unsubscribeLink = linkIn(update.parsed.text, 'unsubscribe');
    expect(header(update, 'list-unsubscribe')).toBe(`List-Unsubscribe: <${PUBLIC_URL}${unsubscribeLink}>`);
    expect(header(update, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    // GET only asks (mail scanners open links); the button POSTs to the same link.
    const ask = await h.app.inject({ method: 'GET', url: unsubscribeLink });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('<form method="post" action="?token=');
    expect(await state('citizen@mail.kz')).toEqual(['active']);
    // What a mail provider sends for List-Unsubscribe-Post (RFC 8058): a form POST to the link.
    const oneClick = await h.app.inject({
      method: 'POST',
      url: unsubscribeLink,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('Жазылымнан бас тарттыңыз.');
    expect(await state('citizen@mail.kz')).toEqual(['unsubscribed']);
    const twice = await h.app.inject({ method: 'POST', url: unsubscribeLink, headers: { accept: 'application/json' } });
    expect([twice.statusCode, twice.json()]).toEqual([200, { status: 'unsubscribed' }]);
    const multipart = await h.app.inject({
      method: 'POST',
      url: unsubscribeLink,
      headers: { 'content-type': 'multipart/form-data; boundary=b', accept: 'application/json' },
      payload: '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n',
    });
    expect([multipart.statusCode, multipart.json()]).toEqual([200, { status: 'unsubscribed' }]);

    await h.app.get(IncidentsService).addPublicUpdate(
      incidentId,
      'monitoring',
      { kk: 'Бақылап отырмыз', ru: 'Наблюдаем', en: 'Monitoring' },
      'duty@kuzet.test',
    );
    await h.app.get(IncidentsService).resolve(incidentId, 'duty@kuzet.test');
    await h.tick();
    await h.tick();
    expect(smtp.messages).toHaveLength(3);
  });

  it('answers the same whether or not the e-mail already follows the scope, and sends nothing more once confirmed', async () => {
    const body = { email: 'twice@mail.kz', scope: { agency: 'egov' }, language: 'ru' };
    const first = await subscribe(body);
    const second = await subscribe(body);
    expect([first.statusCode, first.json()]).toEqual([second.statusCode, second.json()]);
    await h.tick();
    // Still pending: each sign-up sends a fresh link (the older one stops working).
    const [old, fresh] = await smtp.waitForMessages(2);
    expect(fresh.parsed.subject).toBe('Подтвердите подписку на статус Kuzet');
    expect(fresh.parsed.text).toContain('системы ведомства egov ведомство');
    const stale = await h.app.inject({ method: 'GET', url: linkIn(old.parsed.text, 'confirm'), headers: { accept: 'application/json' } });
    expect([stale.statusCode, stale.json()]).toEqual([404, { status: 'unknown' }]);
    const ok = await h.app.inject({ method: 'GET', url: linkIn(fresh.parsed.text, 'confirm'), headers: { accept: 'application/json' } });
    expect(ok.json()).toEqual({ status: 'confirmed' });

    const third = await subscribe(body);
    expect([third.statusCode, third.json()]).toEqual([first.statusCode, first.json()]);
    await h.tick();
    expect(smtp.messages).toHaveLength(2);
  });

  it('tells nobody about a non-public system, and queues a signed-webhook body with public fields for a webhook subscriber', async () => {
    const hook = await subscribe({ webhook_url: 'https://hooks.example.org/kuzet', scope: 'all', language: 'en' });
    expect([hook.statusCode, hook.json()]).toEqual([202, { status: 'accepted', confirmation: 'webhook' }]);
    // Double opt-in: the webhook gets a verification event and stays pending until its link is used.
    const [verify] = (await ds.query(
      `SELECT kind, payload FROM notification_outbox WHERE channel = 'webhook' AND recipient = 'https://hooks.example.org/kuzet'`,
    )) as { kind: string; payload: { notice: { webhook: { type: string; data: { confirm_url: string } } } } }[];
    expect([verify.kind, verify.payload.notice.webhook.type]).toEqual(['subscription_confirm', 'subscription.verify']);
    expect(await state('https://hooks.example.org/kuzet')).toEqual(['pending']);
    const confirmPath = verify.payload.notice.webhook.data.confirm_url.slice(PUBLIC_URL.length);
    const confirmed = await h.app.inject({ method: 'POST', url: confirmPath });
    expect([confirmed.statusCode, confirmed.json()]).toEqual([200, { status: 'confirmed' }]);
    expect(await state('https://hooks.example.org/kuzet')).toEqual(['active']);
    await h.tick();
    const before = Number(((await ds.query('SELECT max(id) AS id FROM notification_outbox')) as { id: string }[])[0].id);
    const hidden = await h.setStatus(systems['egov-gateway'], 'partial_outage');
    await h.app.get(IncidentsService).addPublicUpdate(hidden, 'identified', { kk: 'x', ru: 'x', en: 'x' }, 'duty@kuzet.test');
    await h.tick();
    expect(await ds.query('SELECT id FROM notification_outbox WHERE id > $1', [before])).toEqual([]);

    const visible = await h.setStatus(systems['egov-tax'], 'degraded_performance');
    await h.app.get(IncidentsService).addPublicUpdate(visible, 'monitoring', { kk: 'k', ru: 'r', en: 'Watching it' }, 'duty@kuzet.test');
    await h.app.get(IncidentsService).addPublicUpdate(visible, 'monitoring', { kk: 'k', ru: 'r', en: 'Watching it' }, 'duty@kuzet.test');
    await h.tick();
    await h.tick();
    const rows = (await ds.query(
      `SELECT channel, recipient, payload, state, last_error FROM notification_outbox WHERE id > $1 AND channel = 'webhook' ORDER BY id`,
      [before],
    )) as { channel: string; recipient: string; payload: { notice: { headers?: unknown; webhook: { type: string; data: Record<string, unknown> } } }; state: string; last_error: string }[];
    // Opened, and the two updates (each its own event); nothing queued twice by the second round.
    expect(rows.map((r) => r.payload.notice.webhook.type)).toEqual([
      'status.incident.opened',
      'status.incident.public_update',
      'status.incident.public_update',
    ]);
    const body = JSON.stringify(rows.map((r) => r.payload));
    expect(body).not.toMatch(/sev\d|egov-gateway|"severity"|"cause"|note/);
    expect(rows[1].payload.notice.webhook.data.update).toMatchObject({ text: { en: 'Watching it' } });
    expect(rows[0].payload.notice.headers).toBeUndefined();
    // Without KUZET_WEBHOOK_SECRETS nothing unsigned leaves: a final failure, as for agency webhooks.
    expect(rows.map((r) => [r.state, r.last_error])).toContainEqual(['dead', 'webhook has no signing secret']);
  });

  it('the public page form: a plain urlencoded POST signs up, sends the confirmation, and answers an HTML page in the chosen language', async () => {
    const form = (fields: Record<string, string>, remoteAddress = `198.51.100.${++address}`) =>
      h.app.inject({
        method: 'POST',
        url: '/api/public/v1/subscriptions/form',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        payload: new URLSearchParams(fields).toString(),
        remoteAddress,
      });
    const sent = await form({ email: 'Form.User@mail.kz', scope: 'system:egov-tax', language: 'ru' });
    expect(sent.statusCode).toBe(202);
    expect(sent.headers['content-type']).toContain('text/html');
    expect(sent.body).toContain('<html lang="ru">');
    expect(sent.body).toContain('Почти готово');
    expect(sent.body).not.toContain('form.user');
    expect(await state('form.user@mail.kz')).toEqual(['pending']);
    await h.tick();
    const [mail] = await smtp.waitForMessages(1);
    expect([mail.envelopeTo, mail.parsed.subject]).toEqual([['form.user@mail.kz'], 'Подтвердите подписку на статус Kuzet']);

    const bad = await form({ email: 'not-an-address', scope: 'system:egov-tax', language: 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('email: expected an e-mail address');
    expect(bad.body).toContain('href="/en/status/subscribe?system=egov-tax"');
    const badScope = await form({ email: 'a@mail.kz', scope: 'everything', language: 'kk' });
    expect([badScope.statusCode, badScope.body.includes('scope: expected')]).toEqual([400, true]);
    const hidden = await form({ email: 'a@mail.kz', scope: 'system:egov-gateway', language: 'en' });
    expect([hidden.statusCode, hidden.body.includes('There is no public system or agency')]).toEqual([404, true]);
    // Only this path takes a form: any other write under /api still wants JSON.
    const elsewhere = await h.app.inject({
      method: 'POST',
      url: '/api/public/v1/subscriptions',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40mail.kz&scope=all&language=en',
    });
    expect(elsewhere.statusCode).toBe(415);
    const long = await form({ email: `${'a'.repeat(5000)}@mail.kz`, scope: 'all', language: 'en' });
    expect([long.statusCode, long.body.includes('email: ')]).toEqual([400, true]);
  });

  it('forgets sign-ups never confirmed once their link has expired, and only those', async () => {
    await subscribe({ email: 'never@mail.kz', scope: 'all', language: 'en' });
    await subscribe({ email: 'fresh@mail.kz', scope: 'all', language: 'en' });
    await ds.query(`UPDATE subscriptions SET confirm_expires_at = now() - interval '1 second' WHERE address = 'never@mail.kz'`);
    const active = (await ds.query(`SELECT count(*)::int AS n FROM subscriptions WHERE state <> 'pending'`)) as { n: number }[];
    expect(await h.app.get(SubscriptionFanoutService).forgetExpiredSignUps()).toBe(1);
    expect(await state('never@mail.kz')).toEqual([]);
    expect(await state('fresh@mail.kz')).toEqual(['pending']);
    expect(await ds.query(`SELECT count(*)::int AS n FROM subscriptions WHERE state <> 'pending'`)).toEqual(active);
  });

  it('refuses a system or agency that is not public (404) and names the bad field (400)', async () => {
    for (const scope of [{ system: 'egov-gateway' }, { system: 'no-such' }, { agency: 'hidden' }, { agency: 'no-such' }]) {
      const res = await subscribe({ email: 'a@mail.kz', scope, language: 'en' });
      expect([res.statusCode, res.json().message]).toEqual([404, expect.stringMatching(/^no public (system|agency) "/)]);
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'a@mail.kz', webhook_url: 'https://hooks.example.org/x', scope: 'all', language: 'en' }, 'email'],
      [{ scope: 'all', language: 'en' }, 'email'],
      [{ email: 'not-an-email', scope: 'all', language: 'en' }, 'email'],
      [{ email: 'a@mail.kz', scope: 'everything', language: 'en' }, 'scope'],
      [{ email: 'a@mail.kz', scope: 'all', language: 'de' }, 'language'],
      [{ webhook_url: 'http://hooks.example.org/x', scope: 'all', language: 'en' }, 'webhook_url'],
      [{ webhook_url: 'https://127.0.0.1/x', scope: 'all', language: 'en' }, 'webhook_url'],
      [{ webhook_url: 'https://localhost/x', scope: 'all', language: 'en' }, 'webhook_url'],
    ];
    for (const [body, field] of cases) {
      const res = await subscribe(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const badToken = await h.app.inject({ method: 'GET', url: '/api/public/v1/subscriptions/confirm' });
    expect([badToken.statusCode, badToken.json().errors[0].field]).toEqual([400, 'token']);
  });

  it('rate-limits sign-ups per client address and per e-mail with 429 and Retry-After', async () => {
    const retryAfter = (res: LightMyRequestResponse) => Number(res.headers['retry-after']);
    // Per e-mail (limit 3): from three different addresses, then a fourth.
    for (let i = 0; i < 3; i++)
      expect((await subscribe({ email: 'flood@mail.kz', scope: 'all', language: 'en' })).statusCode).toBe(202);
    const perEmail = await subscribe({ email: 'flood@mail.kz', scope: 'all', language: 'en' });
    expect(perEmail.statusCode).toBe(429);
    expect(retryAfter(perEmail)).toBeGreaterThan(0);
    // Per address (limit 5): different e-mails from one address.
    const source = '203.0.113.9';
    for (let i = 0; i < 5; i++)
      expect((await subscribe({ email: `p${i}@mail.kz`, scope: 'all', language: 'en' }, source)).statusCode).toBe(202);
    const perAddress = await subscribe({ email: 'p9@mail.kz', scope: 'all', language: 'en' }, source);
    expect(perAddress.statusCode).toBe(429);
    expect(retryAfter(perAddress)).toBeGreaterThan(3000);
    expect((await subscribe({ email: 'p9@mail.kz', scope: 'all', language: 'en' }, '203.0.113.10')).statusCode).toBe(202);
    await h.tick();
    expect(smtp.messages.map((m) => m.envelopeTo[0]).filter((a) => a === 'flood@mail.kz')).toHaveLength(3);
  });
});

describe('sign-up limit per client address behind a trusted proxy (KUZET_TRUST_PROXY)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let h: SubscriptionsHarness;

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    h = await SubscriptionsHarness.create(db.url, { KUZET_TRUST_PROXY: '127.0.0.1', KUZET_SUBSCRIBE_ADDRESS_LIMIT: '2' });
    await seedCatalog(ds, 'egov', [{ code: 'egov-portal', public: true }]);
  });
  afterAll(async () => {
    await h?.close();
    await ds?.destroy();
    await db?.drop();
  });

  let n = 0;
  const signUp = (remoteAddress: string, forwardedFor: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/public/v1/subscriptions',
      payload: { email: `c${++n}@mail.kz`, scope: 'all', language: 'ru' },
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('counts the client the trusted proxy names, and the socket address of anyone else', async () => {
    const viaProxy = [];
    for (let i = 0; i < 3; i++) viaProxy.push((await signUp('127.0.0.1', '198.51.100.1')).statusCode);
    expect(viaProxy).toEqual([202, 202, 429]);
    // Another citizen behind the same proxy is not held back by the first.
    expect((await signUp('127.0.0.1', '198.51.100.2')).statusCode).toBe(202);
    // A client that is not the proxy cannot get round the limit by rotating the header.
    const direct = [];
    for (let i = 0; i < 3; i++) direct.push((await signUp('192.0.2.5', `203.0.113.${i + 1}`)).statusCode);
    expect(direct).toEqual([202, 202, 429]);
  });
});

describe('webhook subscribers: signed delivery, and a 410 Gone ends the subscription', () => {
  const secret = `whsec_${Buffer.from('subscriptions-test-secret-0123456789').toString('base64')}`;
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let h: SubscriptionsHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver([secret]);
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    // Subscribers' webhooks reach public addresses only; this receiver is on loopback.
    h = await SubscriptionsHarness.create(db.url, { KUZET_WEBHOOK_SECRETS: secret, KUZET_SUBSCRIBER_WEBHOOK_ALLOW: '127.0.0.0/8' });
  });
  afterAll(async () => {
    await h?.close();
    await ds?.destroy();
    await db?.drop();
    await receiver?.close();
  });

  it('POSTs signed public updates to the subscriber, and stops for good once it answers 410', async () => {
    const ids = await seedCatalog(ds, 'egov', [{ code: 'egov-portal', public: true }]);
    // The sign-up refuses loopback URLs (a stranger must not aim Kuzet at its own network), so the
    // subscription to this loopback receiver is written directly.
    await ds.query(
      `INSERT INTO subscriptions (channel, address, scope_kind, system_id, language, state, unsubscribe_token, created_at, confirmed_at)
       VALUES ('webhook', $1, 'system', $2, 'en', 'active', 'unsub-token-for-the-webhook-test', now() - interval '1 minute', now() - interval '1 minute')`,
      [receiver.url, ids['egov-portal']],
    );
    const incidentId = await h.setStatus(ids['egov-portal'], 'major_outage');
    await h.tick();
    const [opened] = await receiver.waitForDeliveries(1);
    expect(opened.verified).toBe(true);
    expect(opened.payload).toMatchObject({
      type: 'status.incident.opened',
      data: { language: 'en', incident: { id: incidentId, system: 'egov-portal', public_state: 'investigating' } },
    });

    receiver.setMode({ kind: 'status', status: 410 });
    const incidents = h.app.get(IncidentsService);
    await incidents.addPublicUpdate(incidentId, 'identified', { kk: 'k', ru: 'r', en: 'Found' }, 'duty@kuzet.test');
    await h.tick();
    await receiver.waitForDeliveries(2);
    await h.tick();
    expect(await ds.query('SELECT state FROM subscriptions')).toEqual([{ state: 'unsubscribed' }]);

    receiver.setMode({ kind: 'accept' });
    await incidents.addPublicUpdate(incidentId, 'monitoring', { kk: 'k', ru: 'r', en: 'Watching' }, 'duty@kuzet.test');
    await h.tick();
    await h.tick();
    expect(receiver.received).toHaveLength(2);
  });

  it('verifies a webhook sign-up with a signed subscription.verify event; nothing else reaches it until its link is POSTed', async () => {
    const ids = await seedCatalog(ds, 'kgd', [{ code: 'kgd-tax', public: true }]);
    const seen = receiver.received.length;
    const signUp = await h.app.inject({
      method: 'POST',
      url: '/api/public/v1/subscriptions',
      payload: { webhook_url: 'https://hooks.example.org/verify-me', scope: { system: 'kgd-tax' }, language: 'ru' },
      remoteAddress: '198.51.100.200',
    });
    expect([signUp.statusCode, signUp.json()]).toEqual([202, { status: 'accepted', confirmation: 'webhook' }]);
    // The sign-up refuses loopback URLs, so the pending subscription and its queued event are
    // pointed at this loopback receiver before delivery: what is sent is the service's own event.
    await ds.query(`UPDATE subscriptions SET address = $1 WHERE address = 'https://hooks.example.org/verify-me'`, [receiver.url]);
    await ds.query(`UPDATE notification_outbox SET recipient = $1 WHERE recipient = 'https://hooks.example.org/verify-me'`, [receiver.url]);
    await h.tick();
    const [verify] = (await receiver.waitForDeliveries(seen + 1)).slice(seen);
    expect(verify.verified).toBe(true);
    const data = (verify.payload as { type: string; data: { confirm_url: string; scope: string; language: string; expires_at: string } }).data;
    expect((verify.payload as { type: string }).type).toBe('subscription.verify');
    expect(data.language).toBe('ru');
    expect(new Date(data.expires_at).getTime()).toBeGreaterThan(Date.now());

    // Pending: an incident on the followed system sends nothing to it.
    const incidentId = await h.setStatus(ids['kgd-tax'], 'major_outage');
    await h.tick();
    await h.tick();
    expect(receiver.received).toHaveLength(seen + 1);

    const confirm = await h.app.inject({ method: 'POST', url: data.confirm_url.slice(PUBLIC_URL.length) });
    expect([confirm.statusCode, confirm.json()]).toEqual([200, { status: 'confirmed' }]);
    await h.app.get(IncidentsService).addPublicUpdate(incidentId, 'identified', { kk: 'к', ru: 'Причина найдена', en: 'Found' }, 'duty@kuzet.test');
    await h.tick();
    const [update] = (await receiver.waitForDeliveries(seen + 2)).slice(seen + 1);
    expect(update.payload).toMatchObject({ type: 'status.incident.public_update', data: { language: 'ru', incident: { system: 'kgd-tax' } } });
  });
});

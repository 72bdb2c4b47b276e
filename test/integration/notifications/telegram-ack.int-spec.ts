import { DataSource } from 'typeorm';
import { FakeClock } from '../../../apps/api/src/incidents/testing/fake-incidents';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { signedInAs, type SignedIn } from '../../support/auth-helpers';
import { startTelegramBotApi, type TelegramBotApi } from '../../support/alerting/telegram-bot-api';
import { NotifierHarness, S, seed, telegram, TEST_NOTIFY_OPTIONS } from '../../support/notifier/notifier-test-app';

// The Telegram "acknowledge" button end to end: the notifier sends through the real
// TelegramChannel to a Bot API stand-in on loopback, users link their Telegram account with a
// one-time code they get signed in, and Telegram's webhook updates (button presses) come in over HTTP,
// against real PostgreSQL. The clock is fake, so the escalation runs without waiting.

const TOKEN = '123456789:AAH-test_token';
const SECRET = 'telegram-webhook-secret-0123456789';
const DUTY_CHAT = '-100100';
const HEAD_CHAT = '-100200';

describe('Telegram acknowledge button', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let h: NotifierHarness;
  let api: TelegramBotApi;
  let updateId = 0;

  beforeAll(async () => {
    api = await startTelegramBotApi(TOKEN);
  });
  afterAll(async () => {
    await api?.close();
  });
  beforeEach(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    h = await NotifierHarness.create(db.url, new FakeClock(S(0)), TEST_NOTIFY_OPTIONS, {
      env: { KUZET_TELEGRAM_API_URL: api.url, KUZET_TELEGRAM_BOT_TOKEN: TOKEN, KUZET_TELEGRAM_WEBHOOK_SECRET: SECRET },
      realChannels: true,
    });
    api.calls.splice(0);
    api.answers.splice(0);
  });
  afterEach(async () => {
    await h?.close();
    await ds?.destroy();
    await db?.drop();
  });

  const postUpdate = (update: Record<string, unknown>, secret: string | null = SECRET) =>
    h.app.inject({
      method: 'POST',
      url: '/api/notifications/telegram/updates',
      headers: { 'content-type': 'application/json', ...(secret !== null && { 'x-telegram-bot-api-secret-token': secret }) },
      payload: JSON.stringify({ update_id: ++updateId, ...update }),
    });
  const sendText = (telegramUserId: number, text: string) =>
    postUpdate({ message: { message_id: 1, chat: { id: telegramUserId, type: 'private' }, from: { id: telegramUserId, is_bot: false, first_name: 'T', language_code: 'en' }, text } });
  const press = (telegramUserId: number, data: string) =>
    postUpdate({ callback_query: { id: `cb-${updateId}`, from: { id: telegramUserId, is_bot: false, first_name: 'T' }, chat_instance: '1', data } });
  const lastAnswer = () => api.answers[api.answers.length - 1]?.text;

  /** A signed-in user gets a link code and sends it to the bot from the Telegram user. */
  async function link(user: SignedIn, telegramUserId: number): Promise<string> {
    const res = await h.app.inject({ method: 'POST', url: '/api/notifications/telegram/link-code', headers: user.headers });
    expect(res.statusCode).toBe(201);
    const { code, command } = JSON.parse(res.body) as { code: string; command: string };
    expect(command).toBe(`/start ${code}`);
    expect((await sendText(telegramUserId, command)).statusCode).toBe(200);
    return code;
  }

  const stateOf = async (incidentId: number) =>
    ((await ds.query('SELECT state FROM incidents WHERE id = $1', [incidentId])) as { state: string }[])[0].state;

  it('a linked operator pressing the button acknowledges the incident and stops its escalation; others are refused', async () => {
    const ids = await seed(
      ds,
      [
        {
          code: 'esc',
          contacts: [telegram(DUTY_CHAT, 'duty'), telegram(HEAD_CHAT, 'head')],
          notifications: {
            group_wait: 0,
            group_interval: 0,
            systems: { alpha: { contacts: ['duty'] }, beta: { contacts: ['duty'] } },
            escalation: [{ after: '2m', contacts: ['head'] }],
          },
        },
        { code: 'oth', contacts: [] },
      ],
      [
        { code: 'alpha', agency: 'esc' },
        { code: 'beta', agency: 'esc' },
      ],
    );
    const operator = await signedInAs(h.app, ds, { role: 'agency_operator', agency: 'esc' });
    const stranger = await signedInAs(h.app, ds, { role: 'agency_operator', agency: 'oth' });
    const code = await link(operator, 555);
    await link(stranger, 666);
    expect(api.calls.map((c) => [c.chatId, c.text])).toEqual([
      ['555', `Linked to the Kuzet user ${operator.user.email}. The "Acknowledge" buttons now act for you.`],
      ['666', `Linked to the Kuzet user ${stranger.user.email}. The "Acknowledge" buttons now act for you.`],
    ]);
    // A code works once.
    await sendText(777, `/start ${code}`);
    expect(api.calls[2]).toMatchObject({ chatId: '777', text: 'This link code is unknown, used or expired. Get a new one from Kuzet.' });
    api.calls.splice(0);

    await h.setStatus(ids.systems.alpha, 'major_outage', S(0));
    await h.tickAt(S(1));
    await h.setStatus(ids.systems.beta, 'major_outage', S(30));
    await h.tickAt(S(31));
    const alerts = api.calls.filter((c) => c.chatId === DUTY_CHAT);
    expect(alerts).toHaveLength(2);
    const [alphaToken, betaToken] = alerts.map((c) => c.replyMarkup?.inline_keyboard?.[0]?.[0]?.callback_data ?? '');
    expect(alerts[0].replyMarkup?.inline_keyboard?.[0]?.[0]?.text).toBe('Подтвердить');
    expect(alphaToken).toMatch(/^ack_[A-Za-z0-9_-]{24}$/);
    expect(betaToken).not.toBe(alphaToken);
    const [alpha] = (await ds.query('SELECT id FROM incidents WHERE system_id = $1', [ids.systems.alpha])) as { id: string }[];
    const alphaId = Number(alpha.id);

    // Refused: a Telegram user nobody linked, an operator of another agency, a made-up token.
    await press(999, alphaToken);
    expect(lastAnswer()).toMatch(/^Ваш аккаунт Telegram не привязан к Kuzet/);
    await press(666, alphaToken);
    expect(lastAnswer()).toBe('Ваша учётная запись Kuzet не может подтверждать эти инциденты.');
    await press(555, 'ack_not-a-token-anyone-was-given');
    expect(lastAnswer()).toBe('This button is no longer valid.');
    expect(await stateOf(alphaId)).toBe('open');

    // The linked operator of the agency: acknowledged, as that user, on the timeline and in the audit log.
    await press(555, alphaToken);
    expect(lastAnswer()).toBe('Подтверждено.');
    expect(api.answers).toHaveLength(4);
    expect(await stateOf(alphaId)).toBe('acknowledged');
    expect(await ds.query(`SELECT actor FROM incident_events WHERE incident_id = $1 AND kind = 'acknowledged'`, [alphaId])).toEqual([
      { actor: operator.user.email },
    ]);
    expect(await ds.query(`SELECT actor_email, target, changes FROM audit_log WHERE action = 'incident.ack'`)).toEqual([
      { actor_email: operator.user.email, target: `incident:${alphaId}`, changes: { via: 'telegram' } },
    ]);
    await press(555, alphaToken);
    expect(lastAnswer()).toBe('Уже подтверждено или устранено.');

    // Two minutes on: beta (nobody pressed) escalates to the head, with its own button; alpha never does.
    for (const t of [122, 152, 300, 600]) await h.tickAt(S(t));
    const escalations = api.calls.filter((c) => c.chatId === HEAD_CHAT);
    expect(escalations).toHaveLength(1);
    expect(escalations[0].text).toContain('beta');
    expect(escalations[0].text).not.toContain('alpha');
    const escalationToken = escalations[0].replyMarkup?.inline_keyboard?.[0]?.[0]?.callback_data;
    expect(escalationToken).toMatch(/^ack_/);
    expect([alphaToken, betaToken]).not.toContain(escalationToken);
  });

  it('refuses updates without the webhook secret (401) and a malformed update (400 naming the field)', async () => {
    expect((await postUpdate({ message: { chat: { id: 1 }, text: '/start x' } }, null)).statusCode).toBe(401);
    expect((await postUpdate({ message: { chat: { id: 1 }, text: '/start x' } }, `${SECRET}x`)).statusCode).toBe(401);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/notifications/telegram/updates',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      payload: JSON.stringify({ update_id: 1, callback_query: { id: 'q', from: { id: 'nobody' } } }),
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).errors[0].field).toBe('callback_query.from.id');
    // Another kind of update is taken and ignored (Telegram would resend it otherwise).
    expect((await postUpdate({ edited_message: { chat: { id: 1 }, text: 'hi' } })).statusCode).toBe(200);
    expect(api.calls).toEqual([]);
    // A viewer cannot get a link code; signed out, nobody can.
    const viewer = await signedInAs(h.app, ds, { role: 'viewer' });
    expect((await h.app.inject({ method: 'POST', url: '/api/notifications/telegram/link-code', headers: viewer.headers })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: '/api/notifications/telegram/link-code' })).statusCode).toBe(401);
  });

  it('a link code expires after 10 minutes', async () => {
    const officer = await signedInAs(h.app, ds, { role: 'duty_officer' });
    const res = await h.app.inject({ method: 'POST', url: '/api/notifications/telegram/link-code', headers: officer.headers });
    const { code, expires_at } = JSON.parse(res.body) as { code: string; expires_at: string };
    expect(new Date(expires_at).getTime()).toBe(S(0) + 10 * 60_000);
    h.clock.t = S(0) + 10 * 60_000;
    await sendText(555, `/start ${code}`);
    expect(api.calls.map((c) => c.text)).toEqual(['This link code is unknown, used or expired. Get a new one from Kuzet.']);
    expect(await ds.query('SELECT * FROM telegram_links')).toEqual([]);
  });
});

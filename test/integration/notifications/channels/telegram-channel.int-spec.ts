import {
  alertContent,
  alertIncident,
} from '../../../../apps/api/src/notifications/templates/testing/alert-content.fixture';
import { outgoing, startChannels, type ChannelsHarness } from '../../../support/alerting/channels-harness';
import { startTelegramBotApi, type TelegramBotApi } from '../../../support/alerting/telegram-bot-api';

const TOKEN = '123456789:AAH-secret_token';

describe('TelegramChannel against a Bot API stand-in', () => {
  let api: TelegramBotApi;
  let app: ChannelsHarness;

  beforeAll(async () => {
    api = await startTelegramBotApi(TOKEN);
    app = await startChannels({ KUZET_TELEGRAM_API_URL: api.url, KUZET_TELEGRAM_BOT_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
    await api?.close();
  });
  beforeEach(() => api.calls.splice(0));

  const target = { kind: 'telegram' as const, address: '-100200300' };

  it('sends the escaped HTML message to the chat with an "acknowledge" button carrying the token', async () => {
    const content = alertContent({
      incidents: [alertIncident(9, { systemName: { kk: 'Жүйе <9>', ru: 'Система <9>', en: 'System <9>' } })],
    });
    const outcome = await app
      .channel('telegram')
      .send(target, outgoing(content, 'telegram', 'ru', 'k1', 'ack:9:abc'));
    expect(outcome).toEqual({ ok: true, detail: 'message_id 1' });
    const [call] = await api.waitForCalls(1);
    expect(call.chatId).toBe('-100200300');
    expect(call.parseMode).toBe('HTML');
    expect(call.text).toContain('<b>Система &lt;9&gt;</b>');
    expect(call.text).toContain('Причина: https: HTTP 503');
    expect(call.replyMarkup?.inline_keyboard).toEqual([
      [{ text: 'Подтвердить', callback_data: 'ack:9:abc' }],
    ]);
  });

  it('sends no button without an ack token', async () => {
    await app.channel('telegram').send(target, outgoing(alertContent(), 'telegram', 'kk', 'k2'));
    const [call] = await api.waitForCalls(1);
    expect(call.replyMarkup).toBeUndefined();
    expect(call.text).toContain('<b>[SEV2] Ақау: Жүйе 1</b>');
  });

  it('delivers a 40-system storm as one message the Bot API accepts', async () => {
    const incidents = Array.from({ length: 40 }, (_, i) => alertIncident(i + 1));
    const outcome = await app
      .channel('telegram')
      .send(target, outgoing(alertContent({ incidents }), 'telegram', 'en', 'k3'));
    expect(outcome).toMatchObject({ ok: true });
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0].text).toContain('40 systems of Ministry of Digital Development are failing');
  });

  it('honours 429 retry_after', async () => {
    api.rateLimitNext(1, 12);
    const outcome = await app
      .channel('telegram')
      .send(target, outgoing(alertContent(), 'telegram', 'en', 'k4'));
    expect(outcome).toEqual({
      ok: false,
      retryable: true,
      retryAfterMs: 12_000,
      error: 'Telegram 429: Too Many Requests: retry after 12',
    });
    expect(api.calls).toHaveLength(0);
  });

  it('never puts the bot token in an outcome: wrong token, unreachable API', async () => {
    const wrong = await startChannels({
      KUZET_TELEGRAM_API_URL: api.url,
      KUZET_TELEGRAM_BOT_TOKEN: '1:other-token',
    });
    const gone = await startTelegramBotApi(TOKEN);
    await gone.close();
    const refused = await startChannels({
      KUZET_TELEGRAM_API_URL: gone.url,
      KUZET_TELEGRAM_BOT_TOKEN: TOKEN,
    });
    try {
      const n = outgoing(alertContent(), 'telegram', 'en', 'k5');
      const unauthorized = await wrong.channel('telegram').send(target, n);
      expect(unauthorized).toEqual({ ok: false, retryable: false, error: 'Telegram 401: Unauthorized' });
      const down = await refused.channel('telegram').send(target, n);
      expect(down).toEqual({ ok: false, retryable: true, error: 'connection refused' });
      expect(JSON.stringify([unauthorized, down])).not.toMatch(/secret_token|other-token/);
      expect(
        api.paths.every((p) => p === `/bot${TOKEN}/sendMessage` || p === '/bot1:other-token/sendMessage'),
      ).toBe(true);
    } finally {
      await wrong.close();
      await refused.close();
    }
  });

  it('refuses an acknowledgement token Telegram would reject', async () => {
    const outcome = await app
      .channel('telegram')
      .send(target, outgoing(alertContent(), 'telegram', 'en', 'k6', 'x'.repeat(65)));
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    expect(api.calls).toHaveLength(0);
  });
});

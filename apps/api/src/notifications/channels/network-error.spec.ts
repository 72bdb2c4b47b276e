import { networkErrorOutcome } from './network-error';
import { smtpErrorOutcome } from './smtp-outcome';
import { telegramOutcome } from './telegram.channel';

describe('delivery errors in fixed words', () => {
  it('reads the code of a fetch failure and never its message', () => {
    const err = new TypeError('fetch failed to https://hooks.example/secret-path', {
      cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }),
    });
    expect(networkErrorOutcome(err, 10_000)).toEqual({
      ok: false,
      retryable: true,
      error: 'connection refused',
    });
    expect(networkErrorOutcome(new Error('https://x/bot123:ABC/sendMessage'), 10_000)).toEqual({
      ok: false,
      retryable: true,
      error: 'network error',
    });
    expect(
      networkErrorOutcome(new DOMException('aborted', 'TimeoutError'), 2500).ok === false &&
        networkErrorOutcome(new DOMException('aborted', 'TimeoutError'), 2500),
    ).toMatchObject({
      error: 'timeout after 2.5 s',
    });
  });

  it('tells transient SMTP replies from final ones', () => {
    expect(smtpErrorOutcome({ responseCode: 451, code: 'EMESSAGE' }, 1000)).toEqual({
      ok: false,
      retryable: true,
      error: 'SMTP 451',
    });
    expect(smtpErrorOutcome({ responseCode: 550, code: 'EENVELOPE' }, 1000)).toEqual({
      ok: false,
      retryable: false,
      error: 'SMTP 550',
    });
    expect(smtpErrorOutcome({ code: 'EAUTH' }, 1000)).toMatchObject({
      retryable: false,
      error: 'SMTP authentication failed',
    });
    expect(smtpErrorOutcome({ code: 'ECONNECTION', message: 'smtp://user:pw@host' }, 1000)).toEqual({
      ok: false,
      retryable: true,
      error: 'connection failed',
    });
  });

  it('honours Telegram retry_after and keeps the token out of the error', () => {
    const token = '123:SECRET';
    expect(
      telegramOutcome(
        429,
        {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 7',
          parameters: { retry_after: 7 },
        },
        token,
      ),
    ).toEqual({
      ok: false,
      retryable: true,
      retryAfterMs: 7000,
      error: 'Telegram 429: Too Many Requests: retry after 7',
    });
    const leak = telegramOutcome(400, { ok: false, error_code: 400, description: `bad bot${token}` }, token);
    expect(JSON.stringify(leak)).not.toContain('SECRET');
    expect(leak).toMatchObject({ ok: false, retryable: false });
    expect(telegramOutcome(502, {}, token)).toMatchObject({
      ok: false,
      retryable: true,
      error: 'Telegram 502',
    });
    expect(telegramOutcome(200, { ok: true, result: { message_id: 5 } }, token)).toEqual({
      ok: true,
      detail: 'message_id 5',
    });
  });
});

import { IDEMPOTENCY_HEADER } from '../../../../apps/api/src/notifications/channels/email.channel';
import {
  alertContent,
  alertIncident,
  BOARD,
} from '../../../../apps/api/src/notifications/templates/testing/alert-content.fixture';
import { outgoing, startChannels, type ChannelsHarness } from '../../../support/alerting/channels-harness';
import { startSmtpCapture, type SmtpCapture } from '../../../support/alerting/smtp-capture';

describe('EmailChannel against a real SMTP server', () => {
  let smtp: SmtpCapture;
  let app: ChannelsHarness;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    app = await startChannels({ KUZET_SMTP_URL: smtp.url, KUZET_SMTP_FROM: 'Kuzet <alerts@kuzet.test>' });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });
  beforeEach(() => smtp.messages.splice(0));

  it('delivers a parsed Kazakh alert with its subject, parts, idempotency header and derived Message-ID', async () => {
    const email = app.channel('email');
    const n = outgoing(
      alertContent({ incidents: [alertIncident(3, { severity: 'sev1' })] }),
      'email',
      'kk',
      'inc-3:firing:email:u1',
    );
    expect(await email.send({ kind: 'email', address: 'duty@agency.kz' }, n)).toEqual({
      ok: true,
      detail: 'SMTP accepted',
    });

    const [mail] = await smtp.waitForMessages(1);
    expect(mail.envelopeTo).toEqual(['duty@agency.kz']);
    expect(mail.envelopeFrom).toBe('alerts@kuzet.test');
    expect(mail.parsed.subject).toBe('[SEV1] Ақау: Жүйе 3');
    expect(mail.parsed.headers.get(IDEMPOTENCY_HEADER.toLowerCase())).toBe('inc-3:firing:email:u1');
    expect(mail.parsed.headers.get('content-language')).toBe('kk');
    expect(mail.parsed.messageId).toMatch(/^<alert\.[0-9a-f]{40}@kuzet\.test>$/);
    expect(mail.parsed.text).toContain('Себебі: https: HTTP 503');
    expect(mail.parsed.text).toContain(`${BOARD}/incidents/3`);
    expect(mail.parsed.html).toContain(`<a href="${BOARD}/incidents/3">`);
    expect(mail.parsed.html).toContain('<html lang="kk">');
  });

  it('adds the extra headers a notification carries (List-Unsubscribe), never over its own', async () => {
    const email = app.channel('email');
    const n = {
      ...outgoing(alertContent(), 'email', 'en', 'sub-1:opened'),
      headers: {
        'List-Unsubscribe': '<https://kuzet.test/u?token=abc>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        [IDEMPOTENCY_HEADER]: 'forged',
      },
    };
    expect(await email.send({ kind: 'email', address: 'citizen@mail.kz' }, n)).toMatchObject({ ok: true });
    const [mail] = await smtp.waitForMessages(1);
    // mailparser folds List-* headers into one 'list' object; the raw lines say what was sent.
    const line = (key: string) => mail.parsed.headerLines.find((h) => h.key === key)?.line;
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('list-unsubscribe')).toBe('List-Unsubscribe: <https://kuzet.test/u?token=abc>');
    expect(mail.parsed.headers.get(IDEMPOTENCY_HEADER.toLowerCase())).toBe('sub-1:opened');
  });

  it('sends the same Message-ID for a resend of the same notification, another for another', async () => {
    const email = app.channel('email');
    const content = alertContent();
    const target = { kind: 'email' as const, address: 'ops@agency.kz' };
    await email.send(target, outgoing(content, 'email', 'ru', 'inc-1:firing:email:u2'));
    await email.send(target, outgoing(content, 'email', 'ru', 'inc-1:firing:email:u2'));
    await email.send(target, outgoing(content, 'email', 'ru', 'inc-1:resolved:email:u2'));
    const mails = await smtp.waitForMessages(3);
    expect(mails[0].parsed.subject).toBe('[SEV2] Сбой: Система 1');
    expect(mails[0].parsed.messageId).toBe(mails[1].parsed.messageId);
    expect(mails[2].parsed.messageId).not.toBe(mails[0].parsed.messageId);
  });

  it('reports a transient SMTP refusal as retryable and a final one as not', async () => {
    const email = app.channel('email');
    const n = outgoing(alertContent(), 'email', 'en', 'k-refused');
    smtp.refuseNext(1, 451);
    expect(await email.send({ kind: 'email', address: 'a@agency.kz' }, n)).toEqual({
      ok: false,
      retryable: true,
      error: 'SMTP 451',
    });
    smtp.refuseNext(1, 554);
    expect(await email.send({ kind: 'email', address: 'a@agency.kz' }, n)).toEqual({
      ok: false,
      retryable: false,
      error: 'SMTP 554',
    });
    expect(await email.send({ kind: 'email', address: 'a@agency.kz' }, n)).toMatchObject({ ok: true });
    expect(smtp.messages).toHaveLength(1);
  });

  it('reports an unreachable SMTP server as retryable, without its address', async () => {
    const dead = await startSmtpCapture();
    const url = dead.url;
    await dead.close();
    const other = await startChannels({ KUZET_SMTP_URL: url, KUZET_CHANNEL_TIMEOUT_MS: '2000' });
    try {
      const outcome = await other
        .channel('email')
        .send({ kind: 'email', address: 'a@agency.kz' }, outgoing(alertContent(), 'email', 'en', 'k'));
      expect(outcome).toEqual({ ok: false, retryable: true, error: 'connection refused' });
    } finally {
      await other.close();
    }
  });

  it('fails as not configured, not retryable, without KUZET_SMTP_URL', async () => {
    const bare = await startChannels({});
    try {
      const outcome = await bare
        .channel('email')
        .send({ kind: 'email', address: 'a@agency.kz' }, outgoing(alertContent(), 'email', 'en', 'k'));
      expect(outcome).toMatchObject({ ok: false, retryable: false });
    } finally {
      await bare.close();
    }
  });
});

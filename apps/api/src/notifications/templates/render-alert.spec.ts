import type { AlertKind, AlertLanguage, ChannelKind } from '../channels/notification-channel';
import { renderAlert } from './render-alert';
import { alertContent, alertIncident, BOARD, causeCheck, STARTED_AT } from './testing/alert-content.fixture';
import { TELEGRAM_TEXT_LIMIT } from './telegram.template';

const LANGUAGES: AlertLanguage[] = ['kk', 'ru', 'en'];
const CHANNELS: ChannelKind[] = ['email', 'webhook', 'telegram'];
const KINDS: AlertKind[] = ['firing', 'resolved', 'escalation', 'informational', 'repeat'];

const all = (m: { subject: string; text: string; html?: string }) =>
  [m.subject, m.text, m.html ?? ''].join('\n');

describe('renderAlert', () => {
  it('says severity, system, cause, Almaty start time and board link in English', () => {
    const m = renderAlert(alertContent(), 'email', 'en');
    expect(m.subject).toBe('[SEV2] Outage: System 1');
    expect(m.text).toContain('System 1 (SEV2 major)');
    expect(m.text).toContain('Cause: https: HTTP 503 (regions: almaty, astana)');
    expect(m.text).toContain('Started: 10 Mar 2026, 09:05 (Asia/Almaty)');
    expect(m.text).toContain(`Incident on the board: ${BOARD}/incidents/1`);
  });

  it('speaks Russian and Kazakh, system names and causes included', () => {
    const cause = {
      checks: [causeCheck({ error: 'connection refused', errorClass: 'connect', httpStatus: null })],
    };
    const content = alertContent({ incidents: [alertIncident(1, { cause, severity: 'sev1' })] });
    const ru = renderAlert(content, 'email', 'ru');
    expect(ru.subject).toBe('[SEV1] Сбой: Система 1');
    expect(ru.text).toContain('Причина: https: соединение отклонено (регионы: almaty, astana)');
    expect(ru.text).toContain('Начало: 10 мар. 2026 г., 09:05');
    const kk = renderAlert(content, 'email', 'kk');
    expect(kk.subject).toBe('[SEV1] Ақау: Жүйе 1');
    expect(kk.text).toContain('Себебі: https: қосылымнан бас тартылды (өңірлер: almaty, astana)');
    expect(kk.text).toContain('SEV1 аса маңызды');
  });

  it.each([
    ['timeout after 10 s', 'timeout', 'ru', 'нет ответа за 10 с'],
    ['timeout after 1.5 s', 'timeout', 'en', 'timeout after 1.5 sec'],
    ['certificate expires in 3 days', null, 'ru', 'сертификат истекает через 3 дн.'],
    ['NXDOMAIN', 'dns', 'kk', 'домен табылмады (NXDOMAIN)'],
  ] as const)('translates the detector phrase %s', (error, errorClass, language, expected) => {
    const cause = { checks: [causeCheck({ error, errorClass, httpStatus: null })] };
    const m = renderAlert(alertContent({ incidents: [alertIncident(1, { cause })] }), 'webhook', language);
    expect(m.text).toContain(expected);
  });

  it('gives a resolution its end time and duration', () => {
    const resolved = alertIncident(1, { resolvedAt: STARTED_AT + 65 * 60_000 + 20_000, status: 'resolved' });
    const content = alertContent({ kind: 'resolved', incidents: [resolved] });
    expect(renderAlert(content, 'email', 'en').subject).toBe('Resolved: System 1, 1 hr 5 mins');
    expect(renderAlert(content, 'email', 'ru').text).toContain('Длительность: 1 ч 5 мин');
    expect(renderAlert(content, 'telegram', 'kk').text).toContain('Ұзақтығы: 1 сағ 5 мин');
  });

  it('lists every system of a storm in one message, and the affected dependents', () => {
    const incidents = Array.from({ length: 40 }, (_, i) => alertIncident(i + 1));
    incidents[0].alsoAffected = [
      { systemCode: 'tax', systemName: { kk: 'Салық', ru: 'Налоги', en: 'Tax' }, agencyCode: 'mf' },
      {
        systemCode: 'sys-2',
        systemName: { kk: 'Жүйе 2', ru: 'Система 2', en: 'System 2' },
        agencyCode: 'mcriap',
      },
    ];
    const m = renderAlert(alertContent({ incidents }), 'email', 'en');
    expect(m.subject).toBe('[SEV2] 40 systems of Ministry of Digital Development are failing');
    for (let n = 1; n <= 40; n++) expect(m.text).toContain(`• System ${n} (SEV2 major)`);
    expect(m.text).toContain('Also affected: Tax (mf), System 2');
  });

  it('cuts a Telegram storm to one message that says how many more', () => {
    const incidents = Array.from({ length: 40 }, (_, i) => alertIncident(i + 1));
    const m = renderAlert(alertContent({ incidents }), 'telegram', 'ru');
    expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(m.text).toContain('<b>Система 1</b>');
    expect(m.text).toMatch(/… и ещё \d+$/);
  });

  it('tells an informational reader which of its own systems are affected, and that nothing is expected', () => {
    const root = alertIncident(7, {
      agencyCode: 'gateway-agency',
      alsoAffected: [
        { systemCode: 'tax', systemName: { kk: 'Салық', ru: 'Налоги', en: 'Tax' }, agencyCode: 'mf' },
      ],
    });
    const m = renderAlert(
      alertContent({ kind: 'informational', agencyCode: 'mf', incidents: [root] }),
      'email',
      'en',
    );
    expect(m.subject).toBe('[SEV2] For information: Outage: System 7');
    expect(m.text).toContain('No action is expected from your agency');
    expect(m.text).toContain('Your systems affected: Tax');
  });

  it('names the escalation level', () => {
    const m = renderAlert(alertContent({ kind: 'escalation', level: 2 }), 'telegram', 'kk');
    expect(m.subject).toBe('[SEV2] Эскалация, 2-деңгей: Ақау: Жүйе 1');
  });

  it('escapes HTML in e-mail and Telegram', () => {
    const evil = alertIncident(1, {
      systemName: { kk: '<b>x</b>', ru: '<b>x</b>', en: '<script>alert(1)</script> & co' },
    });
    const content = alertContent({ incidents: [evil] });
    const email = renderAlert(content, 'email', 'en');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(email.html).not.toContain('<script>');
    expect(renderAlert(content, 'telegram', 'ru').text).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('never echoes error text that is not one of the detector phrases', () => {
    const leaky = causeCheck({
      error: 'connect ECONNREFUSED http://10.1.2.3:8443/api?token=s3cret',
      errorClass: 'connect',
      httpStatus: null,
    });
    const m = renderAlert(
      alertContent({ incidents: [alertIncident(1, { cause: { checks: [leaky] } })] }),
      'email',
      'en',
    );
    expect(all(m)).not.toMatch(/10\.1\.2\.3|s3cret|ECONNREFUSED/);
    expect(m.text).toContain('https: connection failed');
  });

  it('contains no URL besides the board links, in any kind, channel and language', () => {
    const incidents = [
      alertIncident(1, {
        resolvedAt: STARTED_AT + 90_000,
        alsoAffected: [{ systemCode: 'x', systemName: { kk: 'X', ru: 'X', en: 'X' }, agencyCode: 'other' }],
      }),
      alertIncident(2, { cause: null }),
    ];
    for (const kind of KINDS) {
      for (const channel of CHANNELS) {
        for (const language of LANGUAGES) {
          const out = all(renderAlert(alertContent({ kind, incidents }), channel, language));
          expect(out).toContain(`${BOARD}/incidents/1`);
          const withoutBoard = out.split(BOARD).join('');
          expect(withoutBoard).not.toMatch(/https?:\/\/|www\./);
        }
      }
    }
  });
});

import { updateIdempotencyKey, updateNotice, updateRows, confirmationNotice, scopeText } from './subscription-messages';
import type { PublicIncidentEvent, Subscriber } from './subscription-record';

const URL_BASE = 'https://status.kuzet.test/';

const event = (over: Partial<PublicIncidentEvent> = {}): PublicIncidentEvent => ({
  eventId: 41,
  kind: 'public_update',
  at: Date.UTC(2026, 2, 10, 4, 30),
  incidentId: 7,
  systemId: 3,
  systemCode: 'egov-portal',
  systemName: { kk: 'eGov порталы', ru: 'Портал eGov', en: 'eGov portal' },
  agencyId: 2,
  agencyCode: 'mcdiai',
  agencyName: { kk: 'ЦДИАӨМ', ru: 'МЦРИАП', en: 'MDDIAI' },
  title: { kk: 'eGov порталы істен шықты', ru: 'Портал eGov недоступен', en: 'eGov portal is down' },
  publicState: 'identified',
  updateText: { kk: 'Себебі табылды', ru: 'Причина найдена', en: 'Cause found <b>' },
  openedAt: Date.UTC(2026, 2, 10, 4, 5),
  resolvedAt: null,
  ...over,
});

const subscriber = (over: Partial<Subscriber> = {}): Subscriber => ({
  id: 12,
  channel: 'email',
  address: 'citizen@mail.kz',
  language: 'ru',
  unsubscribeToken: 'tok_unsub',
  ...over,
});

describe('subscriber messages', () => {
  it('writes the update in the subscriber language with Almaty times, the public link and the unsubscribe link', () => {
    const n = updateNotice(event(), subscriber(), URL_BASE);
    expect(n.subject).toBe('Портал eGov: Обновление: Портал eGov недоступен');
    expect(n.text).toContain('Причина найдена');
    expect(n.text).toContain('Статус: Причина установлена');
    expect(n.text).toContain('Система: Портал eGov (МЦРИАП)');
    expect(n.text).toContain('09:05 (Asia/Almaty)');
    expect(n.text).toContain('Подробнее: https://status.kuzet.test/ru/status/incidents/7');
    expect(n.text).toContain('Отписаться: https://status.kuzet.test/api/public/v1/subscriptions/unsubscribe?token=tok_unsub');
    expect(n.headers).toEqual({
      'List-Unsubscribe': '<https://status.kuzet.test/api/public/v1/subscriptions/unsubscribe?token=tok_unsub>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(n.webhook).toBeUndefined();
  });

  it.each(['kk', 'ru', 'en'] as const)('in %s: escapes HTML and shows the resolution time once resolved', (language) => {
    const n = updateNotice(event({ kind: 'resolved', publicState: 'resolved', updateText: null, resolvedAt: Date.UTC(2026, 2, 10, 6, 0) }), subscriber({ language }), URL_BASE);
    expect(n.text).toContain('11:00 (Asia/Almaty)');
    expect(n.html).not.toContain('<b>');
    const en = updateNotice(event(), subscriber({ language: 'en' }), URL_BASE);
    expect(en.html).toContain('Cause found &lt;b&gt;');
  });

  it('falls back to another language when the update has no text in the chosen one', () => {
    const n = updateNotice(event({ updateText: { kk: '', ru: 'Только по-русски', en: '' } }), subscriber({ language: 'kk' }), URL_BASE);
    expect(n.text).toContain('Только по-русски');
  });

  it('gives a webhook subscriber a public-only JSON body and no e-mail headers', () => {
    const n = updateNotice(event(), subscriber({ channel: 'webhook', address: 'https://hooks.example.org/x' }), URL_BASE);
    expect(n.headers).toBeUndefined();
    expect(n.webhook?.type).toBe('status.incident.public_update');
    expect(Object.keys(n.webhook?.data.incident as object).sort()).toEqual(
      ['agency', 'agency_name', 'id', 'public_state', 'resolved_at', 'started_at', 'system', 'system_name', 'title'].sort(),
    );
  });

  it('keys each row by subscription, incident and event, with no agency', () => {
    const rows = updateRows(event(), [subscriber(), subscriber({ id: 13, language: 'kk' })], URL_BASE, 1000);
    expect(rows.map((r) => r.idempotencyKey)).toEqual(['sub:12:incident:7:event:41', 'sub:13:incident:7:event:41']);
    expect(rows.every((r) => r.agencyId === null && r.kind === 'subscription_update' && r.incidentIds[0] === 7)).toBe(true);
    expect(updateIdempotencyKey(12, event())).toBe(rows[0].idempotencyKey);
    expect(updateRows(event(), [], URL_BASE, 1000)).toEqual([]);
  });

  it('writes the confirmation with its link and what the subscription follows', () => {
    const n = confirmationNotice({ kind: 'agency', name: event().agencyName }, 'en', URL_BASE, 'tok_c');
    expect(n.subject).toBe('Confirm your Kuzet status subscription');
    expect(n.text).toContain('the systems of MDDIAI');
    expect(n.text).toContain('https://status.kuzet.test/api/public/v1/subscriptions/confirm?token=tok_c');
    expect(n.headers).toBeUndefined();
    expect(scopeText({ kind: 'all' }, 'kk')).toBe('барлық ашық жүйелер');
  });
});

import { PUBLIC_STATUSES } from '@kuzet/contracts/catalog/catalog-enums';
import { publicText } from './public-i18n';
import { PUBLIC_MESSAGES } from './public-messages';

describe('public page texts', () => {
  it('has every key in Kazakh, Russian and English, none empty', () => {
    const keys = new Set(Object.values(PUBLIC_MESSAGES).flatMap((m) => Object.keys(m)));
    for (const [lang, messages] of Object.entries(PUBLIC_MESSAGES))
      for (const key of keys) expect({ lang, key, ok: Boolean(messages[key]?.trim()) }).toEqual({ lang, key, ok: true });
    for (const s of [...PUBLIC_STATUSES, 'no_data']) expect(keys).toContain(`st.${s}`);
  });

  it('uses each language plural rules (ICU)', () => {
    const ru = publicText('ru');
    expect([1, 2, 5, 21].map((count) => ru.t('systemCount', { count }))).toEqual(['1 система', '2 системы', '5 систем', '21 система']);
    expect(ru.t('incidentCount', { count: 0 })).toBe('Текущих сбоев нет');
    const en = publicText('en');
    expect([1, 3].map((count) => en.t('incidentCount', { count }))).toEqual(['1 current incident', '3 current incidents']);
    expect(publicText('kk').t('systemCount', { count: 4 })).toBe('4 жүйе');
    expect([1, 2, 5, 21].map((missing) => ru.t('overall.without_data', { missing, total: 37 }))).toEqual([
      'Данных пока нет по 1 системе из 37',
      'Данных пока нет по 2 системам из 37',
      'Данных пока нет по 5 системам из 37',
      'Данных пока нет по 21 системе из 37',
    ]);
    expect([1, 30].map((missing) => en.t('overall.without_data', { missing, total: 37 }))).toEqual([
      '1 of 37 systems has no data yet',
      '30 of 37 systems have no data yet',
    ]);
    expect(en.t('overall.known_operational', { missing: 1, total: 37 })).toBe('All systems with data are working; 1 of 37 has no data yet');
  });

  it('formats times in Almaty whatever the process time zone', () => {
    // 18:30 UTC is 23:30 in Almaty (UTC+5).
    expect(publicText('en').dateTime('2026-12-02T18:30:00Z')).toBe('2 December 2026, 23:30');
    expect(publicText('ru').dateTime('2026-12-31T19:05:00Z')).toBe('1 января 2027, 00:05');
    expect(publicText('kk').date('2026-12-02')).toBe('2026 ж. 2 желтоқсан');
  });
});

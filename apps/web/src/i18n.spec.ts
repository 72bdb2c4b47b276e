import { PUBLIC_STATUSES } from '@kuzet/contracts/catalog/catalog-enums';
import { allMessages, hasKey, LANGS } from './i18n';

describe('i18n', () => {
  it('has every label in Kazakh, Russian and English, none empty', () => {
    for (const [key, text] of Object.entries(allMessages()))
      for (const lang of LANGS) expect({ key, lang, text: text[lang]?.trim() || null }).toEqual({ key, lang, text: expect.any(String) });
  });

  it('labels every public status, incident state, severity and role the board shows', () => {
    const keys = [
      ...PUBLIC_STATUSES.map((s) => `st.${s}`),
      'st.no_data',
      ...['open', 'acknowledged', 'resolved'].map((s) => `inc.${s}`),
      ...['sev1', 'sev2', 'sev3', 'sev4'].map((s) => `sev.${s}`),
      ...['investigating', 'identified', 'monitoring', 'resolved'].map((s) => `pub.${s}`),
      ...['admin', 'duty_officer', 'agency_operator', 'viewer'].map((s) => `role.${s}`),
      ...['connecting', 'connected', 'reconnecting', 'offline'].map((s) => `conn.${s}`),
      ...[0, 1, 2, 3].map((s) => `out.${s}`),
      ...['pending', 'sending', 'sent', 'failed', 'dead'].map((s) => `ntf.${s}`),
    ];
    expect(keys.filter((k) => !hasKey(k))).toEqual([]);
  });
});

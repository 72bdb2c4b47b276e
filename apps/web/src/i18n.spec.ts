import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_STATUSES } from '@kuzet/contracts/catalog/catalog-enums';
import { CHECK_KINDS, ERROR_CLASSES } from '@kuzet/contracts';
import { allMessages, hasKey, LANGS, missingKeys, t, tk, tOr } from './i18n';

describe('i18n', () => {
  it('has every label in Kazakh, Russian and English, none empty', () => {
    for (const [key, text] of Object.entries(allMessages()))
      for (const lang of LANGS) expect({ key, lang, text: text[lang]?.trim() || null }).toEqual({ key, lang, text: expect.any(String) });
  });

  it('every message is valid ICU: a label without placeholders reads as written, through i18next', () => {
    for (const [key, text] of Object.entries(allMessages()))
      for (const lang of LANGS) {
        const shown = tk(lang, key, { count: 2, duration: 'D', region: 'R', check: 'C', error: 'E', text: 'T', regions: 'G', status: 503, from: 'F', to: 'O', id: 7, m: 1, h: 2, d: 3 });
        if (!text[lang].includes('{')) expect({ key, lang, shown }).toEqual({ key, lang, shown: text[lang] });
        else expect({ key, lang, braces: /[{}]/.test(shown) }).toEqual({ key, lang, braces: false });
      }
  });

  it('formats ICU plurals per language (ru one/few/many)', () => {
    expect(t('ru', 'downstreamCount', { count: 1 })).toBe('затронута 1 зависимая система');
    expect(t('ru', 'downstreamCount', { count: 3 })).toBe('затронуты 3 зависимые системы');
    expect(t('ru', 'downstreamCount', { count: 5 })).toBe('затронуто 5 зависимых систем');
    expect(t('en', 'downstreamCount', { count: 1 })).toBe('1 downstream system affected');
    expect(t('kk', 'lasting', { duration: '5 мин' })).toBe('ұзақтығы 5 мин');
  });

  it('collects a key the tables lack (missingKeyHandler) and shows the key; tOr falls back without counting', () => {
    expect(tk('kk', 'ev.no_such_kind')).toBe('ev.no_such_kind');
    expect(missingKeys()).toContain('kk:ev.no_such_kind');
    expect(tOr('ru', 'region.nowhere', 'nowhere')).toBe('nowhere');
    expect(missingKeys().some((k) => k.includes('region.nowhere'))).toBe(false);
  });

  it('labels every public status, incident state, severity, role, timeline kind, check kind and error class the board shows', () => {
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
      ...['email', 'webhook', 'telegram'].map((s) => `chan.${s}`),
      ...['root', 'symptom'].map((s) => `kind.${s}`),
      ...['failing', 'recovering', 'resolved'].map((s) => `phase.${s}`),
      ...LANGS.map((s) => `lang.${s}`),
      ...CHECK_KINDS.map((s) => `checkKind.${s}`),
      ...ERROR_CLASSES.map((s) => `err.${s}`),
      ...[
        'state_changed', 'status_changed', 'acknowledged', 'resolved', 'reopened', 'note', 'public_update',
        'linked_to_root', 'promoted_to_root', 'flapping_changed',
      ].map((s) => `ev.${s}`),
    ];
    expect(keys.filter((k) => !hasKey(k))).toEqual([]);
  });

  it('labels every audit action the API writes (@Audited, action: in its sources)', () => {
    const api = join(__dirname, '../../api/src');
    const sources = (readdirSync(api, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    const actions = new Set<string>();
    for (const f of sources)
      for (const m of readFileSync(join(api, f), 'utf8').matchAll(/(?:@Audited\(|action: )'([a-z_]+\.[a-z_.]+)'/g)) actions.add(m[1]);
    expect(actions.size).toBeGreaterThan(10);
    expect([...actions].filter((a) => !hasKey(`audit.${a}`))).toEqual([]);
  });
});

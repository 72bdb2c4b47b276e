import { LANGS } from '../i18n';
import { allAdminMessages } from './admin-i18n';

describe('admin i18n', () => {
  it('has every /admin label in Kazakh, Russian and English, none empty', () => {
    for (const [key, text] of Object.entries(allAdminMessages()))
      for (const lang of LANGS) expect({ key, lang, text: text[lang]?.trim() || null }).toEqual({ key, lang, text: expect.any(String) });
  });
});

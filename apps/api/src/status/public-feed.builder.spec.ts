import { buildFeed } from './public-feed.builder';

const incident = {
  id: 7,
  system: 'egov',
  agency: 'nit',
  title: { kk: 'eGov kk', ru: 'eGov ru', en: 'eGov en' },
  status: 'major_outage' as const,
  public_state: 'identified' as const,
  started_at: '2026-01-05T10:00:00.000Z',
  resolved_at: null,
  updates: [{ at: '2026-01-05T10:05:00.000Z', public_state: 'identified' as const, text: { kk: 'k', ru: '<script>x</script>', en: 'e' } }],
};

describe('buildFeed', () => {
  const input = { base: 'https://status.kz', lang: 'ru' as const, selfPath: '/api/public/v1/feed.rss', system: null, incidents: [incident], updated: new Date(0) };

  it('writes RSS items linking to the incident page in the language, officers\' text escaped', () => {
    const rss = buildFeed(input, 'rss');
    expect(rss).toContain('<rss version="2.0"');
    expect(rss).toContain('https://status.kz/ru/incidents/7');
    expect(rss).toContain('eGov ru: Причина найдена');
    expect(rss).toContain('&lt;script&gt;');
    expect(rss).not.toContain('<script>');
  });

  it('writes Atom in another language', () => {
    const atom = buildFeed({ ...input, lang: 'en', selfPath: '/api/public/v1/feed.atom' }, 'atom');
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom).toContain('eGov en: Identified');
    expect(atom).toContain('https://status.kz/en/incidents/7');
  });
});

import { fixtureSource, fixtureSummary } from './public-fixtures';
import { renderPublicPage, STATE_ELEMENT_ID } from './public-ssr';

const TEMPLATE =
  '<!doctype html><html lang="ru"><head><meta name="description" content="x" /><title>Kuzet</title><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>';

describe('server rendering of the public pages', () => {
  it('renders statuses, incidents with their public updates and uptime as HTML, in the URL language', async () => {
    const page = await renderPublicPage({ path: '/en/status', search: '' }, fixtureSource(), TEMPLATE);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="en"');
    expect(page.html).toContain('Some systems are unavailable');
    expect(page.html).toMatch(/data-system="egov-portal" data-status="major_outage"/);
    expect(page.html).toContain('Major outage');
    expect(page.html).toContain('Operational');
    expect(page.html).toContain('A data centre link failed.');
    expect(page.html).toContain('Database upgrade');
    expect(page.html).toContain('/assets/index-abc.js');
    expect(page.html.match(/data-testid="uptime-day"/g)).toHaveLength(90 * 3);
    expect(page.html).not.toMatch(/\/board|\/admin/);
  });

  it('takes the language from the cookie, then Accept-Language, when the URL names none', async () => {
    const byCookie = await renderPublicPage({ path: '/', search: '', cookie: 'kuzet_lang=kk', acceptLanguage: 'en' }, fixtureSource(), TEMPLATE);
    expect(byCookie.html).toContain('<html lang="kk"');
    expect(byCookie.html).toContain('Жұмыс істемейді');
    const byHeader = await renderPublicPage({ path: '/status', search: '', acceptLanguage: 'en-US,en;q=0.9' }, fixtureSource(), TEMPLATE);
    expect(byHeader.html).toContain('Major outage');
  });

  it('groups by life situation on request', async () => {
    const page = await renderPublicPage({ path: '/ru/status', search: '?group=category' }, fixtureSource(), TEMPLATE);
    expect(page.html).toContain('Налоги');
    expect(page.html).toContain('Другие услуги');
  });

  it('embeds the state for hydration, safe against a closing script tag in the data', async () => {
    const summary = fixtureSummary();
    summary.systems[0].name.en = '</script><script>alert(1)</script>';
    const page = await renderPublicPage({ path: '/en/', search: '' }, fixtureSource(summary), TEMPLATE);
    const json = page.html.split(`<script id="${STATE_ELEMENT_ID}" type="application/json">`)[1].split('</script>')[0];
    expect(JSON.parse(json).summary.systems[0].name.en).toBe('</script><script>alert(1)</script>');
    expect(page.html).not.toContain('<script>alert(1)');
  });

  it('renders the system, incident and history pages, and 404 for unknown ones', async () => {
    const system = await renderPublicPage({ path: '/en/status/systems/tax-cabinet', search: '' }, fixtureSource(), TEMPLATE);
    expect(system.html).toContain('Taxpayer cabinet');
    expect(system.html).toContain('Ministry of Finance');
    const incident = await renderPublicPage({ path: '/ru/status/incidents/41', search: '' }, fixtureSource(), TEMPLATE);
    expect(incident.html).toContain('Отказал канал связи ЦОД.');
    const history = await renderPublicPage({ path: '/en/status/history', search: '' }, fixtureSource(), TEMPLATE);
    expect(history.html).toContain('?cursor=older-1');
    expect((await renderPublicPage({ path: '/en/status/systems/nope', search: '' }, fixtureSource(), TEMPLATE)).status).toBe(404);
    expect((await renderPublicPage({ path: '/en/status/incidents/9', search: '' }, fixtureSource(), TEMPLATE)).status).toBe(404);
  });

  it('without data renders the skeleton and "loading" in the right language', async () => {
    const page = await renderPublicPage({ path: '/kk/status', search: '' }, null, TEMPLATE);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="kk"');
    expect(page.html).toContain('Күй жүктелуде…');
    expect(page.html).toContain('Мемлекеттік цифрлық жүйелердің күйі');
  });

  describe('the overall banner says only what is known', () => {
    /** 7 operational systems and 30 without data (a demo seconds after start), no incident. */
    const warmingUp = () => {
      const base = fixtureSummary();
      const systems = Array.from({ length: 37 }, (_, i) => ({ ...base.systems[1], code: `sys-${i}`, status: i < 7 ? ('operational' as const) : null, status_since: null }));
      return fixtureSummary({ systems, active_incidents: [], overall: 'operational', systems_without_data: 0 });
    };
    const banner = (html: string) => html.split('data-testid="overall"')[1].split('</section>')[0].replace(/<!-- -->/g, '');

    it.each([
      ['en', 'All systems with data are working; 30 of 37 have no data yet', 'All systems are working'],
      ['ru', 'Все системы, по которым есть данные, работают; данных пока нет по 30 системам из 37', 'Все системы работают'],
      ['kk', 'Деректері бар барлық жүйе жұмыс істейді; 37 жүйенің ішінде 30 жүйе бойынша әзірге дерек жоқ', 'Барлық жүйе жұмыс істейді'],
    ])('%s: some operational, the rest without data: "all systems with data are working" with the counts, never "all systems are working"', async (lang, text, overclaim) => {
      // drawn from the systems themselves, even if a summary said otherwise
      const page = await renderPublicPage({ path: `/${lang}/status`, search: '' }, fixtureSource(warmingUp()), TEMPLATE);
      expect(banner(page.html)).toContain(text);
      expect(page.html).not.toContain(overclaim);
      expect(page.html).toMatch(/data-status="no_data" data-testid="overall" data-without-data="30"/);
    });

    it.each([
      ['en', 'Some systems are unavailable', '1 of 3 systems has no data yet'],
      ['ru', 'Некоторые системы недоступны', 'Данных пока нет по 1 системе из 3'],
      ['kk', 'Кейбір жүйелер қолжетімсіз', '3 жүйенің ішінде 1 жүйе бойынша әзірге дерек жоқ'],
    ])('%s: a known outage leads, the systems without data are counted under it', async (lang, lead, withoutData) => {
      const page = await renderPublicPage({ path: `/${lang}/status`, search: '' }, fixtureSource(), TEMPLATE);
      const html = banner(page.html);
      expect(html).toContain(lead);
      expect(html).toContain(`<p data-testid="overall-without-data">${withoutData}</p>`);
      expect(page.html).toMatch(/data-status="major_outage" data-testid="overall"/);
    });

    it('every system operational: "all systems are working", no count; none with data: "no data yet"', async () => {
      const base = fixtureSummary();
      const allUp = fixtureSummary({ systems: base.systems.map((s) => ({ ...s, status: 'operational' as const })), active_incidents: [] });
      const up = banner((await renderPublicPage({ path: '/en/status', search: '' }, fixtureSource(allUp), TEMPLATE)).html);
      expect(up).toContain('All systems are working');
      expect(up).not.toContain('overall-without-data');
      const none = fixtureSummary({ systems: base.systems.map((s) => ({ ...s, status: null })), active_incidents: [] });
      const empty = banner((await renderPublicPage({ path: '/ru/status', search: '' }, fixtureSource(none), TEMPLATE)).html);
      expect(empty).toContain('Данных пока нет');
      expect(empty).not.toContain('работают');
      expect(empty).not.toContain('overall-without-data');
    });
  });
});

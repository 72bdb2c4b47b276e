import type { PublicIncidentView, PublicStatusSummary, PublicUptime } from '@kuzet/contracts/public/public-api.dto';
import type { PublicDataSource } from './public-data';

// Fixture data in the contract's shape, for the unit tests and the browser test's API double.

const text = (en: string, ru: string, kk: string) => ({ en, ru, kk });

export const FIXTURE_INCIDENT: PublicIncidentView = {
  id: 41,
  system: 'egov-portal',
  agency: 'mdai',
  title: text('eGov portal is unavailable', 'Портал eGov недоступен', 'eGov порталы қолжетімсіз'),
  status: 'major_outage',
  public_state: 'identified',
  started_at: '2026-12-02T21:30:00Z',
  resolved_at: null,
  updates: [
    { at: '2026-12-02T21:40:00Z', public_state: 'investigating', text: text('We are looking into it.', 'Выясняем причину.', 'Себебін анықтап жатырмыз.') },
    { at: '2026-12-02T22:05:00Z', public_state: 'identified', text: text('A data centre link failed.', 'Отказал канал связи ЦОД.', 'ДОО байланыс арнасы істен шықты.') },
  ],
};

export function fixtureSummary(overrides: Partial<PublicStatusSummary> = {}): PublicStatusSummary {
  return {
    generated_at: '2026-12-02T22:10:00Z',
    overall: 'major_outage',
    systems_without_data: 1,
    agencies: [
      { code: 'mdai', name: text('Ministry of Digital Development', 'Министерство цифрового развития', 'Цифрлық даму министрлігі') },
      { code: 'mf', name: text('Ministry of Finance', 'Министерство финансов', 'Қаржы министрлігі') },
    ],
    categories: [
      { code: 'documents', name: text('Documents', 'Документы', 'Құжаттар') },
      { code: 'taxes', name: text('Taxes', 'Налоги', 'Салықтар') },
    ],
    systems: [
      { code: 'egov-portal', name: text('eGov portal', 'Портал eGov', 'eGov порталы'), agency: 'mdai', category: 'documents', status: 'major_outage', status_since: '2026-12-02T21:30:00Z' },
      { code: 'tax-cabinet', name: text('Taxpayer cabinet', 'Кабинет налогоплательщика', 'Салық төлеушінің кабинеті'), agency: 'mf', category: 'taxes', status: 'operational', status_since: '2026-11-01T00:00:00Z' },
      { code: 'e-license', name: text('e-Licensing', 'Е-лицензирование', 'Е-лицензиялау'), agency: 'mdai', category: null, status: null, status_since: null },
    ],
    active_incidents: [FIXTURE_INCIDENT],
    maintenance: [
      { code: 'mf-upgrade', title: text('Database upgrade', 'Обновление базы данных', 'Дерекқорды жаңарту'), systems: ['tax-cabinet'], starts_at: '2026-12-05T18:00:00Z', ends_at: '2026-12-05T20:00:00Z' },
    ],
    ...overrides,
  };
}

/** 90 days ending 2026-12-02; day 60 had 30 minutes of major outage, the first 10 were not monitored. */
export function fixtureUptime(system: string): PublicUptime {
  const days = Array.from({ length: 90 }, (_, i) => {
    const date = new Date(Date.UTC(2026, 11, 2) - (89 - i) * 86_400_000).toISOString().slice(0, 10);
    if (i < 10) return { date, uptime: null, major_s: 0, partial_s: 0, degraded_s: 0 };
    if (i === 60) return { date, uptime: 1 - 1800 / 86_400, major_s: 1800, partial_s: 0, degraded_s: 0 };
    return { date, uptime: 1, major_s: 0, partial_s: 0, degraded_s: 0 };
  });
  return { system, days, uptime: 0.9997 };
}

export function fixtureSource(summary = fixtureSummary()): PublicDataSource {
  return {
    getSummary: async () => summary,
    getSystem: async (code) => summary.systems.find((s) => s.code === code) ?? null,
    getUptime: async (code) => (summary.systems.some((s) => s.code === code) ? fixtureUptime(code) : null),
    getUptimes: async (days) => ({ days, systems: summary.systems.map((s) => fixtureUptime(s.code)) }),
    getIncident: async (id) => summary.active_incidents.find((i) => i.id === id) ?? null,
    getIncidents: async (cursor) =>
      cursor ? { items: [], next_cursor: null } : { items: summary.active_incidents, next_cursor: 'older-1' },
  };
}

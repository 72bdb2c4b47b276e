import type { BrowserContext, Route } from 'playwright-core';
import type { PublicStatus } from '@kuzet/contracts/catalog/catalog-enums';
import type { PublicStatusSummary, PublicSystem } from '@kuzet/contracts/public/public-api.dto';
import { FIXTURE_INCIDENT, fixtureUptime } from '../../../apps/web/src/public/public-fixtures';

interface CatalogSystem {
  code: string;
  agency: string;
  name: PublicSystem['name'];
  category: string | null;
  public: boolean;
  tier: string;
  depends_on: string[];
}
interface CatalogAgency {
  code: string;
  name: PublicSystem['name'];
}
interface StatusRow {
  system: string;
  status: PublicStatus | null;
  updated_at: string | null;
}

/**
 * A stand-in for /api/public/v1 (the status module lands on another branch), answering in the
 * contract's shapes from the RUNNING app: its public catalog systems and their real current
 * statuses (read with a signed-in session), plus one fixture incident with public updates and
 * fixture uptime. It is installed on a browser context at the network layer (context.route), so
 * the page's own fetches, the /public socket and everything else stay real.
 */
export class PublicApiDouble {
  summaryRequests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  private async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  }

  async publicSystems(): Promise<CatalogSystem[]> {
    return (await this.get<CatalogSystem[]>('/api/catalog/systems')).filter((s) => s.public);
  }

  async summary(): Promise<PublicStatusSummary> {
    const [systems, agencies, statuses] = await Promise.all([
      this.publicSystems(),
      this.get<CatalogAgency[]>('/api/catalog/agencies'),
      this.get<StatusRow[]>('/api/status/systems'),
    ]);
    const status = new Map(statuses.map((s) => [s.system, s]));
    const view: PublicSystem[] = systems.map((s) => ({
      code: s.code,
      name: s.name,
      agency: s.agency,
      category: s.category,
      status: status.get(s.code)?.status ?? null,
      status_since: status.get(s.code)?.updated_at ?? null,
    }));
    const categories = [...new Set(systems.map((s) => s.category).filter((c): c is string => c !== null))];
    const worst = ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance', 'operational'] as const;
    const incident = { ...FIXTURE_INCIDENT, system: view[0].code, agency: view[0].agency };
    return {
      generated_at: new Date().toISOString(),
      overall: worst.find((w) => view.some((s) => s.status === w)) ?? null,
      agencies: agencies.filter((a) => systems.some((s) => s.agency === a.code)).map((a) => ({ code: a.code, name: a.name })),
      categories: categories.map((c) => ({ code: c, name: { kk: c, ru: c, en: c } })),
      systems: view,
      active_incidents: [incident],
      maintenance: [],
    };
  }

  private async answer(route: Route): Promise<void> {
    const path = new URL(route.request().url()).pathname.replace('/api/public/v1', '');
    const json = (body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    if (path === '/status') {
      this.summaryRequests++;
      return json(await this.summary());
    }
    const uptime = /^\/systems\/([^/]+)\/uptime$/.exec(path);
    if (uptime) return json(fixtureUptime(decodeURIComponent(uptime[1])));
    const system = /^\/systems\/([^/]+)$/.exec(path);
    if (system) {
      const found = (await this.summary()).systems.find((s) => s.code === decodeURIComponent(system[1]));
      return found ? json(found) : json({ message: 'no such system' }, 404);
    }
    if (path === '/incidents') return json({ items: (await this.summary()).active_incidents, next_cursor: null });
    const incident = /^\/incidents\/(\d+)$/.exec(path);
    if (incident) {
      const found = (await this.summary()).active_incidents.find((i) => i.id === Number(incident[1]));
      return found ? json(found) : json({ message: 'no such incident' }, 404);
    }
    return json({ message: 'not in the double' }, 404);
  }

  async install(context: BrowserContext): Promise<void> {
    await context.route('**/api/public/v1/**', (route) => this.answer(route));
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const GRAFANA_DIR = resolve(__dirname, '../../../../grafana');

export interface DashboardVariable {
  name: string;
  type: string;
  query?: string | { query?: string };
  datasource?: { type?: string; uid?: string };
  multi?: boolean;
  includeAll?: boolean;
}

interface DashboardTarget {
  refId: string;
  rawSql?: string;
  expr?: string;
  datasource?: { type?: string; uid?: string };
}

interface DashboardPanel {
  title: string;
  datasource?: { type?: string; uid?: string };
  targets?: DashboardTarget[];
  panels?: DashboardPanel[];
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: DashboardPanel[];
  templating?: { list: DashboardVariable[] };
}

/** One query of a provisioned dashboard: a panel target or a query variable. */
export interface DashboardQuery {
  dashboard: string;
  where: string;
  language: 'sql' | 'promql';
  text: string;
}

export function readDashboards(): { file: string; dashboard: Dashboard }[] {
  const dir = join(GRAFANA_DIR, 'dashboards');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, dashboard: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Dashboard }));
}

const isSql = (ds?: { type?: string }) => ds?.type === 'grafana-postgresql-datasource' || ds?.type === 'postgres';
const isProm = (ds?: { type?: string }) => ds?.type === 'prometheus';

/** Every SQL and PromQL text of a dashboard, rows (nested panels) included. */
export function dashboardQueries(file: string, dashboard: Dashboard): DashboardQuery[] {
  const out: DashboardQuery[] = [];
  const visit = (panels: DashboardPanel[]) => {
    for (const panel of panels) {
      for (const t of panel.targets ?? []) {
        const ds = t.datasource ?? panel.datasource;
        const where = `panel "${panel.title}" ${t.refId}`;
        if (t.rawSql !== undefined && isSql(ds)) out.push({ dashboard: file, where, language: 'sql', text: t.rawSql });
        else if (t.expr !== undefined && isProm(ds)) out.push({ dashboard: file, where, language: 'promql', text: t.expr });
        else throw new Error(`${file}: ${where}: a target that is neither raw SQL nor PromQL`);
      }
      visit(panel.panels ?? []);
    }
  };
  visit(dashboard.panels);
  for (const v of dashboard.templating?.list ?? []) {
    if (v.type !== 'query') continue;
    const text = typeof v.query === 'string' ? v.query : (v.query?.query ?? '');
    const where = `variable $${v.name}`;
    if (isSql(v.datasource)) out.push({ dashboard: file, where, language: 'sql', text });
    else if (isProm(v.datasource)) out.push({ dashboard: file, where, language: 'promql', text });
    else throw new Error(`${file}: ${where}: unknown datasource`);
  }
  return out;
}

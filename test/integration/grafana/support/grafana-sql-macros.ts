import type { DashboardVariable } from './grafana-dashboards';

/**
 * A small expander of the Grafana PostgreSQL data source's macros and template variables, so
 * that dashboard SQL can run as plain SQL in a test. It follows Grafana's documentation
 * (grafana.com/docs/grafana/latest/datasources/postgres/query-editor/#macros):
 *
 *   $__time(col)                 col AS "time"
 *   $__timeEpoch(col)            extract(epoch from col) AS "time"
 *   $__timeFilter(col)           col BETWEEN '<from>' AND '<to>'
 *   $__timeFrom(), $__timeTo()   '<from>', '<to>'
 *   $__timeGroup(col, 'I'[, f])  floor(extract(epoch from col)/S)*S   (S: I in seconds; fill ignored)
 *   $__timeGroupAlias(col, 'I')  the same, AS "time"
 *   $__unixEpochFilter(col)      col >= <from s> AND col <= <to s>
 *
 * Variables: ${v:sqlstring} is each value quoted ('a','b'); $v and ${v} are quoted and joined
 * the same way when the variable is multi-valued or has "All" (Grafana quotes those for SQL
 * data sources), else the raw value. Any other $__ macro or unknown variable throws, so a
 * dashboard using something this file does not know fails the test instead of being skipped.
 */
export interface SqlExpansion {
  from: Date;
  to: Date;
  variables: Record<string, string[]>;
}

const UNIT_S: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

function intervalSeconds(text: string): number {
  const m = /^'?(\d+)([smhd])'?$/.exec(text.trim());
  if (!m) throw new Error(`unsupported interval ${text}`);
  return Number(m[1]) * UNIT_S[m[2]];
}

const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;

export function expandGrafanaSql(sql: string, ctx: SqlExpansion, definitions: readonly DashboardVariable[]): string {
  const from = quote(ctx.from.toISOString());
  const to = quote(ctx.to.toISOString());
  const group = (args: string[]) => {
    const s = intervalSeconds(args[1] ?? '');
    return `floor(extract(epoch from ${args[0]})/${s})*${s}`;
  };
  const macros: Record<string, (args: string[]) => string> = {
    time: ([c]) => `${c} AS "time"`,
    timeEpoch: ([c]) => `extract(epoch from ${c}) AS "time"`,
    timeFilter: ([c]) => `${c} BETWEEN ${from} AND ${to}`,
    timeFrom: () => from,
    timeTo: () => to,
    timeGroup: group,
    timeGroupAlias: (args) => `${group(args)} AS "time"`,
    unixEpochFilter: ([c]) => `${c} >= ${Math.floor(ctx.from.getTime() / 1000)} AND ${c} <= ${Math.floor(ctx.to.getTime() / 1000)}`,
  };
  let out = sql.replace(/\$__(\w+)\(([^()]*)\)/g, (_m, name: string, args: string) => {
    const macro = macros[name];
    if (!macro) throw new Error(`unsupported Grafana macro $__${name}`);
    return macro(args.split(',').map((a) => a.trim()).filter((a) => a !== ''));
  });
  if (/\$__\w+/.test(out)) throw new Error(`unsupported Grafana macro in: ${out}`);
  const value = (name: string, format?: string) => {
    const values = ctx.variables[name];
    const def = definitions.find((d) => d.name === name);
    if (values === undefined || def === undefined) throw new Error(`unknown template variable $${name}`);
    if (format === 'sqlstring' || def.multi || def.includeAll) return values.map(quote).join(',');
    if (format !== undefined) throw new Error(`unsupported variable format ${format}`);
    return values[0];
  };
  out = out.replace(/\$\{(\w+)(?::(\w+))?\}|\$([A-Za-z_]\w*)/g, (_m, braced: string, format: string, bare: string) =>
    value(braced ?? bare, format),
  );
  return out;
}

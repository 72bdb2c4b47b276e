import { parser } from '@prometheus-io/lezer-promql';

/** Grafana's built-in range variables, replaced by a fixed duration before parsing. */
const GRAFANA_DURATIONS = /\$__(rate_interval|interval|range)\b|\$\{__(rate_interval|interval|range)\}/g;

/**
 * Metric names a PromQL expression selects, parsed with Prometheus's own Lezer grammar
 * (@prometheus-io/lezer-promql, the grammar of the Prometheus UI): the Identifier of each
 * VectorSelector, and any {__name__="..."} matcher. Throws on a syntax error.
 */
export function promqlMetricNames(expr: string): string[] {
  if (/\$(?!__)/.test(expr)) throw new Error(`template variables other than $__interval/$__rate_interval/$__range are not supported: ${expr}`);
  const text = expr.replace(GRAFANA_DURATIONS, '1m');
  const tree = parser.parse(text);
  const names = new Set<string>();
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) throw new Error(`PromQL syntax error at ${cursor.from} in: ${text}`);
    if (cursor.name === 'VectorSelector') {
      const node = cursor.node;
      const id = node.getChild('Identifier');
      if (id) names.add(text.slice(id.from, id.to));
      for (const matcher of node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
        const label = matcher.getChild('LabelName');
        const value = matcher.getChild('StringLiteral');
        if (label && value && text.slice(label.from, label.to) === '__name__') names.add(JSON.parse(text.slice(value.from, value.to)) as string);
      }
    }
  } while (cursor.next());
  return [...names];
}

/**
 * The series names a /metrics scrape can yield, from its # TYPE lines: a histogram also
 * yields _bucket, _sum and _count, a summary _sum and _count.
 */
export function exposedSeriesNames(scrape: string): Set<string> {
  const names = new Set<string>();
  for (const m of scrape.matchAll(/^# TYPE (\S+) (\w+)$/gm)) {
    const [, name, type] = m;
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
  }
  return names;
}

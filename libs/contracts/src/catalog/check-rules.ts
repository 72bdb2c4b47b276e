import { parseHostPort } from '../network/host-port';
import { ProbeNetworkPolicy } from '../network/probe-network-policy';
import { CheckDocument } from './check.schema';
import { formatDuration } from './duration';

// Rules on a check that need configuration (lowest interval, probe network policy) and so cannot
// live in the schema. Used by the catalog loader (which adds file and line) and by REST writes.

export interface CheckRuleContext {
  minIntervalS: number;
  policy: ProbeNetworkPolicy;
}

export interface PathProblem {
  /** Path inside the check, e.g. ['options', 'resolver']. */
  path: (string | number)[];
  message: string;
}

/** Where a check connects to, per field, as normalized hosts (before any DNS resolution). */
export function checkDestinations(check: CheckDocument): { path: (string | number)[]; host: string }[] {
  switch (check.kind) {
    case 'http': {
      const hostname = new URL(check.target).hostname;
      const destinations = [{ path: ['target'], host: hostname.replace(/^\[(.*)\]$/, '$1') }];
      // plain_http_url: true asks the target's own host; a URL asks its host.
      const plain = check.options.plain_http_url;
      if (typeof plain === 'string') {
        destinations.push({
          path: ['options', 'plain_http_url'],
          host: new URL(plain).hostname.replace(/^\[(.*)\]$/, '$1'),
        });
      }
      return destinations;
    }
    case 'tcp':
      return hostPortDestination(check.target);
    case 'tls': {
      const resolver = check.options.resolver ? parseHostPort(check.options.resolver, 53) : undefined;
      return [
        ...hostPortDestination(check.target),
        ...(resolver ? [{ path: ['options', 'resolver'], host: resolver.host }] : []),
      ];
    }
    case 'dns': {
      const hp = check.options.resolver ? parseHostPort(check.options.resolver, 53) : undefined;
      return hp ? [{ path: ['options', 'resolver'], host: hp.host }] : [];
    }
    case 'heartbeat':
      return [];
  }
}

function hostPortDestination(target: string): { path: (string | number)[]; host: string }[] {
  const hp = parseHostPort(target);
  return hp ? [{ path: ['target'], host: hp.host }] : [];
}

export function checkRuleProblems(check: CheckDocument, ctx: CheckRuleContext): PathProblem[] {
  const problems: PathProblem[] = [];
  if (check.interval < ctx.minIntervalS) {
    problems.push({
      path: ['interval'],
      message: `must be at least ${formatDuration(ctx.minIntervalS)} (KUZET_MIN_INTERVAL_S), got ${formatDuration(check.interval)}`,
    });
  }
  if (check.kind !== 'heartbeat' && check.timeout !== undefined && check.timeout >= check.interval) {
    problems.push({
      path: ['timeout'],
      message: `must be less than the interval (${formatDuration(check.interval)}), got ${formatDuration(check.timeout)}`,
    });
  }
  for (const dest of checkDestinations(check)) {
    const verdict = ctx.policy.checkHost(dest.host);
    if (!verdict.allowed)
      problems.push({ path: dest.path, message: `refused by the probe network policy: ${verdict.reason}` });
  }
  return problems;
}

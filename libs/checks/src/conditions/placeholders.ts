import { PlaceholderOperand } from './ast';
import { ConditionContext } from './condition-context';
import { ConditionEvaluationError } from './condition-evaluation-error';
import { JsonValue, lookupJsonPath } from './json-path';
import { printPlaceholder } from './printer';

type BodyJson = { ok: true; value: JsonValue } | { ok: false };

/**
 * Resolves placeholders against one context. Holds the parsed body so a list of conditions
 * reading `[BODY].x`, `[BODY].y`, ... parses the body once, and only if some condition needs it.
 */
export class PlaceholderResolver {
  private bodyJson: BodyJson | undefined;

  constructor(private readonly ctx: ConditionContext) {}

  resolve(p: PlaceholderOperand): JsonValue {
    switch (p.name) {
      case 'STATUS':
        return this.required(p, this.ctx.status);
      case 'RESPONSE_TIME':
        return this.required(p, this.ctx.responseTimeMs);
      case 'CERTIFICATE_EXPIRATION':
        return this.required(p, this.ctx.certificateExpiresInMs);
      case 'DNS_RCODE':
        return this.required(p, this.ctx.dnsRcode);
      case 'CONNECTED':
        return this.required(p, this.ctx.connected);
      case 'IP':
        return this.required(p, this.ctx.ip);
      case 'TLS_VERSION':
        return this.required(p, this.ctx.tlsVersion);
      case 'HEADERS': {
        const headers = this.required(p, this.ctx.headers);
        const value = findHeader(headers, String(p.path[0] ?? ''));
        if (value === undefined) throw new ConditionEvaluationError(`${printPlaceholder(p)}: no such header`);
        return value;
      }
      case 'BODY': {
        const body = this.required(p, this.ctx.body);
        if (p.path.length === 0) return body;
        const json = this.parsedBody();
        if (!json.ok) {
          throw new ConditionEvaluationError(`${printPlaceholder(p)}: [BODY] is not valid JSON, so it has no paths`);
        }
        const lookup = lookupJsonPath(json.value, p.path);
        if (!lookup.found) throw new ConditionEvaluationError(`${printPlaceholder(p)}: no value at this path`);
        return lookup.value;
      }
    }
  }

  /** For has(): never an error — a missing placeholder, header, path or a non-JSON body is just false. */
  has(p: PlaceholderOperand): boolean {
    if (p.name === 'BODY' && p.path.length > 0) {
      if (this.ctx.body === undefined) return false;
      const json = this.parsedBody();
      return json.ok && lookupJsonPath(json.value, p.path).found;
    }
    if (p.name === 'HEADERS') {
      return this.ctx.headers !== undefined && findHeader(this.ctx.headers, String(p.path[0] ?? '')) !== undefined;
    }
    try {
      this.resolve(p);
      return true;
    } catch {
      return false;
    }
  }

  private required<T>(p: PlaceholderOperand, value: T | undefined): T {
    if (value === undefined || value === null) {
      throw new ConditionEvaluationError(`[${p.name}] is not available for this check`);
    }
    return value;
  }

  private parsedBody(): BodyJson {
    if (this.bodyJson === undefined) {
      try {
        this.bodyJson = { ok: true, value: JSON.parse(String(this.ctx.body)) as JsonValue };
      } catch {
        this.bodyJson = { ok: false };
      }
    }
    return this.bodyJson;
  }
}

/** Runners lower-case header names; fall back to a case-insensitive scan in case one did not. */
function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(headers, lower)) return headers[lower];
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
}

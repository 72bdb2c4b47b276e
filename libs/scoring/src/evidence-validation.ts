import type { SystemEvidence } from './scoring-evidence';
import { ScoringInputError } from './scoring.errors';

function fraction(value: number | null, field: string, allowNull: boolean): void {
  if (value === null && allowNull) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new ScoringInputError(field, `must be a fraction between 0 and 1, got ${String(value)}`);
  }
}

/** Refuses evidence the formula cannot read, naming the field (the API builds it; a bug there must not become a score). */
export function validateEvidence(evidence: SystemEvidence): void {
  for (const list of ['tls', 'http', 'dns'] as const) {
    if (!Array.isArray(evidence[list])) throw new ScoringInputError(list, 'must be a list (empty when nothing was seen)');
  }
  const r = evidence.reliability;
  if (!r) throw new ScoringInputError('reliability', 'is required');
  fraction(r.sloTarget, 'reliability.sloTarget', false);
  fraction(r.availability, 'reliability.availability', true);
  fraction(r.degradedShare, 'reliability.degradedShare', false);
  if (!Number.isInteger(r.incidents) || r.incidents < 0) throw new ScoringInputError('reliability.incidents', `must be a count, got ${String(r.incidents)}`);
  for (const field of ['mttrMs', 'mtbfMs'] as const) {
    const v = r[field];
    if (v !== null && (!Number.isFinite(v) || v < 0)) throw new ScoringInputError(`reliability.${field}`, `must be a duration in ms or null, got ${String(v)}`);
  }
}

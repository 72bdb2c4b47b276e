import type { FieldProblem } from '@kuzet/contracts';

export class IncidentNotFoundError extends Error {
  constructor(readonly id: string | number) {
    super(`incident ${id} not found`);
    this.name = 'IncidentNotFoundError';
  }
}

/** A request to /api/incidents, /api/status or /api/reliability names a bad field. */
export class IncidentsRequestError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'IncidentsRequestError';
  }
}

/** An action that does not fit the incident's state (e.g. acknowledging a resolved one). */
export class IncidentStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncidentStateError';
  }
}

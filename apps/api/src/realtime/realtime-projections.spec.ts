import fc from 'fast-check';
import type { IncidentRecord } from '../incidents/incident-record';
import { toBoardIncident, toPublicIncident, toPublicSystemStatus } from './realtime-projections';

const PUBLIC_INCIDENT_KEYS = [
  'agency',
  'id',
  'opened_at',
  'public_state',
  'resolved_at',
  'status',
  'system',
  'title',
];

const record: IncidentRecord = {
  id: 7,
  systemId: 1,
  agencyId: 2,
  kind: 'symptom',
  rootIncidentId: 3,
  alertable: false,
  status: 'major_outage',
  severity: 'sev2',
  state: 'acknowledged',
  publicState: 'identified',
  openedAt: Date.UTC(2026, 0, 1),
  acknowledgedAt: Date.UTC(2026, 0, 1, 0, 5),
  resolvedAt: null,
  recoveredAt: null,
  lastFailureAt: Date.UTC(2026, 0, 1, 0, 6),
  flapping: true,
  title: { kk: 'k', ru: 'r', en: 'e' },
  openKey: 'secret-open-key',
  failureKind: 'outage',
  cause: null,
  confirmedAt: null,
  firstFailureAt: null,
};

describe('realtime projections', () => {
  it('board incident: the REST view fields, codes instead of ids, no internal keys', () => {
    const b = toBoardIncident(record, { system: 'gateway', agency: 'nit' });
    expect(b).toEqual({
      id: 7,
      system: 'gateway',
      agency: 'nit',
      kind: 'symptom',
      root_incident_id: 3,
      alertable: false,
      status: 'major_outage',
      severity: 'sev2',
      state: 'acknowledged',
      public_state: 'identified',
      opened_at: '2026-01-01T00:00:00.000Z',
      acknowledged_at: '2026-01-01T00:05:00.000Z',
      resolved_at: null,
      recovered_at: null,
      last_failure_at: '2026-01-01T00:06:00.000Z',
      flapping: true,
      title: { kk: 'k', ru: 'r', en: 'e' },
      failure_kind: 'outage',
      phase: 'failing',
      cause: null,
      confirmed_at: null,
      first_failure_at: null,
    });
    expect(JSON.stringify(b)).not.toContain('secret-open-key');
  });

  it('public incident: exactly the public keys, whatever else the board view carries', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (extra) => {
        const board = { ...extra, ...toBoardIncident(record, { system: 'gateway', agency: 'nit' }) };
        const title = { ...(extra as object), kk: 'k', ru: 'r', en: 'e', note: 'internal' };
        const pub = toPublicIncident({ ...board, title } as never);
        expect(Object.keys(pub).sort()).toEqual(PUBLIC_INCIDENT_KEYS);
        expect(Object.keys(pub.title).sort()).toEqual(['en', 'kk', 'ru']);
      }),
    );
  });

  it('public system status drops flapping and anything extra', () => {
    const view = {
      system: 's',
      agency: 'a',
      tier: 'critical' as const,
      status: 'operational' as const,
      flapping: true,
      updated_at: null,
      target: 'https://10.0.0.1/health',
    };
    expect(toPublicSystemStatus(view)).toEqual({
      system: 's',
      agency: 'a',
      tier: 'critical',
      status: 'operational',
      updated_at: null,
    });
  });
});

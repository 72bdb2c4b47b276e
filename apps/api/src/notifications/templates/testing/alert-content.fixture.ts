import { CheckOutcome, type IncidentCauseCheck } from '@kuzet/contracts';
import type { AlertContent, AlertIncident } from '../../channels/notification-channel';

// Alert content as the notifier builds it, for template and channel tests.

export const BOARD = 'https://kuzet.example.kz/board';

/** 2026-03-10 04:05 UTC = 09:05 in Asia/Almaty (UTC+5). */
export const STARTED_AT = Date.UTC(2026, 2, 10, 4, 5);

export function causeCheck(overrides: Partial<IncidentCauseCheck> = {}): IncidentCauseCheck {
  return {
    checkId: 1,
    checkCode: 'https',
    checkType: 'http',
    role: 'primary',
    outcome: CheckOutcome.Down,
    regions: ['almaty', 'astana'],
    errorClass: 'status',
    httpStatus: 503,
    error: 'HTTP 503',
    firstFailureAt: STARTED_AT,
    ...overrides,
  };
}

export function alertIncident(n: number, overrides: Partial<AlertIncident> = {}): AlertIncident {
  return {
    incidentId: n,
    systemCode: `sys-${n}`,
    systemName: { kk: `Жүйе ${n}`, ru: `Система ${n}`, en: `System ${n}` },
    agencyCode: 'mcriap',
    severity: 'sev2',
    status: 'open',
    cause: { checks: [causeCheck()] },
    startedAt: STARTED_AT,
    resolvedAt: null,
    boardUrl: `${BOARD}/incidents/${n}`,
    alsoAffected: [],
    ...overrides,
  };
}

export function alertContent(overrides: Partial<AlertContent> = {}): AlertContent {
  return {
    kind: 'firing',
    agencyCode: 'mcriap',
    agencyName: { kk: 'ЦДИАӨМ', ru: 'МЦРИАП', en: 'Ministry of Digital Development' },
    incidents: [alertIncident(1)],
    level: 0,
    ...overrides,
  };
}

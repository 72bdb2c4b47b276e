import { TlsVersion } from '../fleet/fleet.types';

/** How a down system behaves: refuses connections, accepts and never answers, or answers 5xx. */
export const DOWN_MODES = ['refused', 'timeout', '5xx'] as const;
export type DownMode = (typeof DOWN_MODES)[number];

export type LatencySpec =
  | { distribution: 'fixed'; ms: number }
  | { distribution: 'uniform'; min: number; max: number }
  | { distribution: 'lognormal'; median: number; p95: number; max?: number };

/** Every fault may end itself after duration_s; without it, it stays until cleared. */
interface Expiring {
  duration_s?: number;
}

export type DownFault = Expiring & { type: 'down'; mode: DownMode; status: number };
export type SlowFault = Expiring & { type: 'slow'; latency_ms: LatencySpec };
export type FlappingFault = Expiring & { type: 'flapping'; period_s: number; mode: DownMode; status: number };
export type PartialFault = Expiring & { type: 'partial'; error_rate: number; status: number };
export type WrongContentFault = Expiring & { type: 'wrong_content'; body: string; content_type: string };
export type CertExpiringFault = Expiring & { type: 'cert_expiring'; days: number };
export type CertExpiredFault = Expiring & { type: 'cert_expired'; days_ago: number };
export type CertInvalidFault = Expiring & { type: 'cert_invalid'; reason: 'self_signed' | 'wrong_hostname' };
export type TlsLegacyFault = Expiring & { type: 'tls_legacy'; versions: TlsVersion[] };
export type HeadersOutdatedFault = Expiring & { type: 'headers_outdated'; headers: Record<string, string> };
export type DnsFault = Expiring & { type: 'dns_servfail' | 'dns_nxdomain' | 'dns_timeout' };

/** A validated fault with every default filled in (see fault-validator.ts). */
export type Fault =
  | DownFault
  | SlowFault
  | FlappingFault
  | PartialFault
  | WrongContentFault
  | CertExpiringFault
  | CertExpiredFault
  | CertInvalidFault
  | TlsLegacyFault
  | HeadersOutdatedFault
  | DnsFault;

export type FaultType = Fault['type'];

/**
 * Faults in one group exclude each other (a certificate cannot be expired and expiring at
 * once): injecting one replaces the others of its group. Faults of different groups stack,
 * e.g. a transport fault plus outdated headers.
 */
export const FAULT_GROUPS: Record<FaultType, string> = {
  down: 'availability',
  flapping: 'availability',
  slow: 'latency',
  partial: 'errors',
  wrong_content: 'content',
  cert_expiring: 'certificate',
  cert_expired: 'certificate',
  cert_invalid: 'certificate',
  tls_legacy: 'tls_versions',
  headers_outdated: 'headers',
  dns_servfail: 'dns',
  dns_nxdomain: 'dns',
  dns_timeout: 'dns',
};

export const FAULT_TYPES = Object.keys(FAULT_GROUPS) as FaultType[];

export type FaultSource = 'api' | 'scenario' | 'program';

export interface ActiveFault {
  fault: Fault;
  source: FaultSource;
  sinceMs: number;
  expiresAtMs: number | null;
}

/** Tunables of the incident lifecycle (AppConfig.incidents: KUZET_INCIDENT_COOLDOWN_S, KUZET_INCIDENT_SWEEP_S). */
export interface IncidentsOptions {
  /** Time after recovery before an incident resolves; a failure meanwhile reopens it. */
  cooldownMs: number;
  /** How often the sweep resolves incidents whose cooldown has passed (0 = no timer). */
  sweepIntervalMs: number;
  /**
   * How long a recovered root waits, past its cooldown, for symptoms still failing to recover
   * before it resolves (KUZET_DETECT_PARENT_GRACE_S): children recover a run or two after their
   * parent, and must not be promoted to roots for that.
   */
  symptomGraceMs: number;
}

export const INCIDENTS_OPTIONS = Symbol('INCIDENTS_OPTIONS');

export const DEFAULT_INCIDENTS_OPTIONS: IncidentsOptions = {
  cooldownMs: 120_000,
  sweepIntervalMs: 10_000,
  symptomGraceMs: 15_000,
};

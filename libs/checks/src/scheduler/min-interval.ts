/** The default floor for check intervals (the API's KUZET_MIN_INTERVAL_S defaults to 10). */
export const DEFAULT_MIN_INTERVAL_MS = 10_000;
/** The lowest floor there is: 1 s, which tests use. The floor itself comes from the caller's config. */
export const ABSOLUTE_MIN_INTERVAL_MS = 1_000;

// @kuzet/detection: pure detection logic. No I/O, no Nest, no clock of its own: every function
// takes explicit timestamps and returns plain, JSON-serialisable state.
export * from './soft-hard-state.machine';
export * from './region-quorum';
export * from './latency-baseline';
export * from './flapping-detector';
export * from './burn-rate';
export * from './status-severity';
export * from './status-rollup';
export * from './reliability-metrics';
export * from './uptime';
export * from './failure-words';
export * from './system-status-tally';

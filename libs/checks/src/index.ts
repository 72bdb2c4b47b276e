// Check runners, the conditions language, the check scheduler and the probe agent runtime
// (no Nest, no database). Embedded and remote agents share all of it.
export * from './check-run-result';
export * from './conditions';
export * from './runners';
export * from './scheduler';
export * from './agent';

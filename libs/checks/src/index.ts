// Check runners and the conditions language (no Nest, no database).
export * from './check-run-result';
export * from './conditions';
export * from './runners';

export * from './scoring-evidence';
export * from './system-score';

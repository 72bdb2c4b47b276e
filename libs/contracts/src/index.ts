// @kuzet/contracts: types, schemas and small pure helpers shared by api, web and probe.
// No Nest, no I/O.
export * from './catalog/catalog-enums';
export * from './catalog/catalog-code';
export * from './catalog/duration';
export * from './catalog/localized-text.schema';
export * from './catalog/check.schema';
export * from './catalog/check-rules';
export * from './catalog/category.schema';
export * from './catalog/notification-policy.schema';
export * from './catalog/agency.schema';
export * from './catalog/system.schema';
export * from './catalog/maintenance.schema';
export * from './catalog/recurrence';
export * from './catalog/catalog-file.schema';
export * from './catalog/catalog-problem';
export * from './catalog/catalog-api.dto';
export * from './network/ip-address';
export * from './network/host-port';
export * from './network/probe-network-policy';
export * from './time/zoned-time';
export * from './checks/check-outcome';
export * from './checks/tls-details';
export * from './probing/probe-protocol';
export * from './auth/auth-api';
export * from './realtime/realtime-events';
export * from './incidents/incident-cause';

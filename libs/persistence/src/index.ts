export * from './lib/audit/audit-log';
export * from './lib/data-source';
export * from './lib/entities';
export { MIGRATIONS } from './lib/migrations';
export * from './lib/repositories/journey-placeholder';
export * from './lib/repositories/journey-projection.writer';
export * from './lib/repositories/read-model-observations.query';
export * from './lib/vault/vault';
export * from './lib/vault/vault-cipher';

export * from './lib/data-source';
export * from './lib/entities';
export { MIGRATIONS } from './lib/migrations';
export * from './lib/repositories/journey-placeholder';
export * from './lib/repositories/journey-projection.writer';
export * from './lib/vault-cipher';

export * from './lib/dev-server';
export * from './lib/encryption.codec';
export * from './lib/free-port';
export * from './lib/temporal-client';
export * from './lib/toolchain';
export * from './lib/workflow-bundle';
export * from './lib/journey-client';
export * from './lib/journey-worker';

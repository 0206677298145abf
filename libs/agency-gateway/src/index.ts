export * from './lib/agency-gateway';
export * from './lib/callbacks/agency-callbacks';
export * from './lib/callbacks/callback-token';
export * from './lib/delivery/circuit-breaker';
export * from './lib/delivery/webhook-service.adapter';
export * from './lib/registry/agency-registry.admin';

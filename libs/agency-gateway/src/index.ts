export * from './lib/agency-gateway';
export * from './lib/callbacks/agency-callback.command';
export * from './lib/callbacks/agency-callbacks';
export * from './lib/callbacks/callback-token';
export * from './lib/delivery/circuit-breaker';
export * from './lib/delivery/webhook-service.adapter';

export * from './lib/administration/agency-registry.admin';
export * from './lib/administration/put-agency.command';
export * from './lib/administration/webhook-url-policy';
export * from './lib/agency.registry';
export * from './lib/agency-directory';
export * from './lib/catalogue.publisher';
export * from './lib/life-event.registry';

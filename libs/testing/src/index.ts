export * from './lib/test-environment';
export * from './lib/test-database';
export * from './lib/test-agencies';
export * from './lib/life-event.builders';

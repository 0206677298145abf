export * from './lib/life-event-authoring';
export * from './lib/simulate-life-event.command';
export * from './lib/version-migrations';

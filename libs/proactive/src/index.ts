export * from './lib/journey-proposals';
export * from './lib/proactive-events';
export * from './lib/proactive-starter';
export * from './lib/source-event.command';

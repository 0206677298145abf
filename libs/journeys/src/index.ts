export * from './lib/events/journey-events.feed';
export * from './lib/journeys/journey-access';
export * from './lib/journeys/journey.commands';
export * from './lib/journeys/journeys.service';
export * from './lib/journeys/timeline.mapper';
export * from './lib/mandates/mandate.commands';
export * from './lib/mandates/mandates';

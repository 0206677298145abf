export * from './lib/activities';
export * from './lib/ids';
export * from './lib/inbox.types';
export * from './lib/journey.types';
export * from './lib/messages';
export * from './lib/search-attributes';
export * from './lib/task-queues';
export * from './lib/errors';

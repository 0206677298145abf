export * from './lib/agency-inbox';
export * from './lib/inbox.commands';

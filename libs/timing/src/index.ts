export * from './lib/backoff';
export * from './lib/poller';

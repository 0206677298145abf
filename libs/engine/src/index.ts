export * from './lib/engine-worker';
export * from './lib/engine.activities';

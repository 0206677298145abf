export * from './lib/diff';
export * from './lib/random';
export * from './lib/simulate';

export * from './lib/projection-plan';

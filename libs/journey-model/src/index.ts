export * from './lib/condition';
export * from './lib/definition.types';
export * from './lib/dsl';
export * from './lib/journey.machine';
export * from './lib/step.machine';

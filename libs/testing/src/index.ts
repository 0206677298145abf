export * from './lib/test-environment';
export * from './lib/test-agencies';
export * from './lib/life-event.builders';
export * from './lib/journey-driver';
export * from './lib/read-model';
export * from './lib/markup';
export * from './lib/intakes';
export * from './lib/wait-for';

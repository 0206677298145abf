export * from './lib/aggregation';
export * from './lib/kpi-events';
export * from './lib/kpi.types';
export * from './lib/measure';
export * from './lib/process-owner.types';
export * from './lib/standard-kpis';

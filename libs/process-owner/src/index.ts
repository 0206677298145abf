export * from './lib/kpi.types';
export * from './lib/process-owner.types';

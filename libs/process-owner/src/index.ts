export * from './lib/process-owner.types';

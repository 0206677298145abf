export * from './lib/passage-config';

export * from './lib/workflows';
export { default } from './lib/workflows';

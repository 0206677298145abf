export * from './journey-test-bed';

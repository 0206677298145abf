export * from './lib/cpsv-ap';
export type * from './lib/json-ld.types';
export { CPSV_AP_CONTEXT_URL, DEFAULT_BASE_URI } from './lib/vocabulary';

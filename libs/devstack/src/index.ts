export * from './lib/demo.seed';
export * from './lib/dev-stack';
export * from './lib/embedded-postgres';
export * from './lib/os-processes';
export * from './lib/passage-processes';
export * from './lib/ports';
export * from './lib/supervisor';

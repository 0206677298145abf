export * from './lib/catalogue.publisher';
export * from './lib/passage-processes';

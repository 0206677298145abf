export * from './lib/checked.decorator';
export * from './lib/command-validation';
export * from './lib/data-item-values';
export * from './lib/data-items.validator';

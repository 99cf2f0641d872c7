export * from './types';
export * from './parse';
export * from './validate';
export * from './queries';

export * from './types';
export * from './plan-visits';

export * from './complaint-rows';
export * from './figures';

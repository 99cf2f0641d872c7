export * from './types';
export * from './plan-visits';
export * from './team-wishes';

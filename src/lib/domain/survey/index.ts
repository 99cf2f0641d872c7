export * from './elements';
export * from './profile';
export * from './ikm';
export * from './window';
export * from './form-token';
export * from './submission';
export * from './breakdown';

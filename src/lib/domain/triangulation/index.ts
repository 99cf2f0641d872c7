export * from './triangulation';
export * from './triangulation-json';
export * from './view';

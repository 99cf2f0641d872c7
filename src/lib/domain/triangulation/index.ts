export * from './triangulation';
export * from './triangulation-json';

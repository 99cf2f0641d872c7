export * from './access';
export * from './indicators';
export * from './trend';
export * from './view';
export * from './radar-geometry';

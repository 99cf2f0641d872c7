export * from './access';
export * from './indicators';
export * from './trend';

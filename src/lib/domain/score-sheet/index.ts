export * from './entries';
export * from './file-type';

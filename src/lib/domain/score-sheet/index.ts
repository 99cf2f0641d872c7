export * from './completeness';
export * from './entries';
export * from './file-type';
export * from './views';
export * from './visit-list';

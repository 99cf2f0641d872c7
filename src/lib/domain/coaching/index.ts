export * from './rule';
export * from './items';
export * from './states';
export * from './follow-up';
export * from './overview';
export * from './by-unit';

export * from './outbox';
export * from './device-sheet';
export * from './conflict-choice';

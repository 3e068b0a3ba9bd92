export * from './status';
export * from './responses';

export * from './domain';
export * from './metrics';
export * from './responses';

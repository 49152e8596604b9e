export * from './domain';
export * from './metrics';
export * from './responses';
export * from './session';
export * from './units';
export * from './analysis';

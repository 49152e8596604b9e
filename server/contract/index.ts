export * from '#contract';
export * from './responses';
export * from './units';
export * from './analysis';

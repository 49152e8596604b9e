/**
 * The shared contract: the domain's vocabulary, metrics and limits, read by the data pipeline,
 * the server and the web app through this one entry (`#contract`). It imports nothing.
 */
export * from './classes';
export * from './domain';
export * from './fold';
export * from './metrics';
export * from './planner';
export * from './session';
export * from './analysis';
export * from './layers';
export * from './registers';

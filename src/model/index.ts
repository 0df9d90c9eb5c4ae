/** The protocol model: everything an engine needs, and nothing of the file system. */
export * from './config.ts';
export * from './events.ts';
export * from './enabled.ts';
export * from './init.ts';
export * from './metrics.ts';
export * from './model.ts';
export * from './effects.ts';
export * from './state.ts';
export * from './step.ts';
export * from './variant.ts';
export * from './scenarios.ts';
export * from './encode.ts';
export * from './lookup.ts';
export * from './schemaIssue.ts';
export * from './signalling.ts';

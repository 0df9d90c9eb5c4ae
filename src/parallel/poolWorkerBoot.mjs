// Starts a pool worker from the TypeScript sources: registers tsx's loader in this thread (loader
// hooks are per thread on Node 20), then loads the worker (see pool.ts).
const { register } = await import('tsx/esm/api');
register();
await import('./poolWorker.ts');

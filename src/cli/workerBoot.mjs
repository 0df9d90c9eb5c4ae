// Starts a supervised command's worker from the TypeScript sources: registers tsx's loader in this
// thread (loader hooks are per thread on Node 20), then loads the worker (see supervise.ts).
const { register } = await import('tsx/esm/api');
register();
await import('./worker.ts');

// Starts a supervised command in its worker thread: TypeScript through tsx's loader when the
// sources are TypeScript, as the main thread does (see supervise.ts).
import { workerData } from 'node:worker_threads';

if (workerData.stderrIsTTY) {
  // This thread's stderr is piped to the terminal through the main thread: let the progress bar draw.
  process.stderr.isTTY = true;
  process.stderr.columns = workerData.stderrColumns ?? 80;
}
const { register } = await import('tsx/esm/api');
register();
const { runInWorker } = await import('./worker.ts');
await runInWorker(workerData.argv);

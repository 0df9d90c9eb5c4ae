/**
 * The worker side of a supervised command: takes the terminal's state from the main thread, runs
 * the command and posts its exit code back. Loaded as the worker's entry: directly when cascade
 * runs compiled, through `workerBoot.mjs` (tsx's loader) when it runs from its TypeScript sources.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { main } from '../cli.ts';
import type { WorkerData } from './supervise.ts';
import { writeOutputAtOnce } from './syncOutput.ts';

const data = workerData as WorkerData;
writeOutputAtOnce(() => parentPort!.postMessage({ closed: true }));
if (data.stderrIsTTY) {
  // This thread's stderr is piped to the terminal through the main thread: let the progress bar draw.
  process.stderr.isTTY = true;
  process.stderr.columns = data.stderrColumns ?? 80;
}
const code = await main(data.argv);
parentPort!.postMessage({ code });

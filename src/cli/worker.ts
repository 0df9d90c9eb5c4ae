/** The worker side of a supervised command: runs it and posts the exit code to the main thread. */
import { parentPort } from 'node:worker_threads';
import { main } from '../cli.ts';

export async function runInWorker(argv: string[]): Promise<void> {
  const code = await main(argv);
  parentPort!.postMessage({ code });
}

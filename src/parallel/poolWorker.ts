/**
 * A pool worker: runs the tasks the pool sends, one at a time, and posts each output (or the error's
 * message) back. `CASCADE_WORKER_FAULT=exit` makes it exit on its first task: the tests use it to
 * show that a lost worker fails the run.
 */
import { parentPort } from 'node:worker_threads';
import { Refusal } from '../io/refusal.ts';
import { DefinitionError } from '../properties/index.ts';
import { TASKS } from './tasks.ts';

parentPort!.on('message', async (message: { id: number; task: string; input: unknown }) => {
  if (process.env.CASCADE_WORKER_FAULT === 'exit') process.exit(70);
  try {
    const task = TASKS[message.task as keyof typeof TASKS];
    if (!task) throw new Error(`unknown task '${message.task}'`);
    const { output, transfer } = await task(message.input as never);
    parentPort!.postMessage({ id: message.id, output }, transfer ?? []);
  } catch (error) {
    // Bad input met in a worker (a user's property that throws, a suite file that refuses) is still one line, as in the command's own thread.
    const usage = error instanceof Refusal || error instanceof DefinitionError ? error.message : undefined;
    parentPort!.postMessage({ id: message.id, error: (error as Error)?.stack ?? String(error), usage });
  }
});

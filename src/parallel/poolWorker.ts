/**
 * A pool worker: runs the tasks the pool sends, one at a time, and posts each output (or the error's
 * message) back. A task names its module and export (`TaskRef`); each module is imported once per
 * worker, so its state (a search's parts, a loaded suite file) lasts between tasks.
 * `CASCADE_WORKER_FAULT=exit` makes it exit on its first task: the tests use it to show that a lost
 * worker fails the run.
 */
import { parentPort } from 'node:worker_threads';
import { Refusal } from '../io/refusal.ts';
import { DefinitionError } from '../propertyLanguage/index.ts';
import type { TaskOutput, TaskRef } from './pool.ts';

type Task = (input: unknown) => TaskOutput<unknown> | Promise<TaskOutput<unknown>>;

const modules = new Map<string, Promise<Record<string, unknown>>>();

/** The function `ref` names, its module imported once. */
async function taskOf(ref: TaskRef): Promise<Task> {
  let module = modules.get(ref.module);
  if (!module) modules.set(ref.module, (module = import(ref.module) as Promise<Record<string, unknown>>));
  const task = (await module)[ref.name];
  if (typeof task !== 'function') throw new Error(`unknown task '${ref.name}' in ${ref.module}`);
  return task as Task;
}

parentPort!.on('message', async (message: { id: number; task: TaskRef; input: unknown }) => {
  if (process.env.CASCADE_WORKER_FAULT === 'exit') process.exit(70);
  try {
    const task = await taskOf(message.task);
    const { output, transfer } = await task(message.input);
    parentPort!.postMessage({ id: message.id, output }, transfer ?? []);
  } catch (error) {
    // Bad input met in a worker (a user's property that throws, a suite file that refuses) is still one line, as in the command's own thread.
    const usage = error instanceof Refusal || error instanceof DefinitionError ? error.message : undefined;
    parentPort!.postMessage({ id: message.id, error: (error as Error)?.stack ?? String(error), usage });
  }
});

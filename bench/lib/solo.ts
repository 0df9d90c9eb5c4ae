/**
 * Runs one job of `parallelJobs.ts` with one worker in this process and prints its outcome as one
 * JSON line: the `parallel` benchmark starts two of these at once to measure the machine's own
 * ceiling for two independent threads.
 */
import { JOBS, runJob } from './parallelJobs.ts';

const name = process.argv[2] ?? '';
if (!(name in JOBS)) {
  console.error(`solo: unknown job '${name}'`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await runJob(name, 1)) + '\n');

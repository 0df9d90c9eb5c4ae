/**
 * Workers against one thread, on this machine's cores, for the jobs of `lib/parallelJobs.ts`. Each
 * job runs three rounds of one worker and all cores, alternating which goes first, and the figures
 * are the medians: on a shared machine one pair of runs can differ by 20% from the next. Then two
 * copies of the one-thread job run at once, in two processes, to measure the machine's own ceiling
 * (what two independent threads get from it); the speed-up is read against it. Every figure is
 * wall time including the workers' start (about 0.9 s from the TypeScript sources, 0.2 s compiled,
 * which weighs on the 5-second start budget). Every run of a job must give the same verdicts and
 * counts; the notes say whether they did.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '../src/engines/_internals/median.ts';
import { JOBS, runJob, type Outcome } from './lib/parallelJobs.ts';
import type { BenchModule } from './lib/module.ts';

const ROUNDS = 3;
// Compiled (npm run bench), the bench is JavaScript; run from its sources, TypeScript.
const SOLO = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './lib/solo.ts' : './lib/solo.js', import.meta.url));

/** Two one-thread copies of `job` at once, each in a process of its own: their outcomes. */
function twoAtOnce(job: string): Promise<Outcome[]> {
  const one = () =>
    new Promise<Outcome>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, SOLO, job], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Outcome) : reject(new Error(`solo ${job} exited with ${code}`))));
    });
  return Promise.all([one(), one()]);
}

const fmt = (s: number) => s.toFixed(1);

const parallel: BenchModule = {
  name: 'parallel',
  summary: `workers against one thread (${availableParallelism()} cores): the exhaustive and the random engine, median wall time of ${ROUNDS} alternating rounds, speed-up, and the machine's ceiling for two threads`,
  async run(record) {
    const workers = Math.max(2, availableParallelism());
    for (const [name, job] of Object.entries(JOBS)) {
      const runs: Record<number, Outcome[]> = { 1: [], [workers]: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const w of round % 2 === 0 ? [1, workers] : [workers, 1]) runs[w]!.push(await runJob(name, w));
      }
      const seconds = (w: number) => median(runs[w]!.map((o) => o.seconds));
      for (const w of [1, workers]) {
        const last = runs[w]!.at(-1)!;
        record({
          scope: 'small',
          variant: '-',
          name: `${job.title}, ${w} worker${w === 1 ? '' : 's'}`,
          value: seconds(w),
          unit: 's',
          count: last.count,
          seconds: seconds(w),
          note: `median of ${runs[w]!.map((o) => fmt(o.seconds)).join(', ')} s; ${last.note}`,
        });
      }
      const keys = new Set([...runs[1]!, ...runs[workers]!].map((o) => o.key));
      const ratios = runs[1]!.map((o, i) => o.seconds / runs[workers]![i]!.seconds);
      const speedUp = seconds(1) / seconds(workers);
      record({
        scope: 'small',
        variant: '-',
        name: `${name} speed-up, ${workers} workers / 1`,
        value: speedUp,
        unit: 'x',
        note: `of the medians; rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; ${keys.size === 1 ? 'same verdicts and counts in every run' : `DIFFERENT results: ${[...keys].join(' | ')}`}`,
      });
      if (workers === 2) {
        const both = await twoAtOnce(name);
        const ceiling = seconds(1) * both.reduce((sum, o) => sum + 1 / o.seconds, 0);
        record({
          scope: 'small',
          variant: '-',
          name: `${name}: the machine's ceiling for two threads`,
          value: ceiling,
          unit: 'x',
          note: `two one-thread copies at once took ${both.map((o) => fmt(o.seconds)).join(' and ')} s against ${fmt(seconds(1))} s alone; the speed-up is ${Math.round((100 * speedUp) / ceiling)}% of it`,
        });
      }
    }
  },
};

export default parallel;

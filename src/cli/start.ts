/**
 * `cascade start`, the main job behind `npm start`: both outage scenarios on their buggy variant and
 * on `fixed`, side by side, then every property suite with its start budget. Exit code as `check`.
 */
import { summarizeScenario, type ScenarioSummary } from '../explore/scenarioSummary.ts';
import type { LengthRatio, Results } from '../report/results.ts';
import { writeAtomically } from '../trace/save.ts';
import { VERSION } from '../version.ts';
import { defaultConfig, variant } from '../model/index.ts';
import { runChecks, selectPairs, type PairResult } from './check.ts';
import { exhaustivePairs, runExplore, type ExplorePairResult } from './explore.ts';
import { parse } from './args.ts';

export const startHelp = `Usage: cascade start [--json]

The main job: replays both outages on their buggy variant and on fixed (small scope and population
scale), then runs every property suite with its start budget and stores the counterexamples.`;

const PAIRS = [
  ['outage-2010', 'skype-2010'],
  ['outage-2010', 'fixed'],
  ['outage-2007', 'skype-2007'],
  ['outage-2007', 'fixed'],
] as const;

export function startCommand(argv: string[], out: (line: string) => void): number {
  const { values } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean' } });
  if (values.help) {
    out(startHelp);
    return 0;
  }
  const scenarios: ScenarioSummary[] = [];
  if (!values.json) out('== The two outages, scripted (buggy variant vs fixed) ==');
  if (!values.json) out('scenario      variant       scale        supernodes start>min>end  online end     late share  crashes  shutdowns  back after');
  for (const scale of ['small', 'population'] as const) {
    for (const [scenario, name] of PAIRS) {
      const s = summarizeScenario({ config: defaultConfig(scale), protocol: variant(name) }, scenario, scale);
      scenarios.push(s);
      if (values.json) {
        out(JSON.stringify({ kind: 'scenario', ...s }));
        continue;
      }
      out(
        [
          scenario.padEnd(13),
          name.padEnd(13),
          scale.padEnd(12),
          `${s.startSupernodes}>${s.minSupernodes}>${s.endSupernodes}`.padEnd(26),
          `${s.endOnline}/${s.wantOnline}`.padEnd(14),
          `${(100 * s.lateOnlineShare).toFixed(0)}%`.padEnd(11),
          String(s.crashes).padEnd(8),
          String(s.overloadShutdowns).padEnd(10),
          s.recoveredAfter === null ? 'never' : `${s.recoveredAfter} ticks`,
        ].join(' '),
      );
    }
  }
  const json = values.json === true;
  if (!json) out('\n== Property suites: random engine (fast-check, swarm testing), start budget ==');
  const random = runChecks(selectPairs({}), { budget: 'start', dir: 'counterexamples', update: false }, json, out);
  if (!json) out('\n== Property suites: exhaustive engine (breadth-first, shortest counterexamples), start bounds ==');
  const exhaustive = runExplore(exhaustivePairs(), { budget: 'start', maxMemoryMB: 4096, dir: 'counterexamples', update: false }, json, out);
  const rows = compareLengths(random.results, exhaustive.results);
  if (json) rows.forEach((row) => out(JSON.stringify({ kind: 'shrink-ratio', ...row })));
  else {
    out('\n== Shrunk random counterexamples against the shortest that exist ==');
    for (const r of rows) out(`${r.suite} / ${r.property} on ${r.variant}: random ${r.random} events, shortest ${r.shortest}, ratio ${r.ratio.toFixed(2)}`);
  }
  const results: Results = {
    tool: { name: 'cascade', version: VERSION, node: process.version },
    budget: 'start',
    scenarios,
    random: random.results,
    exhaustive: exhaustive.results,
    ratios: rows,
  };
  writeAtomically(RESULTS_PATH, JSON.stringify(results, null, 2) + '\n');
  if (!json) out(`\nresults: ${RESULTS_PATH}`);
  return random.code === 0 && exhaustive.code === 0 ? 0 : 1;
}

/** Where `start` leaves its results for `report`. */
export const RESULTS_PATH = 'report/results.json';

/** For each pair both engines violated: the random engine's shrunk length over the exhaustive minimum. */
export function compareLengths(random: PairResult[], exhaustive: ExplorePairResult[]): LengthRatio[] {
  return exhaustive.flatMap((e) => {
    const r = random.find((x) => x.suite === e.suite && x.property === e.property && x.variant === e.variant);
    if (!r || r.eventsAfterShrink === null || e.eventsInCounterexample === null) return [];
    return [{ suite: e.suite, property: e.property, variant: e.variant, random: r.eventsAfterShrink, shortest: e.eventsInCounterexample, ratio: r.eventsAfterShrink / Math.max(1, e.eventsInCounterexample) }];
  });
}

/**
 * Everything the report speaks of, gathered in one run: the scripted outages (buggy variant against
 * `fixed`, both scales), every suite with the random and the exhaustive engine, and the random
 * engine's shrunk lengths against the shortest counterexamples. `start` and `report` share it.
 */
import { summarizeScenario, type ScenarioSummary } from '../explore/scenarioSummary.ts';
import { defaultConfig, variant } from '../model/index.ts';
import type { LengthRatio, Results } from '../report/results.ts';
import { VERSION } from '../version.ts';
import type { ExplorePairResult, PairResult } from '../report/results.ts';
import { runChecks, selectPairs } from './check.ts';
import { exhaustivePairs, runExplore } from './explore.ts';

const SCENARIO_RUNS = [
  ['outage-2010', 'skype-2010'],
  ['outage-2010', 'fixed'],
  ['outage-2007', 'skype-2007'],
  ['outage-2007', 'fixed'],
] as const;

/** Runs it all, printing as it goes (JSON lines with `json`); `code` is 0 when every expectation is met. */
export function gatherResults(budget: 'test' | 'start', out: (line: string) => void, json: boolean): { results: Results; code: number } {
  const scenarios: ScenarioSummary[] = [];
  if (!json) out('== The two outages, scripted (buggy variant vs fixed) ==');
  if (!json) out('scenario      variant       scale        supernodes start>min>end  online end     late share  crashes  shutdowns  back after');
  for (const scale of ['small', 'population'] as const) {
    for (const [scenario, name] of SCENARIO_RUNS) {
      const s = summarizeScenario({ config: defaultConfig(scale), protocol: variant(name) }, scenario, scale);
      scenarios.push(s);
      out(json ? JSON.stringify({ kind: 'scenario', ...s }) : scenarioLine(s));
    }
  }
  if (!json) out(`\n== Property suites: random engine (fast-check, swarm testing), ${budget} budget ==`);
  const random = runChecks(selectPairs({}), { budget, dir: 'counterexamples', update: false }, json, out);
  if (!json) out(`\n== Property suites: exhaustive engine (breadth-first, shortest counterexamples), ${budget} bounds ==`);
  const exhaustive = runExplore(exhaustivePairs(), { budget, maxMemoryMB: 4096, dir: 'counterexamples', update: false }, json, out);
  const ratios = compareLengths(random.results, exhaustive.results);
  if (json) ratios.forEach((row) => out(JSON.stringify({ kind: 'shrink-ratio', ...row })));
  else {
    out('\n== Shrunk random counterexamples against the shortest that exist ==');
    for (const r of ratios) out(`${r.suite} / ${r.property} on ${r.variant}: random ${r.random} events, shortest ${r.shortest}, ratio ${r.ratio.toFixed(2)}`);
  }
  const results: Results = {
    tool: { name: 'cascade', version: VERSION, node: process.version },
    budget,
    scenarios,
    random: random.results,
    exhaustive: exhaustive.results,
    ratios,
  };
  return { results, code: random.code === 0 && exhaustive.code === 0 ? 0 : 1 };
}

/** For each pair both engines violated: the random engine's shrunk length over the exhaustive minimum. */
export function compareLengths(random: PairResult[], exhaustive: ExplorePairResult[]): LengthRatio[] {
  return exhaustive.flatMap((e) => {
    const r = random.find((x) => x.suite === e.suite && x.property === e.property && x.variant === e.variant);
    if (!r || r.eventsAfterShrink === null || e.eventsInCounterexample === null) return [];
    return [{ suite: e.suite, property: e.property, variant: e.variant, random: r.eventsAfterShrink, shortest: e.eventsInCounterexample, ratio: r.eventsAfterShrink / Math.max(1, e.eventsInCounterexample) }];
  });
}

function scenarioLine(s: ScenarioSummary): string {
  return [
    s.scenario.padEnd(13),
    s.variant.replace(/^skype-2010\+robust-client.*mega-supernodes$/, 'fixed').padEnd(13),
    s.scale.padEnd(12),
    `${s.startSupernodes}>${s.minSupernodes}>${s.endSupernodes}`.padEnd(26),
    `${s.endOnline}/${s.wantOnline}`.padEnd(14),
    `${(100 * s.lateOnlineShare).toFixed(0)}%`.padEnd(11),
    String(s.crashes).padEnd(8),
    String(s.overloadShutdowns).padEnd(10),
    s.recoveredAfter === null ? 'never' : `${s.recoveredAfter} ticks`,
  ].join(' ');
}

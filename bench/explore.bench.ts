/**
 * The exhaustive engine at small scope: distinct states and transitions per second, and the bytes
 * its stores hold per distinct state, on the suites' own searches at fixed horizons (the feedback
 * loop on `fixed` first: the first figure of docs/figures/bench.md). Each search runs three times and the rates
 * are the medians (the first run also pays the compiler's warm-up; on a shared machine one run can
 * differ from the next by 10%).
 */
import { suiteModel } from '../properties/index.ts';
import { searchExhaustive } from '../src/search/exhaustive.ts';
import { PROPERTIES } from '../src/propertyLanguage/index.ts';
import { SUITES } from '../properties/index.ts';
import { median } from '../src/engines/_internals/median.ts';
import type { BenchModule } from './lib/module.ts';

const ROUNDS = 3;

const CASES: [suite: string, property: string, variant: string, horizon: number][] = [
  ['feedback-loop', 'no-cascade', 'fixed', 40],
  ['feedback-loop', 'recovers', 'fixed', 40],
  ['directory', 'consistent-directory', 'fixed', 30],
  ['login-flood-2007', 'recovers', 'fixed', 40],
];

const explore: BenchModule = {
  name: 'explore',
  summary: 'breadth-first search at small scope and a tick horizon: states/s, transitions/s, bytes per stored state',
  run(record) {
    for (const [id, property, variant, horizon] of CASES) {
      const suite = SUITES.find((s) => s.id === id)!;
      const rounds = Array.from({ length: ROUNDS }, () =>
        searchExhaustive(suiteModel(suite, variant, true), PROPERTIES[property]!, suite.bounds, {
          horizon,
          maxStates: 50_000_000,
          maxMemoryBytes: 8 * 2 ** 30,
          kinds: suite.exhaustive.kinds ?? suite.kinds,
        }),
      );
      const r = rounds[rounds.length - 1]!;
      const rates = rounds.map((x) => x.statesPerSecond);
      const ms = median(rounds.map((x) => x.ms));
      const scope = 'small';
      const label = `${id} / ${property}, horizon ${horizon}`;
      const note = `median of ${rates.map((x) => Math.round(x / 1000)).join(', ')} thousand; ${r.verdict} (${r.stoppedBy}), ${r.states.toLocaleString('en-US')} states, ${r.transitions.toLocaleString('en-US')} transitions, depth ${r.depth}, collision chance ${r.collisionProbability.toExponential(1)}`;
      record({ scope, variant, name: `${label}: states/s`, value: median(rates), unit: 'states/s', count: r.states, seconds: ms / 1000, note });
      record({
        scope,
        variant,
        name: `${label}: transitions/s`,
        value: median(rounds.map((x) => x.transitionsPerSecond)),
        unit: 'trans/s',
        count: r.transitions,
        seconds: ms / 1000,
      });
      record({
        scope,
        variant,
        name: `${label}: bytes per stored state`,
        value: r.bytesPerState,
        unit: 'B',
        note: `peak bytes of the seen-set, links and frontier over ${r.states.toLocaleString('en-US')} distinct states`,
      });
    }
  },
};

export default explore;

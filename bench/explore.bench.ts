/**
 * The exhaustive engine at small scope: distinct states and transitions per second, and the bytes
 * its stores hold per distinct state, on the suites' own searches at fixed horizons (the feedback
 * loop on `fixed` first: the figure the README quotes).
 */
import { suiteModel } from '../properties/index.ts';
import { searchExhaustive } from '../src/explore/exhaustive.ts';
import { PROPERTIES } from '../src/properties/index.ts';
import { SUITES } from '../properties/index.ts';
import type { BenchModule } from './lib/module.ts';

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
      const r = searchExhaustive(suiteModel(suite, variant, true), PROPERTIES[property]!, suite.bounds, {
        horizon,
        maxStates: 50_000_000,
        maxMemoryBytes: 8 * 2 ** 30,
        kinds: suite.exhaustive.kinds ?? suite.kinds,
      });
      const scope = 'small';
      const label = `${id} / ${property}, horizon ${horizon}`;
      const note = `${r.verdict} (${r.stoppedBy}), ${r.states.toLocaleString('en-US')} states, ${r.transitions.toLocaleString('en-US')} transitions, depth ${r.depth}, collision chance ${r.collisionProbability.toExponential(1)}`;
      record({ scope, variant, name: `${label}: states/s`, value: r.statesPerSecond, unit: 'states/s', count: r.states, seconds: r.ms / 1000, note });
      record({ scope, variant, name: `${label}: transitions/s`, value: r.transitionsPerSecond, unit: 'trans/s', count: r.transitions, seconds: r.ms / 1000 });
      record({ scope, variant, name: `${label}: bytes per stored state`, value: r.bytesPerState, unit: 'B', note: `peak bytes of the seen-set, links and frontier over ${r.states.toLocaleString('en-US')} distinct states` });
    }
  },
};

export default explore;

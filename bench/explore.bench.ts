/**
 * The exhaustive engine at small scope: distinct states and transitions per second, and the heap it
 * holds per million states, on the suites' own searches, exact and with symmetry reduction.
 */
import { suiteModel } from '../properties/index.ts';
import { searchExhaustive } from '../src/explore/exhaustive.ts';
import { PROPERTIES } from '../src/properties/index.ts';
import { SUITES } from '../properties/index.ts';
import type { BenchModule } from './lib/module.ts';

const CASES: [suite: string, property: string, variant: string, depth: number][] = [
  ['feedback-loop', 'no-cascade', 'fixed', 5],
  ['directory', 'consistent-directory', 'fixed', 4],
  ['login-flood-2007', 'recovers', 'fixed', 12],
  ['login-flood-2007', 'bounded-login-load', 'skype-2007', 16],
];

const gc = (globalThis as { gc?: () => void }).gc;

const explore: BenchModule = {
  name: 'explore',
  summary: 'breadth-first search at small scope: states/s, transitions/s, heap per million states (exact and with symmetry)',
  run(record) {
    for (const [id, property, variant, maxDepth] of CASES) {
      const suite = SUITES.find((s) => s.id === id)!;
      for (const symmetry of [false, true]) {
        gc?.();
        const before = process.memoryUsage().heapUsed;
        let peak = before;
        const r = searchExhaustive(suiteModel(suite, variant), PROPERTIES[property]!, suite.bounds, {
          maxDepth,
          maxStates: 5_000_000,
          maxMemoryBytes: 8 * 2 ** 30,
          symmetry,
          kinds: suite.kinds,
          onProgress: () => (peak = Math.max(peak, process.memoryUsage().heapUsed)),
        });
        peak = Math.max(peak, r.heapBytes);
        const scope = 'small';
        const label = `${id} / ${property}, depth ${maxDepth}${symmetry ? ', symmetry' : ''}`;
        const note = `${r.verdict} (${r.stoppedBy}), ${r.states.toLocaleString('en-US')} states, ${r.transitions.toLocaleString('en-US')} transitions, depth ${r.depth}`;
        record({ scope, variant, name: `${label}: states/s`, value: r.statesPerSecond, unit: 'states/s', count: r.states, seconds: r.ms / 1000, note });
        record({ scope, variant, name: `${label}: transitions/s`, value: (r.transitions / r.ms) * 1000, unit: 'trans/s', count: r.transitions, seconds: r.ms / 1000 });
        if (r.states >= 10_000) {
          record({ scope, variant, name: `${label}: heap per million states`, value: ((peak - before) / r.states) * 1e6 / 2 ** 20, unit: 'MB', note: `peak heapUsed growth during the search${gc ? ' after a gc' : ''}, over ${r.states.toLocaleString('en-US')} states` });
        }
      }
    }
  },
};

export default explore;

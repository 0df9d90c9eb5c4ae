/**
 * A model whose tick chains queue a state levels ahead on one worker while the other worker holds
 * the next level: for the coordinator's order of levels on a pool. At tick 0 the adversary picks `p`
 * or `q`, dealt to the two workers. After `p` it picks `a` at tick 0, then must wait two ticks (a
 * chain followed in place, queued four events deep by the worker that expanded `p`), then `x` breaks
 * the invariant (5 events). After `q` it picks `y` and then `z` at tick 0, which breaks it (3 events;
 * `y` queued at level 2 by the other worker). Each pick has its one tick; a state with none left runs
 * out its clock unqueued.
 */
import type { SearchModel, SearchSubject } from '../../../src/engines/contract.ts';
import { invariantOf } from './invariantOf.ts';

export interface ChainState {
  tick: number;
  /** The picks so far, as codes 1..6 for p, q, a, x, y, z (0: none yet), at most three. */
  picks: number[];
}
type Name = 'p' | 'q' | 'a' | 'x' | 'y' | 'z';
export type ChainEvent = { kind: 'tick' } | { kind: 'pick'; name: Name };

const NAMES: readonly Name[] = ['p', 'q', 'a', 'x', 'y', 'z'];
const TICK: ChainEvent = { kind: 'tick' };
const pick = (name: Name): ChainEvent => ({ kind: 'pick', name });
const codeOf = (name: Name) => NAMES.indexOf(name) + 1;
const path = (s: ChainState) =>
  s.picks
    .filter((p) => p > 0)
    .map((p) => NAMES[p - 1]!)
    .join('');

/** The picks after each path, and the tick at which each may be made. */
const NEXT: Record<string, { at: number; names: Name[] }> = {
  '': { at: 0, names: ['p', 'q'] },
  p: { at: 0, names: ['a'] },
  pa: { at: 2, names: ['x'] },
  q: { at: 0, names: ['y'] },
  qy: { at: 0, names: ['z'] },
};

function choices(s: ChainState): ChainEvent[] {
  const next = NEXT[path(s)];
  return next !== undefined && next.at === s.tick ? next.names.map(pick) : [];
}

function broken(s: ChainState): boolean {
  return path(s) === 'pax' || path(s) === 'qyz';
}

export function chainSubject(): SearchSubject<ChainState, ChainEvent> {
  const model: SearchModel<ChainState, ChainEvent> = {
    init: () => ({ tick: 0, picks: [0, 0, 0] }),
    enabled: (s) => [TICK, ...choices(s)],
    isTick: (e) => e.kind === 'tick',
    tick: TICK,
    step: (s, e) => {
      if (e.kind === 'tick') {
        s.tick++;
        return true;
      }
      if (!choices(s).some((c) => c.kind === 'pick' && c.name === e.name)) return false;
      s.picks[s.picks.indexOf(0)] = codeOf(e.name);
      return true;
    },
    tickOf: (s) => s.tick,
    adversaryMayAct: (s) => choices(s).length > 0,
    code: (e) => (e.kind === 'tick' ? 0 : codeOf(e.name)),
    event: (code) => (code === 0 ? TICK : pick(NAMES[code - 1]!)),
    // The clock leads the vector, outside a state's identity; it is in the identity too, since the
    // picks depend on it (waiting changes what may come next).
    encodedLength: 5,
    encode: (s, out) => {
      out[0] = s.tick;
      out[1] = s.tick;
      s.picks.forEach((p, i) => (out[i + 2] = p));
      return 5;
    },
    decode: (v, from, into) => {
      into.tick = v[from]!;
      into.picks = [v[from + 2]!, v[from + 3]!, v[from + 4]!];
    },
  };
  const property = invariantOf(model, broken, (s) => `broken after ${path(s).split('').join(', ')}`);
  return { model, property };
}

/** For the pool's workers: `{ module: import.meta.url of this file, subject: null }`. */
export function searchSubjectOf(_spec: unknown): SearchSubject<ChainState, ChainEvent> {
  return chainSubject();
}

/**
 * The exhaustive engine: breadth-first search over every event sequence (of the kinds a suite
 * allows) from `init`, deduplicated by canonical fingerprint, level by level, so the first violation
 * found is a shortest one. Invariants are checked in every reachable state. Bounded liveness is
 * checked from every reachable state as the start of the heal phase: since the heal phase is ticks
 * only and the model is deterministic, each state has exactly one continuation of H ticks, and the
 * property must hold along it. Hitting the state or memory bound ends the search as `bound-reached`,
 * never as `holds`; exhausting the depth bound is `holds-within-bound` for every sequence that long.
 */
import { cloneState, enabled, init, stepOwned, type Counters, type Event, type Model, type State } from '../model/index.ts';
import { checkRun, type Bounds, type Property, type Violation } from '../properties/index.ts';
import { fingerprint } from './fingerprint.ts';

export type ExhaustiveVerdict = 'violated' | 'holds-within-bound' | 'bound-reached';

export interface ExhaustiveOptions {
  /** Most events in a sequence. */
  maxDepth: number;
  /** Most distinct states kept. */
  maxStates: number;
  /** Heap the search may use, in bytes. */
  maxMemoryBytes: number;
  symmetry: boolean;
  /** Event kinds the adversary may use besides tick (default: all). */
  kinds?: readonly string[];
  onProgress?: (stats: ExhaustiveStats) => void;
}

export interface ExhaustiveStats {
  states: number;
  transitions: number;
  /** Deepest level fully explored. */
  depth: number;
  ms: number;
}

export interface ExhaustiveResult extends ExhaustiveStats {
  verdict: ExhaustiveVerdict;
  /** Which bound stopped the search, or `complete` when no new state was left to explore. */
  stoppedBy: 'violation' | 'depth' | 'states' | 'memory' | 'complete';
  statesPerSecond: number;
  heapBytes: number;
  counterexample: { events: Event[]; violation: Violation } | null;
}

/** The counters each property reads: the rest is history and left out of fingerprints. */
const RELEVANT: Record<string, (keyof Counters)[]> = {
  'no-client-crash': ['crashes'],
  'no-cascade': ['overloadShutdowns', 'crashLosses', 'faultLosses'],
  'bounded-login-load': ['attempts'],
};

/** One explored state: the parent (index in the previous level) and the event that led here. */
interface Link {
  parent: number;
  event: Event | null;
}

export function searchExhaustive(model: Model, property: Property, bounds: Bounds, options: ExhaustiveOptions): ExhaustiveResult {
  const started = performance.now();
  const fp = { symmetry: options.symmetry, counters: RELEVANT[property.id] ?? [] };
  const allowed = new Set(['tick', ...(options.kinds ?? ['crash', 'reboot', 'massReboot', 'degradeOfflineMessages', 'goOnline', 'goOffline', 'addMegaSupernodes'])]);
  const seen = new Set<number>();
  // States are not kept: each level keeps links only, and a state is rebuilt by replaying its path.
  const levels: Link[][] = [[{ parent: -1, event: null }]];
  let transitions = 0;
  let depth = 0;
  const stats = (): ExhaustiveStats => ({ states: seen.size, transitions, depth, ms: performance.now() - started });
  const finish = (verdict: ExhaustiveVerdict, stoppedBy: ExhaustiveResult['stoppedBy'], counterexample: ExhaustiveResult['counterexample']): ExhaustiveResult => {
    const s = stats();
    return { ...s, verdict, stoppedBy, statesPerSecond: s.ms > 0 ? (s.states / s.ms) * 1000 : 0, heapBytes: process.memoryUsage().heapUsed, counterexample };
  };
  const pathTo = (level: number, index: number): Event[] => {
    const events: Event[] = [];
    for (let l = level; l > 0; l--) {
      const link = levels[l]![index]!;
      events.push(link.event!);
      index = link.parent;
    }
    return events.reverse();
  };
  const rebuild = (level: number, index: number): State => {
    const state = init(model);
    for (const event of pathTo(level, index)) stepOwned(state, model, event);
    return state;
  };
  /** A violation in this state (an invariant) or from it (the heal phase), as events that replay it. */
  const judge = (state: State, level: number, index: number): ExhaustiveResult['counterexample'] => {
    if (property.kind === 'always') {
      const message = property.check(state, model, bounds);
      return message === null ? null : { events: pathTo(level, index), violation: { step: level - 1, message } };
    }
    const outcome = checkRun(model, property, bounds, [], state);
    if (!outcome.violation) return null;
    const events = pathTo(level, index);
    return { events, violation: { step: events.length + outcome.violation.step, message: outcome.violation.message } };
  };

  const root = init(model);
  seen.add(fingerprint(root, model, fp));
  const rootViolation = judge(root, 0, 0);
  if (rootViolation) return finish('violated', 'violation', rootViolation);
  let checks = 0;
  for (;;) {
    if (depth >= options.maxDepth) return finish('holds-within-bound', 'depth', null);
    const frontier = levels[depth]!;
    const next: Link[] = [];
    levels.push(next);
    for (let i = 0; i < frontier.length; i++) {
      const parent = depth === 0 ? root : rebuild(depth, i);
      for (const event of enabled(parent, model)) {
        if (!allowed.has(event.kind)) continue;
        const state = cloneState(parent);
        if (!stepOwned(state, model, event)) continue;
        transitions++;
        const key = fingerprint(state, model, fp);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ parent: i, event });
        const violation = judge(state, depth + 1, next.length - 1);
        if (violation) {
          depth++;
          return finish('violated', 'violation', violation);
        }
        if (seen.size >= options.maxStates) return finish('bound-reached', 'states', null);
        if (++checks % 4096 === 0) {
          if (process.memoryUsage().heapUsed > options.maxMemoryBytes) return finish('bound-reached', 'memory', null);
          options.onProgress?.(stats());
        }
      }
    }
    if (next.length === 0) break;
    depth++;
  }
  return finish('holds-within-bound', 'complete', null);
}

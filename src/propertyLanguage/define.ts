/**
 * `defineProperty`: the property language for users, in three forms that the engines already
 * understand. `always` is an invariant of each state; `never ... forMoreThan N` watches a window (a
 * bad condition may hold for at most N ticks in a row: a bounded temporal operator, kept as a
 * `History` so that the exhaustive engine stays exact); `eventually ... within H` is bounded liveness
 * after the last fault. A user's function that throws is reported as one line naming the property.
 */
import { init, metrics, smallConfig, type Counters, type Model, type State } from '../model/index.ts';
import { variant } from '../model/variant.ts';
import type { AlwaysProperty, Bounds, EventuallyProperty, Property } from './property.ts';
import { enterUserCall, leaveUserCall, registerUserFunction } from '../io/userCallWatch.ts';

/** A property or suite definition that cannot be used: one line, naming the field. */
export class DefinitionError extends Error {}

/** The most ticks a window or a liveness bound may span (as a counterexample file's heal phase). */
export const MAX_WINDOW_TICKS = 1_000;

interface Common {
  /** Stable id: lower-case letters, digits and hyphens; also the counterexample's file name. */
  id: string;
  /** The property in one sentence, for the report. */
  summary: string;
  /** Running counters the property reads (default: all of them; naming fewer makes exhaustive search faster). */
  reads?: readonly (keyof Counters)[];
}

export interface AlwaysSpec extends Common {
  /** A sentence describing the violation in `state`, or null when it is fine. */
  always: (state: State, model: Model, bounds: Bounds) => string | null;
  /**
   * Whether a state shows the property was put to the test (default: a fault was injected). A run
   * that never shows it does not count as evidence: a property no run put to the test is `vacuous`.
   */
  triggered?: (state: State, model: Model) => boolean;
}

export interface WindowSpec extends Common {
  /** The condition that may not last: sampled after every tick. */
  never: (state: State, model: Model) => boolean;
  /** Ticks in a row the condition may hold; one more is a violation. */
  forMoreThan: number;
  /** The violation in words (default: the summary and the window). */
  describe?: (state: State, model: Model) => string;
  /** Whether a state shows the window was put to the test (default: the condition held). */
  triggered?: (state: State, model: Model) => boolean;
}

export interface EventuallySpec extends Common {
  /** The goal: some state of the heal phase after the last fault must meet it. */
  eventually: (state: State) => boolean;
  /** Ticks of heal phase the goal has (default: the suite's heal phase H). */
  within?: number;
  describe?: (state: State) => string;
}

export type PropertySpec = AlwaysSpec | WindowSpec | EventuallySpec;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Every running counter, in the state's order. */
export const COUNTER_NAMES = Object.keys(init({ config: smallConfig, protocol: variant('fixed') }).counters) as (keyof Counters)[];

/** Checks a spec and compiles it to a `Property` the engines run. */
export function defineProperty(spec: PropertySpec): Property {
  if (typeof spec !== 'object' || spec === null)
    throw new DefinitionError('defineProperty: expects an object { id, summary, always | never + forMoreThan | eventually }');
  const id = (spec as { id?: unknown }).id;
  if (typeof id !== 'string' || !ID.test(id))
    throw new DefinitionError(`defineProperty: id must be lower-case letters, digits and hyphens (at most 64), got ${JSON.stringify(id) ?? 'nothing'}`);
  const where = `property '${id}'`;
  if (typeof spec.summary !== 'string' || spec.summary.trim() === '' || spec.summary.length > 500)
    throw new DefinitionError(`${where}: summary must be a sentence of at most 500 characters`);
  const reads = checkReads(spec.reads, where);
  const forms = ['always', 'never', 'eventually'].filter((f) => f in spec);
  if (forms.length !== 1)
    throw new DefinitionError(
      `${where}: give exactly one of always, never (with forMoreThan) or eventually, got ${forms.length === 0 ? 'none' : forms.join(' and ')}`,
    );
  if ('always' in spec) return alwaysProperty(spec, id, reads, where);
  if ('never' in spec) return windowProperty(spec, id, reads, where);
  return eventuallyProperty(spec, id, reads, where);
}

function checkReads(reads: unknown, where: string): readonly (keyof Counters)[] {
  if (reads === undefined) return COUNTER_NAMES;
  if (!Array.isArray(reads)) throw new DefinitionError(`${where}: reads must be a list of counter names`);
  for (const name of reads) {
    if (!(COUNTER_NAMES as unknown[]).includes(name))
      throw new DefinitionError(`${where}: reads: unknown counter ${JSON.stringify(name)}: counters are ${COUNTER_NAMES.join(', ')}`);
  }
  return [...new Set(reads as (keyof Counters)[])];
}

function fn<F>(value: unknown, name: string, where: string): F {
  if (typeof value !== 'function') throw new DefinitionError(`${where}: ${name} must be a function`);
  return guarded(value as (...args: unknown[]) => unknown, name, where) as F;
}

/** A user's predicate: it must answer true or false (1, 'yes' or undefined is a mistake, said so). */
function predicate<A extends unknown[]>(value: unknown, name: string, where: string): (...args: A) => boolean {
  const f = fn<(...args: A) => unknown>(value, name, where);
  return (...args) => {
    const answer = f(...args);
    if (typeof answer !== 'boolean') throw new DefinitionError(`${where}: ${name} must return true or false, got ${answer === null ? 'null' : typeof answer}`);
    return answer;
  };
}

/** A user's function whose exception becomes one line naming the property and the function. */
function guarded(f: (...args: unknown[]) => unknown, name: string, where: string): (...args: unknown[]) => unknown {
  // Watched while it runs, so that one that never returns is stopped with one line (see userCallWatch.ts).
  const id = registerUserFunction(`${where}: ${name}`);
  return (...args) => {
    const outer = enterUserCall(id);
    try {
      return f(...args);
    } catch (error) {
      throw new DefinitionError(`${where}: ${name} threw: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
    } finally {
      leaveUserCall(outer);
    }
  };
}

function ticks(value: unknown, name: string, where: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_WINDOW_TICKS) {
    throw new DefinitionError(
      `${where}: ${name} must be a whole number of ticks from ${min} to ${MAX_WINDOW_TICKS}, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }
  return value;
}

const injected = (state: State): boolean => state.faultsUsed > 0;

function alwaysProperty(spec: AlwaysSpec, id: string, reads: readonly (keyof Counters)[], where: string): AlwaysProperty {
  const check = fn<AlwaysSpec['always']>(spec.always, 'always', where);
  const triggered = spec.triggered === undefined ? injected : predicate<[State, Model]>(spec.triggered, 'triggered', where);
  return {
    kind: 'always',
    id,
    summary: spec.summary,
    reads,
    check: (state, model, bounds) => sentence(check(state, model, bounds), where, 'always'),
    triggered,
  };
}

function windowProperty(spec: WindowSpec, id: string, reads: readonly (keyof Counters)[], where: string): AlwaysProperty {
  const bad = predicate<[State, Model]>(spec.never, 'never', where);
  const triggered = spec.triggered === undefined ? bad : predicate<[State, Model]>(spec.triggered, 'triggered', where);
  const n = ticks(spec.forMoreThan, 'forMoreThan', where, 0);
  const describe = spec.describe === undefined ? null : fn<NonNullable<WindowSpec['describe']>>(spec.describe, 'describe', where);
  return {
    kind: 'always',
    id,
    summary: spec.summary,
    reads,
    // Ticks in a row (sampled after each tick) that the condition held, up to n + 1: a violation.
    history: {
      initial: 0,
      limit: n + 1,
      next: (previous, state, event, model) => (event.kind !== 'tick' ? previous : bad(state, model) ? previous + 1 : 0),
    },
    check: (state, model, _bounds, memory) =>
      memory <= n
        ? null
        : `${describe ? (sentence(describe(state, model), where, 'describe') ?? `the condition '${id}' watches`) : `the condition '${id}' watches`} held for ${n + 1} ticks in a row (at most ${n} allowed)`,
    triggered,
  };
}

function eventuallyProperty(spec: EventuallySpec, id: string, reads: readonly (keyof Counters)[], where: string): EventuallyProperty {
  const goal = predicate<[State]>(spec.eventually, 'eventually', where);
  const within = spec.within === undefined ? null : ticks(spec.within, 'within', where, 1);
  const describe = spec.describe === undefined ? null : fn<NonNullable<EventuallySpec['describe']>>(spec.describe, 'describe', where);
  const met = goal;
  return {
    kind: 'eventually',
    id,
    summary: spec.summary,
    reads,
    healTicks: (bounds) => within ?? bounds.healTicks,
    goal: met,
    monitor(start, _model, bounds) {
      const h = within ?? bounds.healTicks;
      let reached = met(start);
      const disrupted = !reached || start.faultsUsed > 0;
      return {
        observe(state) {
          if (met(state)) reached = true;
          return null;
        },
        finish(state) {
          if (reached) return null;
          const m = metrics(state);
          const detail = describe
            ? sentence(describe(state), where, 'describe')
            : `${m.onlineClients} of ${m.wantOnline} clients online, ${m.liveSupernodes} supernodes serving`;
          return `not met within ${h} ticks after the last fault (${spec.summary}): ${detail}`;
        },
        triggered: () => disrupted,
      };
    },
  };
}

/** A user's sentence: a string (cut to one line of 500 characters) or null. */
function sentence(value: unknown, where: string, name: string): string | null {
  if (value === null || value === undefined || value === false) return null;
  if (typeof value !== 'string') throw new DefinitionError(`${where}: ${name} must return a sentence or null, got ${typeof value}`);
  return value.split('\n')[0]!.slice(0, 500) || 'violated';
}

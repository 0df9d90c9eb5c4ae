/**
 * Shared fast-check arbitraries and helpers for the model tests: events from a config's own alphabet
 * (ticks weighted so the protocol actually runs), junk events that must never apply, and the list of
 * variants every suite covers.
 */
import fc from 'fast-check';
import { simulate } from '../../src/search/simulate.ts';
import {
  BASES,
  EVENT_KINDS,
  FIXES,
  type Config,
  type Event,
  type Metrics,
  type Model,
  type Scale,
  type Scenario,
  type State,
  scenarioEvents,
  variant,
} from '../../src/model/index.ts';

/** Both bases, each base plus each single fix, and `fixed`. */
export const ALL_VARIANTS: string[] = [...BASES, ...BASES.flatMap((base) => FIXES.map((fix) => `${base}+${fix}`)), 'fixed'];

export function modelOf(name: string, config: Config): Model {
  return { config, protocol: variant(name) };
}

/**
 * An event from the config's alphabet: any peer index, the config's parameter sets. `tickWeight` out
 * of `tickWeight + 7` events are ticks.
 */
export function validEvent(config: Config, tickWeight = 6): fc.Arbitrary<Event> {
  const peer = fc.integer({ min: 0, max: config.peers - 1 });
  return fc.oneof(
    { weight: tickWeight, arbitrary: fc.constant<Event>({ kind: 'tick' }) },
    { weight: 1, arbitrary: peer.map((p): Event => ({ kind: 'crash', peer: p })) },
    { weight: 1, arbitrary: peer.map((p): Event => ({ kind: 'reboot', peer: p })) },
    { weight: 1, arbitrary: fc.constantFrom(...config.massRebootPercents).map((percent): Event => ({ kind: 'massReboot', percent })) },
    { weight: 1, arbitrary: fc.constantFrom(...config.degradeLevels).map((level): Event => ({ kind: 'degradeOfflineMessages', level })) },
    { weight: 1, arbitrary: peer.map((p): Event => ({ kind: 'goOnline', peer: p })) },
    { weight: 1, arbitrary: peer.map((p): Event => ({ kind: 'goOffline', peer: p })) },
    { weight: 1, arbitrary: fc.constantFrom(...config.megaCounts).map((count): Event => ({ kind: 'addMegaSupernodes', count })) },
  );
}

const nonInteger = fc.oneof(fc.double({ noInteger: true }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));
const huge = fc.constantFrom(1e9, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE);

/**
 * Events that can never apply, whatever the state: peer indices out of range, negative or not
 * integers, percents and levels out of their range, non-positive or fractional counts, unknown kinds,
 * and known kinds without their parameter.
 */
export function junkEvent(config: Config): fc.Arbitrary<Event> {
  const badPeer = fc.oneof(
    fc.integer({ min: -1_000_000, max: -1 }),
    fc.integer({ min: config.peers, max: 1_000_000_000 }),
    nonInteger,
    huge,
    fc.constantFrom('x', '', 'peer', null, true),
  );
  const badPercent = fc.oneof(fc.integer({ min: -1_000_000, max: 0 }), fc.integer({ min: 101, max: 1_000_000_000 }), nonInteger, huge);
  const badLevel = fc.oneof(fc.integer({ min: -1_000_000, max: 0 }), fc.integer({ min: 9, max: 1_000_000_000 }), nonInteger, huge);
  const badCount = fc.oneof(fc.integer({ min: -1_000_000, max: 0 }), nonInteger);
  const unknownKind = fc.oneof(
    fc.string().filter((s) => !(EVENT_KINDS as readonly string[]).includes(s)),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'TICK', 'Tick', 'tick ', 'crash()', 'addMega'),
  );
  const junk = fc.oneof(
    fc.record({ kind: fc.constantFrom('crash', 'reboot', 'goOnline', 'goOffline'), peer: badPeer }),
    fc.record({ kind: fc.constant('massReboot'), percent: badPercent }),
    fc.record({ kind: fc.constant('degradeOfflineMessages'), level: badLevel }),
    fc.record({ kind: fc.constant('addMegaSupernodes'), count: badCount }),
    fc.record({ kind: unknownKind, peer: fc.integer({ min: 0, max: config.peers - 1 }), percent: fc.integer(), level: fc.integer() }),
    fc.constantFrom('crash', 'reboot', 'massReboot', 'degradeOfflineMessages', 'goOnline', 'goOffline', 'addMegaSupernodes').map((kind) => ({ kind })),
  );
  return junk as unknown as fc.Arbitrary<Event>;
}

/** Events that are valid in shape but may be far outside the config's parameter sets (huge counts). */
export function oddEvent(): fc.Arbitrary<Event> {
  return fc.oneof(
    fc.integer({ min: 1, max: 8 }).map((level): Event => ({ kind: 'degradeOfflineMessages', level })),
    fc.integer({ min: 1, max: 100 }).map((percent): Event => ({ kind: 'massReboot', percent })),
    fc.oneof(fc.integer({ min: 1, max: 1_000 }), huge).map((count): Event => ({ kind: 'addMegaSupernodes', count })),
    fc.constant<Event>({ kind: 'goOnline', peer: -0 }),
  );
}

/** An event tagged with whether it is junk (and so must not apply). */
export interface Tagged {
  event: Event;
  junk: boolean;
}

export function taggedEvent(config: Config): fc.Arbitrary<Tagged> {
  return fc.oneof(
    { weight: 3, arbitrary: validEvent(config).map((event) => ({ event, junk: false })) },
    { weight: 1, arbitrary: junkEvent(config).map((event) => ({ event, junk: true })) },
  );
}

/** A sequence of `n` events or fewer, really of any length up to `n` (fast-check's default size would cap it at 10). */
export function sequence<T>(item: fc.Arbitrary<T>, maxLength: number, minLength = 0): fc.Arbitrary<T[]> {
  return fc.array(item, { minLength, maxLength, size: 'max' });
}

/** A simulation run to its end: the metrics after each tick (warmup included) and the final state. */
export interface Run {
  ticks: Metrics[];
  final: State;
}

export function runScenario(model: Model, scenario: Scenario, scale: Scale): Run {
  const ticks: Metrics[] = [];
  const run = simulate(model, scenarioEvents(scenario, model.config, scale));
  for (let next = run.next(); ; next = run.next()) {
    if (next.done) return { ticks, final: next.value };
    if (next.value.event.kind === 'tick') ticks.push(next.value.metrics);
  }
}

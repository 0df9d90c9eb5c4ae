/**
 * The arbitrary of safety-phase event sequences, with swarm testing: each run first draws which
 * fault and user event kinds it may use (a random subset), then a sequence of at most `maxEvents`
 * events in which ticks dominate. Lengths spread over the whole of 0..maxEvents (fast-check's
 * `size: 'max'`; its default size would keep the median near 5 events, so that late faults were
 * rarely tried). Parameters come from the config's finite sets; fast-check shrinks the sequence by
 * dropping events and lowering peer indices and parameters.
 */
import fc from 'fast-check';
import { ADVERSARY_KINDS, type AdversaryKind, type Config, type Event, type EventKind } from '../model/index.ts';

/** The event kinds a swarm may switch on (tick is always on). */
export const SWARM_KINDS = ADVERSARY_KINDS;

export interface Run {
  /** The swarm: event kinds this run may use besides tick. */
  kinds: EventKind[];
  events: Event[];
}

function eventOf(kind: (typeof SWARM_KINDS)[number], config: Config): fc.Arbitrary<Event> {
  const peer = fc.nat({ max: config.peers - 1 });
  switch (kind) {
    case 'crash':
    case 'reboot':
    case 'goOnline':
    case 'goOffline':
      return peer.map((p) => ({ kind, peer: p }));
    case 'massReboot':
      return fc.constantFrom(...config.massRebootPercents).map((percent) => ({ kind, percent }));
    case 'degradeOfflineMessages':
      return fc.constantFrom(...config.degradeLevels).map((level) => ({ kind, level }));
    case 'addMegaSupernodes':
      return fc.constantFrom(...config.megaCounts).map((count) => ({ kind, count }));
  }
}

/** Runs of at most `maxEvents` safety-phase events, restricted to `allowed` kinds (default: all). */
export function runArbitrary(config: Config, maxEvents: number, allowed: readonly AdversaryKind[] = SWARM_KINDS): fc.Arbitrary<Run> {
  const kinds = SWARM_KINDS.filter((k) => allowed.includes(k));
  return fc.subarray(kinds, { minLength: 0 }).chain((swarm) => {
    const tick = fc.constant<Event>({ kind: 'tick' });
    const others = swarm.map((k) => ({ arbitrary: eventOf(k, config), weight: 1 }));
    const event = others.length === 0 ? tick : fc.oneof({ arbitrary: tick, weight: 3 * others.length }, ...others);
    return fc.array(event, { maxLength: maxEvents, size: 'max' }).map((events) => ({ kinds: [...swarm], events }));
  });
}

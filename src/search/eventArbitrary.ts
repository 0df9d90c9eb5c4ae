/**
 * The protocol's adversary events as fast-check arbitraries, for the random engine's swarm
 * (src/engines/random/runArbitrary.ts): peer indices below the config's peers, parameters from its
 * finite sets, so that fast-check shrinks towards lower peers and parameters.
 */
import fc from 'fast-check';
import { ADVERSARY_KINDS, type Config, type Event } from '../model/index.ts';

/** The event kinds a swarm may switch on (tick is always on), in the order coverage counts them. */
export const SWARM_KINDS = ADVERSARY_KINDS;

/** The events of one adversary kind. */
export function eventOf(kind: (typeof SWARM_KINDS)[number], config: Config): fc.Arbitrary<Event> {
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

/**
 * The adversary's alphabet: what an explorer chooses. Protocol behaviour happens inside `tick`;
 * everything else is a fault, a user action or an operator action. Parameters come from small finite
 * sets (the config's) so that exhaustive search can enumerate them.
 */
export type Event =
  | { kind: 'tick' }
  /** Fault: one peer's client crashes (its supernode, if it hosts one, is lost). */
  | { kind: 'crash'; peer: number }
  /** Fault: one peer's machine reboots. */
  | { kind: 'reboot'; peer: number }
  /** Fault: a share of all machines reboot at once (the 2007 patch-day trigger). */
  | { kind: 'massReboot'; percent: number }
  /** Fault: the offline-message cluster degrades (the 2010 trigger). */
  | { kind: 'degradeOfflineMessages'; level: number }
  /** User action. */
  | { kind: 'goOnline'; peer: number }
  | { kind: 'goOffline'; peer: number }
  /** Operator action (with the mega-supernodes fix). */
  | { kind: 'addMegaSupernodes'; count: number };

export type EventKind = Event['kind'];

export const FAULT_KINDS = ['crash', 'reboot', 'massReboot', 'degradeOfflineMessages'] as const;
export const USER_KINDS = ['goOnline', 'goOffline'] as const;
/** The adversary's alphabet: every event kind but tick. */
export const ADVERSARY_KINDS = [...FAULT_KINDS, ...USER_KINDS, 'addMegaSupernodes'] as const;
/** An event kind the adversary may choose (a suite names these). */
export type AdversaryKind = (typeof ADVERSARY_KINDS)[number];

/** Whether a name is an adversary event kind (suites from files are checked with this). */
export function isAdversaryKind(name: unknown): name is AdversaryKind {
  return typeof name === 'string' && (ADVERSARY_KINDS as readonly string[]).includes(name);
}
export const EVENT_KINDS: readonly EventKind[] = ['tick', ...ADVERSARY_KINDS];

/** Whether an event is a fault (counted against the fault budget). */
export function isFault(event: Event): boolean {
  return (FAULT_KINDS as readonly string[]).includes(event.kind);
}

/** The event in the protocol's own words, e.g. `crash(peer 3)`. */
export function describeEvent(event: Event): string {
  switch (event.kind) {
    case 'tick':
      return 'tick';
    case 'crash':
    case 'reboot':
    case 'goOnline':
    case 'goOffline':
      return `${event.kind}(peer ${event.peer})`;
    case 'massReboot':
      return `massReboot(${event.percent}%)`;
    case 'degradeOfflineMessages':
      return `degradeOfflineMessages(level ${event.level})`;
    case 'addMegaSupernodes':
      return `addMegaSupernodes(${event.count})`;
  }
}

/** An event's parameter: the peer, percent, level or count it names (0 for tick). */
function parameter(event: Event): number {
  switch (event.kind) {
    case 'tick':
      return 0;
    case 'crash':
    case 'reboot':
    case 'goOnline':
    case 'goOffline':
      return event.peer;
    case 'massReboot':
      return event.percent;
    case 'degradeOfflineMessages':
      return event.level;
    case 'addMegaSupernodes':
      return event.count;
  }
}

/** A compact integer for an event (its kind's index, then its parameter), for engines that store paths. */
export function eventCode(event: Event): number {
  return EVENT_KINDS.indexOf(event.kind) * 0x100000 + parameter(event);
}

/** The event an `eventCode` stands for. */
export function eventOfCode(code: number): Event {
  const kind = EVENT_KINDS[Math.floor(code / 0x100000)];
  const value = code % 0x100000;
  switch (kind) {
    case 'tick':
      return { kind };
    case 'crash':
    case 'reboot':
    case 'goOnline':
    case 'goOffline':
      return { kind, peer: value };
    case 'massReboot':
      return { kind, percent: value };
    case 'degradeOfflineMessages':
      return { kind, level: value };
    case 'addMegaSupernodes':
      return { kind, count: value };
    default:
      throw new Error(`no event has code ${code}`);
  }
}

/**
 * The protocol state: plain JSON data only (no classes, Maps or Sets), so that it can be hashed,
 * compared, written to a counterexample file and exported as a trace. Actors refer to each other by
 * array index: a peer's `upstream` and `cache` hold supernode slot indices, a slot's `host` a peer index.
 */

/** Where a peer's client session is. `off` with `wantsOnline` means it starts at `nextAttempt`. */
export type PeerStatus = 'off' | 'connecting' | 'authenticating' | 'online' | 'crashed';

/** The client release a peer runs: `buggy` is the release that crashes on a late offline-message reply. */
export type Release = 'buggy' | 'fixed';

/** A peer is an ordinary client, or the host of a supernode (its user logs in through its own supernode). */
export type Role = 'ordinary' | 'supernode';

/** One user's client. */
export interface Peer {
  status: PeerStatus;
  release: Release;
  /** Supernode slot this peer hosts when promoted; -1 when it is not eligible (no public IP). */
  slot: number;
  role: Role;
  /** Supernode slot it is attached to (authenticating or online), -1 for none. */
  upstream: number;
  /** Host cache: supernode slots it knows, tried in order. */
  cache: number[];
  /** Failed attempts since the last successful login. */
  retries: number;
  /** Tick of the next connect attempt (connecting), start (off) or user restart (crashed). */
  nextAttempt: number;
  /** What the user wants: to be online or not. */
  wantsOnline: boolean;
  /** Authenticated by the login server in the current session. */
  authenticated: boolean;
  /** Tick its pending authentication request was sent, -1 for none. */
  authSentAt: number;
  /** Tick its pending offline-message fetch was sent, -1 for none. */
  fetchSentAt: number;
  /** Tick it next syncs its offline messages while online. */
  nextSync: number;
}

/**
 * A supernode slot. `idle`: not serving (an eligible peer not promoted, or an unused mega slot);
 * `up`: serving; `restarting`: back at `restartAt`; `down`: its host crashed and waits for its user.
 */
export type SupernodeStatus = 'idle' | 'up' | 'restarting' | 'down';

/** A directory and relay hub: hosted by a peer, or a dedicated mega-supernode of the operator. */
export interface Supernode {
  kind: 'peer' | 'mega';
  /** Host peer index; -1 for a mega-supernode. */
  host: number;
  status: SupernodeStatus;
  /** Ordinary clients attached (authenticating or online); its host is not counted. */
  clients: number;
  /** Clients it can hold. */
  capacity: number;
  /** Connect requests it can serve per tick. */
  budget: number;
  /** Consecutive ticks it has been overloaded. */
  overloadedTicks: number;
  /** Tick it serves again while restarting, -1 otherwise. */
  restartAt: number;
  /** Connect requests accepted this tick. */
  accepted: number;
  /** Connect requests rejected cheaply this tick (admission control). */
  rejected: number;
  /** Connect requests received past its budget and left unanswered this tick (no admission control). */
  unanswered: number;
}

/** A request waiting at a server: who sent it and when (to discard stale ones and to judge lateness). */
export interface Request {
  peer: number;
  sentAt: number;
}

/** Running totals: the raw material of the metrics and of the properties. */
export interface Counters {
  /** Peer crashes caused by the protocol (late reply on the buggy release). */
  crashes: number;
  /** Peer crashes injected by a `crash` fault. */
  injectedCrashes: number;
  /** Supernodes that shut themselves down under overload. */
  overloadShutdowns: number;
  /** Supernodes lost directly to injected faults or to their user leaving: what a cascade starts from. */
  faultLosses: number;
  /** Supernodes lost because their host crashed on its own (the protocol's fault, not the adversary's). */
  crashLosses: number;
  /** Connect attempts, all time. */
  attempts: number;
  /** Connect attempts in the last tick. */
  tickAttempts: number;
  /** Authentication requests dropped at the full login queue. */
  authDropped: number;
  /** Offline-message replies that came after the client's deadline. */
  lateReplies: number;
  /** Peers promoted to supernode by self-healing. */
  promotions: number;
  /** Mega-supernodes put into service by the operator. */
  megaAdded: number;
}

/** The whole system at one tick. */
export interface State {
  tick: number;
  /** PRNG state (uint32): protocol randomness such as jitter and host-cache refresh. */
  rng: number;
  peers: Peer[];
  supernodes: Supernode[];
  /** Login server FIFO of authentication requests (bounded by the config). */
  loginQueue: Request[];
  /** Offline-message cluster: its current per-tick capacity, degradation level and FIFO of fetches. */
  offline: { capacity: number; level: number; queue: Request[] };
  /** Faults injected so far, counted against the config's fault budget. */
  faultsUsed: number;
  /** User actions so far, counted against the config's churn budget. */
  userActions: number;
  /** Tick of the last injected fault, -1 for none. */
  lastFaultTick: number;
  /** Consecutive ticks live capacity fell short of demand (the operator's detection clock). */
  shortageTicks: number;
  counters: Counters;
}

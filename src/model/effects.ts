/**
 * Effects: what one step did, in the protocol's own terms (messages sent, accepted, refused, answered
 * late; crashes, shutdowns, promotions). The actions report them, as they happen, to the model's
 * optional recorder, so that narratives, sequence diagrams and trace exports observe the protocol
 * instead of inferring it from state diffs. Recording changes no state (a test proves it), and without
 * a recorder it costs one property check per effect. Peers and supernode slots are array indices, as
 * in the state; every field is an integer, a string or a boolean, so an effect is plain JSON data.
 */

/** Why a client crashed: the late-reply defect of the buggy release, or an injected `crash` fault. */
export type CrashCause = 'lateReply' | 'injected';

export type Effect =
  // Connects: one effect per connect request an ordinary client sends, named by its outcome.
  /** The supernode took the client, which now authenticates through it. */
  | { kind: 'connectAccepted'; peer: number; supernode: number }
  /** Refused cheaply, "try elsewhere, later" (admission control, or a full mega-supernode). */
  | { kind: 'connectRejected'; peer: number; supernode: number }
  /** Left unanswered: the supernode was past its work budget this tick (no admission control). */
  | { kind: 'connectUnanswered'; peer: number; supernode: number }
  /** Sent to a slot that was not serving (restarting, down or idle): no answer. */
  | { kind: 'connectToStoppedSupernode'; peer: number; supernode: number }
  /** A user who watched too many attempts fail quits the client for a while (still wanting to be online). */
  | { kind: 'gaveUp'; peer: number }
  /** A stopped or crashed client whose time has come starts logging in again. */
  | { kind: 'clientRestarted'; peer: number }
  // Login server.
  /** An authentication request queued at the login server, sent through `supernode`. */
  | { kind: 'authSent'; peer: number; supernode: number }
  /** An authentication request dropped at the full login queue. */
  | { kind: 'authDropped'; peer: number }
  /** A client gave up waiting for the login server (it retries). */
  | { kind: 'authTimedOut'; peer: number }
  /** The login server authenticated the client: it is online. */
  | { kind: 'loggedIn'; peer: number }
  // Offline-message cluster.
  /** An offline-message fetch queued at the cluster. */
  | { kind: 'fetchSent'; peer: number }
  /** A fetch dropped at the full cluster queue: no reply, no harm. */
  | { kind: 'fetchDropped'; peer: number }
  | { kind: 'replyOnTime'; peer: number }
  /** A reply past the client's deadline (the buggy release crashes on it unless robust). */
  | { kind: 'replyLate'; peer: number }
  /** The cluster degraded to `level` (a fault): `capacity` fetches answered per tick. */
  | { kind: 'offlineMessagesDegraded'; level: number; capacity: number }
  /** The operator took the degraded servers out, dropping the pending fetches without a reply. */
  | { kind: 'serversTakenOut'; fetchesDropped: number }
  // Crashes and machines.
  | { kind: 'clientCrashed'; peer: number; cause: CrashCause }
  /** The crashed client hosted `supernode`, which is down until its user restarts it; lost if it was serving. */
  | { kind: 'hostCrashed'; peer: number; supernode: number; cause: CrashCause; wasServing: boolean }
  /** A machine rebooted (a `reboot` fault, or one machine of a `massReboot`). */
  | { kind: 'machineRebooted'; peer: number }
  /** The rebooted machine hosted `supernode`, which restarts with it; lost for a while if it was serving. */
  | { kind: 'supernodeRebooted'; supernode: number; wasServing: boolean }
  /** A crashed host's user restarted it: its supernode restarts too. */
  | { kind: 'hostRestarted'; peer: number; supernode: number }
  // Supernodes.
  /** A supernode shut itself down under overload; it serves again after its restart delay. */
  | { kind: 'supernodeShutDown'; supernode: number }
  | { kind: 'supernodeServingAgain'; supernode: number }
  /** Self-healing promoted an online client to host its own supernode. */
  | { kind: 'promoted'; peer: number; supernode: number }
  /** A host stopped serving (its user left, or a reboot demoted it); its slot is promotable again. */
  | { kind: 'demoted'; peer: number; supernode: number; wasServing: boolean }
  /** The operator put a dedicated mega-supernode into service. */
  | { kind: 'megaAdded'; supernode: number }
  /**
   * A client lost its supernode (it stopped serving) and reconnects. A host losing its own supernode
   * is not one: that supernode's own effect tells it, as its `clients` count leaves the host out.
   */
  | { kind: 'clientDetached'; peer: number; supernode: number };

export type EffectKind = Effect['kind'];

/** Receives each effect as a step performs it, in the order the step performs them. */
export type Recorder = (effect: Effect) => void;

/** The kinds that are a connect request's outcome: one of them per connect attempt counted. */
export const CONNECT_KINDS = ['connectAccepted', 'connectRejected', 'connectUnanswered', 'connectToStoppedSupernode'] as const satisfies readonly EffectKind[];

/** The effects of one kind, typed. */
export function effectsOf<K extends EffectKind>(effects: readonly Effect[], kind: K): Extract<Effect, { kind: K }>[] {
  return effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
}

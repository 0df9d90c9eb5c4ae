/**
 * The numbered narrative of a counterexample in the protocol's terms: each event, what it did (told
 * from the effects the model recorded: crashes, supernodes lost, shutdowns, promotions, logins,
 * connects), and the metrics after it.
 */
import { describeEvent, metrics, type Effect, type EffectKind, type Event, type Metrics, type Model } from '../model/index.ts';
import { trace } from './trace.ts';

export interface NarrativeStep {
  /** Position from 0 (events, then heal ticks), as counterexample files count; shown to people as `index + 1`. */
  index: number;
  event: Event;
  /** The event in words, with what it did. */
  text: string;
  metrics: Metrics;
  /** Whether the event applied (a no-op is shown but changed nothing). */
  applied: boolean;
  /** What the step did, as the model recorded it. */
  effects: Effect[];
}

export function narrate(model: Model, events: readonly Event[], healTicks = 0): NarrativeStep[] {
  const steps: NarrativeStep[] = [];
  for (const s of trace(model, events, healTicks)) {
    const changes = s.applied ? describeEffects(s.effects) : ['no effect'];
    const label = s.heal ? `${describeEvent(s.event)} (heal)` : describeEvent(s.event);
    steps.push({
      index: s.index,
      event: s.event,
      text: changes.length > 0 ? `${label}: ${changes.join('; ')}` : label,
      metrics: metrics(s.state),
      applied: s.applied,
      effects: s.effects,
    });
  }
  return steps;
}

/**
 * What a step did, in words: a count per kind of effect, what matters most first. Routine traffic
 * (login requests queued, offline-message fetches and on-time replies) is left out; so are the
 * kinds in `omit`.
 */
export function describeEffects(effects: readonly Effect[], omit: readonly EffectKind[] = []): string[] {
  const tally = new Map<string, number>();
  for (const e of effects) if (!omit.includes(e.kind)) tally.set(key(e), (tally.get(key(e)) ?? 0) + 1);
  const out: string[] = [];
  const say = (k: string, text: (n: number) => string) => {
    const n = tally.get(k) ?? 0;
    if (n > 0) out.push(text(n));
  };
  say('machineRebooted', (n) => `${plural(n, 'machine')} rebooted`);
  say('clientCrashed:lateReply', (n) => `${plural(n, 'client')} crashed on a late offline-message reply`);
  say('clientCrashed:injected', (n) => `${plural(n, 'client')} crashed (injected)`);
  say('hostCrashed:serving', (n) => `${plural(n, 'supernode')} lost with ${their(n, 'crashed host')}`);
  say('hostCrashed', (n) => `${plural(n, 'restarting supernode')} down with ${their(n, 'crashed host')}`);
  say('supernodeRebooted', (n) => `${plural(n, 'supernode')} restarting with ${their(n, 'machine')}`);
  say('demoted', (n) => `${plural(n, 'supernode host')} stopped serving`);
  say('supernodeShutDown', (n) => `${plural(n, 'supernode')} shut down under overload`);
  say('clientDetached', (n) => `${plural(n, 'client')} lost ${n === 1 ? 'its' : 'their'} supernode`);
  say('promoted', (n) => `${plural(n, 'client')} promoted to supernode`);
  say('megaAdded', (n) => `${plural(n, 'mega-supernode')} added by the operator`);
  for (const e of effects)
    if (e.kind === 'offlineMessagesDegraded' && !omit.includes(e.kind))
      out.push(`offline-message servers degraded to level ${e.level} (${plural(e.capacity, 'reply', 'replies')} a tick)`);
  for (const e of effects)
    if (e.kind === 'serversTakenOut' && !omit.includes(e.kind))
      out.push(`degraded offline-message servers taken out (${plural(e.fetchesDropped, 'pending fetch', 'pending fetches')} dropped)`);
  say('replyLate', (n) => plural(n, 'late offline-message reply', 'late offline-message replies'));
  say('authDropped', (n) => `${plural(n, 'login request')} dropped at the full login queue`);
  say('authTimedOut', (n) => `${plural(n, 'client')} gave up waiting for the login server`);
  say('gaveUp', (n) => `${plural(n, 'user')} gave up and quit for a while`);
  say('supernodeServingAgain', (n) => `${plural(n, 'supernode')} serving again`);
  say('hostRestarted', (n) => `${plural(n, 'crashed host')} restarted, ${their(n, 'supernode')} restarting`);
  say('clientRestarted', (n) => `${plural(n, 'client')} started logging in`);
  say('loggedIn', (n) => `${plural(n, 'client')} logged in`);
  const connects = connectAttempts(tally);
  if (connects) out.push(connects);
  return out;
}

/** `5 connect attempts (2 accepted, 3 rejected)`, `1 connect attempt (accepted)`, or '' for none. */
function connectAttempts(tally: Map<string, number>): string {
  const outcomes = [
    ['connectAccepted', 'accepted'],
    ['connectRejected', 'rejected'],
    ['connectUnanswered', 'unanswered'],
    ['connectToStoppedSupernode', 'to a stopped supernode', 'to stopped supernodes'],
  ]
    .map(([kind, one, many]) => ({ n: tally.get(kind!) ?? 0, one: one!, many: many ?? one! }))
    .filter((o) => o.n > 0);
  const total = outcomes.reduce((sum, o) => sum + o.n, 0);
  if (total === 0) return '';
  const only = outcomes.length === 1 ? outcomes[0]! : null;
  const how = only ? (total === 1 ? only.one : `all ${only.many}`) : outcomes.map((o) => `${o.n} ${o.n === 1 ? o.one : o.many}`).join(', ');
  return `${plural(total, 'connect attempt')} (${how})`;
}

/** The tally key: the kind, with the cause of a crash and whether a lost supernode was serving. */
function key(e: Effect): string {
  if (e.kind === 'clientCrashed') return `${e.kind}:${e.cause}`;
  if (e.kind === 'hostCrashed' && e.wasServing) return `${e.kind}:serving`;
  return e.kind;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `its host` or `their hosts`. */
function their(n: number, noun: string): string {
  return n === 1 ? `its ${noun}` : `their ${noun}s`;
}

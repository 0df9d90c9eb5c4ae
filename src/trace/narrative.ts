/**
 * The numbered narrative of a counterexample in the protocol's terms: each event, what it changed
 * (crashes, supernodes lost, shutdowns, promotions, logins), and the metrics after it.
 */
import { cloneState, describeEvent, init, metrics, stepOwned, type Event, type Metrics, type Model, type State } from '../model/index.ts';

export interface NarrativeStep {
  index: number;
  event: Event;
  /** The event in words, with what it changed. */
  text: string;
  metrics: Metrics;
  /** Whether the event applied (a no-op is shown but changed nothing). */
  applied: boolean;
}

export function narrate(model: Model, events: readonly Event[], healTicks = 0): NarrativeStep[] {
  const state = init(model);
  const steps: NarrativeStep[] = [];
  const all = [...events, ...Array.from({ length: healTicks }, (): Event => ({ kind: 'tick' }))];
  for (let index = 0; index < all.length; index++) {
    const before = cloneState(state);
    const event = all[index]!;
    const applied = stepOwned(state, model, event);
    const changes = applied ? describeChanges(before, state) : ['no effect'];
    const label = index >= events.length ? `${describeEvent(event)} (heal)` : describeEvent(event);
    steps.push({ index, event, text: changes.length > 0 ? `${label}: ${changes.join('; ')}` : label, metrics: metrics(state), applied });
  }
  return steps;
}

/** What changed between two states, in protocol terms. */
export function describeChanges(before: State, after: State): string[] {
  const out: string[] = [];
  const c0 = before.counters;
  const c1 = after.counters;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (c1.crashes > c0.crashes) out.push(`${plural(c1.crashes - c0.crashes, 'client')} crashed on a late offline-message reply`);
  if (c1.injectedCrashes > c0.injectedCrashes) out.push(`${plural(c1.injectedCrashes - c0.injectedCrashes, 'client')} crashed (injected)`);
  if (c1.crashLosses > c0.crashLosses) out.push(`${plural(c1.crashLosses - c0.crashLosses, 'supernode')} lost with its crashed host`);
  if (c1.faultLosses > c0.faultLosses) out.push(`${plural(c1.faultLosses - c0.faultLosses, 'supernode')} lost to the fault`);
  if (c1.overloadShutdowns > c0.overloadShutdowns) out.push(`${plural(c1.overloadShutdowns - c0.overloadShutdowns, 'supernode')} shut down under overload`);
  if (c1.promotions > c0.promotions) out.push(`${plural(c1.promotions - c0.promotions, 'client')} promoted to supernode`);
  if (c1.megaAdded > c0.megaAdded) out.push(`${plural(c1.megaAdded - c0.megaAdded, 'mega-supernode')} added by the operator`);
  if (c1.lateReplies > c0.lateReplies) out.push(`${plural(c1.lateReplies - c0.lateReplies, 'late offline-message reply', )}`);
  if (c1.authDropped > c0.authDropped) out.push(`${plural(c1.authDropped - c0.authDropped, 'login request')} dropped at the full login queue`);
  const restarted = after.supernodes.filter((sn, s) => sn.status === 'up' && before.supernodes[s]!.status === 'restarting').length;
  if (restarted > 0) out.push(`${plural(restarted, 'supernode')} serving again`);
  let loggedIn = 0;
  let lost = 0;
  for (let p = 0; p < after.peers.length; p++) {
    const was = before.peers[p]!.status === 'online';
    const is = after.peers[p]!.status === 'online';
    if (!was && is) loggedIn++;
    if (was && !is) lost++;
  }
  if (loggedIn > 0) out.push(`${plural(loggedIn, 'client')} logged in`);
  if (lost > 0) out.push(`${plural(lost, 'client')} went offline`);
  if (c1.tickAttempts > 0 && after.tick !== before.tick) out.push(`${plural(c1.tickAttempts, 'connect attempt')}`);
  return out;
}

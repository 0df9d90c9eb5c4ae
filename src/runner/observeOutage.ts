/**
 * One outage run at population scale, observed as the public record was: shares of users and of
 * supernodes, traffic against its normal level per hour, and when the online share crossed the
 * record's recovery levels. The rules are the model's; this only watches the states go by.
 */
import type { OutageObservation, OutageSample } from '../results/fidelity.ts';
import { clientMessages, init, lookup, SCENARIOS, scenarioEvents, stepOwned, supernodeMessages, type Model } from '../model/index.ts';

export type { OutageObservation, OutageSample } from '../results/fidelity.ts';

export const RECOVERY_LEVELS = [0.3, 0.6, 0.8, 0.9] as const;
const SAMPLE_MINUTES = 10;

/** Runs `scenario` for `hours` after its trigger and observes it. */
export function observeOutage(model: Model, scenario: string, hours: number, options: { stopAfterRecovery?: boolean } = {}): OutageObservation {
  const { config } = model;
  const perHour = Math.max(1, Math.round(3600 / config.tickSeconds));
  const perSample = Math.max(1, Math.round((SAMPLE_MINUTES * 60) / config.tickSeconds));
  const events = scenarioEvents(lookup(SCENARIOS, scenario)!, config, 'population', hours * perHour);
  const triggerAt = events.findIndex((e) => e.kind !== 'tick');
  const state = init(model);
  const { peers, supernodes } = state;
  const crashed = new Uint8Array(config.peers);
  const lastRetries = new Int32Array(config.peers);
  const hourAttempts = new Int32Array(config.peers);
  const lost = new Uint8Array(config.eligible);
  const servingAtTrigger = new Uint8Array(config.eligible);
  let buggyWanting = 0;
  let normalTraffic = 0,
    normalSignalling = 0,
    normalContacts = 0,
    warmup = 0;
  const hour = { messages: 0, live: 0, signalling: 0, contacts: 0, clientTicks: 0, ticks: 0 };
  let peakTraffic = 0,
    peakSignalling = 0,
    peakContacts = 0;
  let lowestAfter = 1,
    hourShare = 0;
  const online: number[] = [];
  const samples: OutageSample[] = [];
  for (let index = 0; index < events.length; index++) {
    stepOwned(state, model, events[index]!);
    const t = index - triggerAt;
    // One pass over the peers: who is online, who wants to be, crashes, connect attempts per peer.
    let onlineClients = 0,
      wantOnline = 0;
    for (let p = 0; p < peers.length; p++) {
      const peer = peers[p]!;
      if (peer.role === 'ordinary') {
        if (peer.wantsOnline) wantOnline++;
        if (peer.status === 'online') onlineClients++;
      }
      if (t <= 0) continue;
      if (peer.status === 'crashed' && peer.release === 'buggy') crashed[p] = 1;
      const retries = peer.retries;
      hourAttempts[p] += retries >= lastRetries[p]! ? retries - lastRetries[p]! : retries;
      lastRetries[p] = retries;
    }
    if (t > 0) for (let s = 0; s < config.eligible; s++) if (supernodes[s]!.status === 'down' && servingAtTrigger[s]) lost[s] = 1;
    const { messages, live } = supernodeMessages(state, config.tickSeconds);
    const share = wantOnline === 0 ? 1 : onlineClients / wantOnline;
    const sent = clientMessages(onlineClients, state.counters.tickAttempts, config.tickSeconds);
    if (t < 0) {
      normalTraffic += messages / Math.max(1, live);
      normalSignalling += sent;
      normalContacts += (onlineClients * config.tickSeconds) / 3600 / Math.max(1, wantOnline);
      warmup++;
      continue;
    }
    if (t === 0) {
      for (let s = 0; s < config.eligible; s++) servingAtTrigger[s] = supernodes[s]!.status === 'up' ? 1 : 0;
      for (const peer of peers) if (peer.release === 'buggy' && peer.wantsOnline) buggyWanting++;
      samples.push({ hours: 0, onlineShare: share, liveSupernodes: live, supernodeTraffic: 1 });
      continue;
    }
    hour.messages += messages;
    hour.live += live;
    hour.signalling += sent;
    hour.contacts += (onlineClients * config.tickSeconds) / 3600;
    hour.clientTicks += wantOnline;
    hour.ticks++;
    hourShare += share;
    if (t > perHour) lowestAfter = Math.min(lowestAfter, share);
    const traffic = hour.messages / Math.max(1, hour.live) / Math.max(1e-9, normalTraffic / warmup);
    if (t % perSample === 0) samples.push({ hours: t / perHour, onlineShare: share, liveSupernodes: live, supernodeTraffic: traffic });
    if (t % perHour === 0) {
      for (let p = 0; p < peers.length; p++) hour.contacts += Math.min(hourAttempts[p]!, config.hostCacheSize);
      hourAttempts.fill(0);
      online[t / perHour] = hourShare / perHour;
      hourShare = 0;
      peakTraffic = Math.max(peakTraffic, traffic);
      peakSignalling = Math.max(peakSignalling, hour.signalling / hour.ticks / Math.max(1e-9, normalSignalling / warmup));
      peakContacts = Math.max(peakContacts, hour.contacts / Math.max(1, hour.clientTicks) / Math.max(1e-9, normalContacts / warmup));
      Object.assign(hour, { messages: 0, live: 0, signalling: 0, contacts: 0, clientTicks: 0, ticks: 0 });
      if (options.stopAfterRecovery && t >= 3 * perHour && recovered(online)) break;
    }
  }
  const shutdowns = state.counters.overloadShutdowns;
  online[0] = samples[0]?.onlineShare ?? 1;
  let lowestHour = 0;
  for (let h = 1; h < online.length; h++) if (online[h]! < online[lowestHour]!) lowestHour = h;
  const recoveryHours = RECOVERY_LEVELS.map((level) => {
    for (let h = lowestHour; h < online.length; h++) if (online[h]! >= level) return h;
    return null;
  });
  const serving = sum(servingAtTrigger);
  return {
    scenario,
    variant: model.protocol.name,
    seed: config.seed,
    hours: online.length - 1,
    crashedBuggyShare: sum(crashed) / Math.max(1, buggyWanting),
    supernodesLostToCrashShare: sum(lost) / Math.max(1, serving),
    peakSupernodeTraffic: peakTraffic,
    peakSignalling,
    peakPeersContacted: peakContacts,
    lowestOnlineShare: online[lowestHour]!,
    lowestOnlineAfterFirstHour: lowestAfter,
    onlineAtHour: online,
    recoveryHours,
    overloadShutdowns: shutdowns,
    supernodes: serving,
    samples,
  };
}

/** Whether the hourly share, after its lowest hour so far, has reached the last recovery level. */
function recovered(online: number[]): boolean {
  let lowest = 1;
  for (let h = 1; h < online.length; h++) if (online[h]! < online[lowest]!) lowest = h;
  for (let h = lowest; h < online.length; h++) if (online[h]! >= RECOVERY_LEVELS[RECOVERY_LEVELS.length - 1]) return true;
  return false;
}

function sum(flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i]!;
  return n;
}

/**
 * Signalling: the messages the protocol exchanges, counted from a state so that traffic can be set
 * against its normal level. The rules do not read these weights; only the measurements do.
 *  - An online client exchanges one signalling message with its supernode every
 *    `SIGNALLING_SECONDS` (keep-alives, presence, lookups): the steady-state load.
 *  - A connect attempt is `CONNECT_MESSAGES` messages to one peer: the measured login sequence
 *    tries UDP, then TCP, then TCP on ports 80 and 443 (DOMAIN.md, Retries).
 */
import type { State } from './state.ts';

export const SIGNALLING_SECONDS = 60;
export const CONNECT_MESSAGES = 4;

/** Messages that reached serving supernodes in the last tick, and how many supernodes served. */
export function supernodeMessages(state: State, tickSeconds: number): { messages: number; live: number } {
  const perClient = tickSeconds / SIGNALLING_SECONDS;
  let messages = 0;
  let live = 0;
  for (const sn of state.supernodes) {
    if (sn.status !== 'up') continue;
    live++;
    messages += sn.clients * perClient + (sn.accepted + sn.rejected + sn.unanswered) * CONNECT_MESSAGES;
  }
  return { messages, live };
}

/** Signalling messages all clients sent in the last tick: keep-alives of the online, every connect attempt. */
export function clientMessages(onlineClients: number, connectAttempts: number, tickSeconds: number): number {
  return (onlineClients * tickSeconds) / SIGNALLING_SECONDS + connectAttempts * CONNECT_MESSAGES;
}

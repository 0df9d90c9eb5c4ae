/**
 * When a client tries again: the 2007 fixed schedule (one quick round through the host cache, then
 * a fixed pause), the 2010 immediate reconnect, or capped exponential backoff with full jitter; with
 * a retry budget, a long pause after every `retryBudget` failed attempts.
 */
import type { Model } from '../model.ts';
import { randomInt } from '../random.ts';
import type { State } from '../state.ts';

/** Ticks until the next attempt after `retries` failed ones (at least 1). */
export function retryDelay(state: State, model: Model, retries: number, cacheSize: number): number {
  const { config, protocol } = model;
  if (protocol.retryBudget && retries > 0 && retries % config.retryBudget === 0) {
    const pause = config.retryBudgetPause;
    return protocol.retry === 'backoff-jitter' ? pause - randomInt(state, Math.ceil(pause / 2)) : pause;
  }
  switch (protocol.retry) {
    case 'immediate':
      return config.reconnectInterval;
    case 'fixed-interval':
      return retries > 0 && retries % cacheSize === 0 ? config.retryInterval : 1;
    case 'backoff-jitter':
      return 1 + randomInt(state, Math.min(config.backoffCap, config.backoffBase * 2 ** Math.min(retries, 30)));
  }
}

/** Ticks until a client that lost its session tries again: the first step of its retry schedule. */
export function reconnectDelay(state: State, model: Model): number {
  return retryDelay(state, model, 0, 1);
}

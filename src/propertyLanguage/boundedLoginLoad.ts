/**
 * bounded-login-load (always): the login queue and the retry amplification (connect attempts over
 * the whole run per client that wants to be online) stay under the suite's bounds.
 */
import { metrics } from '../model/metrics.ts';
import type { AlwaysProperty } from './property.ts';

export const boundedLoginLoad: AlwaysProperty = {
  kind: 'always',
  id: 'bounded-login-load',
  summary: 'the login queue, and connect attempts over the run per client that wants to be online, stay under their bounds',
  reads: ['attempts'],
  check: (state, _model, bounds) => {
    if (state.loginQueue.length > bounds.loginQueue) return `login queue holds ${state.loginQueue.length} requests, over the bound of ${bounds.loginQueue}`;
    const m = metrics(state);
    if (m.amplification > bounds.amplification) {
      return `${state.counters.attempts} connect attempts for ${m.wantOnline} clients (${m.amplification.toFixed(2)} per client), over the bound of ${bounds.amplification}`;
    }
    return null;
  },
  /** Exercised when more than one client tried to connect in the same tick (a login surge). */
  triggered: (state) => state.counters.tickAttempts > 1,
};

/** no-client-crash (always): no peer crashes except by an injected `crash` fault. */
import type { AlwaysProperty } from './property.ts';

export const noClientCrash: AlwaysProperty = {
  kind: 'always',
  id: 'no-client-crash',
  summary: 'no peer crashes except by an injected crash fault',
  reads: ['crashes'],
  check: (state) =>
    state.counters.crashes > 0 ? `a client crashed on its own (${state.counters.crashes} crash${state.counters.crashes > 1 ? 'es' : ''} not injected)` : null,
  /** Exercised when a late offline-message reply reached a client. */
  triggered: (state) => state.counters.lateReplies > 0,
};

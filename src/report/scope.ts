/**
 * A search's scope in words: "3 supernodes, 8 clients (7 online at start), at most 2 faults and 2
 * user actions (the suite's reason)", or with the parameters set over the suite's scope.
 */
import type { SearchScope } from '../results/results.ts';

export function describeScope(s: SearchScope): string {
  const users = s.churnBudget === null ? '' : ` and ${s.churnBudget} user action${s.churnBudget === 1 ? '' : 's'}`;
  const why =
    s.parameters !== null
      ? ` (the suite's ${s.full ? 'full exhaustive tier' : 'exhaustive scope'} with ${s.parameters})`
      : s.reason !== null
        ? ` (${s.reason})`
        : '';
  return `${s.supernodes} supernodes, ${s.clients} clients (${s.onlineAtStart} online at start), at most ${s.faultBudget} fault${s.faultBudget === 1 ? '' : 's'}${users}${why}`;
}

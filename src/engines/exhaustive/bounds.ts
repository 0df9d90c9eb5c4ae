/**
 * A search's bounds: the one definition of what a search may cover and hold. The runner resolves a
 * pair's bounds once (from its suite, the budget and the flags) and hands them down unchanged: to the
 * search in this thread, to the coordinator and, as plain data, to every worker's share of a level.
 * `K` is the adversary's event kinds as the subject names them (the protocol's `AdversaryKind`).
 */
export interface SearchBounds<K extends string = string> {
  /** T: the last tick at which the adversary may act. */
  horizon: number;
  /** Most distinct states. */
  maxStates: number;
  /** Bytes the search's stores (seen-set, links, frontier) may hold. */
  maxMemoryBytes: number;
  /** Event kinds the adversary may use besides tick (default: all); the subject's adapter applies them. */
  kinds?: readonly K[];
  /** The reductions (deterministic tails, goal history along tails); default on. */
  reductions?: boolean;
  /**
   * Swarm shard `index` of `count` (1-based): only the sequences whose first adversary event falls
   * to this shard (`swarmShardOf`); the shards together cover every sequence exactly once.
   */
  swarm?: { index: number; count: number };
  /**
   * Keep every state stored (its memory, then its JSON), returned as `keptStates`: for the tests
   * that compare the engine's state set with an exact reference search. Costly; never on in use.
   */
  keepStates?: boolean;
}

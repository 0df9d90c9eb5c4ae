/**
 * The protocol's own PRNG (mulberry32), carried in the state as one uint32 so that jitter and
 * host-cache choices are part of the deterministic step, never of the adversary or the clock.
 */
import type { State } from './state.ts';

/** Advances `state.rng` and returns a uniform float in [0, 1). Mutates the (draft) state. */
export function nextRandom(state: State): number {
  const s = (state.rng + 0x6d2b79f5) >>> 0;
  state.rng = s;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A uniform integer in [0, n). */
export function randomInt(state: State, n: number): number {
  return Math.floor(nextRandom(state) * n);
}

/** The initial PRNG state for a seed: a fixed mix so that nearby seeds diverge at once. */
export function seedRandom(seed: number): number {
  return Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
}

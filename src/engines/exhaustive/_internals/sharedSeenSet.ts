/**
 * The seen-set of a parallel search, shared by every worker through one SharedArrayBuffer: the same
 * open addressing (and `home` slot) as `SeenSet` (64-bit fingerprints and the earliest tick, linear probing), made
 * safe for concurrent inserts without locks. A slot's tick word is claimed first (compare-and-swap
 * from EMPTY to BUSY), the fingerprint written, then the tick published with an atomic store; a
 * reader that meets BUSY waits for the publication, and a tick is lowered with compare-and-swap.
 * The table does not grow while workers insert: the coordinating thread doubles it between steps
 * (`grown`), and workers pause at a safe point when it is nearly full (`full`).
 */

import { home } from './seenSet.ts';

const EMPTY = -1;
const BUSY = -2;
const WORDS = 3;
/** Header words: [distinct fingerprints]. */
const HEADER = 2;
/** New entries a worker counts locally before adding them to the shared count (one contended write per batch, not per state). */
const BATCH = 256;

export class SharedSeenSet {
  private readonly slots: Int32Array;
  private readonly header: Int32Array;
  private readonly mask: number;
  /** Entries this worker added that the shared count does not hold yet. */
  private pending = 0;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, HEADER);
    this.slots = new Int32Array(buffer, HEADER * 4);
    this.mask = this.slots.length / WORDS - 1;
  }

  /** An empty table of `capacity` slots (a power of two). */
  static create(capacity: number): SharedSeenSet {
    const set = new SharedSeenSet(new SharedArrayBuffer(HEADER * 4 + capacity * WORDS * 4));
    for (let at = 0; at < set.slots.length; at += WORDS) set.slots[at] = EMPTY;
    return set;
  }

  /** Distinct fingerprints held: all workers' counted ones and this worker's uncounted ones (exact once every worker has flushed). */
  get size(): number {
    return Atomics.load(this.header, 0) + this.pending;
  }

  /** Adds this worker's uncounted entries to the shared count. */
  flush(): void {
    if (this.pending > 0) Atomics.add(this.header, 0, this.pending);
    this.pending = 0;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  get bytes(): number {
    return this.buffer.byteLength;
  }

  /** Whether inserts must pause for the table to grow (85% full: probes stay short, and a state's successors still fit). */
  get full(): boolean {
    return this.size * 20 > this.capacity * 17;
  }

  /** Whether the table should grow before the next step (60% full, as `SeenSet` nearly grows at 70%: a level rarely adds the other 25%). */
  get crowded(): boolean {
    return this.size * 5 > this.capacity * 3;
  }

  /** As `SeenSet.visit`: 1 new, 2 seen only at a later tick (now lowered), 0 seen at this tick or earlier. */
  visit(hi: number, lo: number, tick: number): 0 | 1 | 2 {
    const slots = this.slots;
    const h = hi | 0;
    const l = lo | 0;
    let at = home(hi, lo, this.mask);
    for (;;) {
      const t = Atomics.load(slots, at);
      if (t === EMPTY) {
        if (Atomics.compareExchange(slots, at, EMPTY, BUSY) !== EMPTY) continue; // another worker took it: look again
        slots[at + 1] = h;
        slots[at + 2] = l;
        Atomics.store(slots, at, tick);
        if (++this.pending === BATCH) this.flush();
        return 1;
      }
      if (t === BUSY) continue; // being written: wait for its tick
      if (slots[at + 1] === h && slots[at + 2] === l) {
        for (let seen = t; ; seen = Atomics.load(slots, at)) {
          if (seen <= tick) return 0;
          if (Atomics.compareExchange(slots, at, seen, tick) === seen) return 2;
        }
      }
      at += WORDS;
      if (at === slots.length) at = 0;
    }
  }

  /** A table twice as large with the same entries; only while no worker inserts. */
  grown(): SharedSeenSet {
    const next = SharedSeenSet.create(this.capacity * 2);
    const from = this.slots;
    const to = next.slots;
    for (let at = 0; at < from.length; at += WORDS) {
      const t = from[at]!;
      if (t === EMPTY) continue;
      const hi = from[at + 1]!;
      const lo = from[at + 2]!;
      let slot = home(hi, lo, next.mask);
      while (to[slot] !== EMPTY) {
        slot += WORDS;
        if (slot === to.length) slot = 0;
      }
      to[slot] = t;
      to[slot + 1] = hi;
      to[slot + 2] = lo;
    }
    next.header[0] = this.header[0]! + this.pending;
    return next;
  }
}

/**
 * The set of visited states: 64-bit fingerprints in open addressing (linear probing) over one typed
 * array, with the earliest tick each state was reached at. A slot is three consecutive uint32 words
 * (the two fingerprint lanes and the tick), so a probe touches one cache line, not one per field.
 * No cap but memory: the table doubles when it is 70% full. 12 bytes a slot.
 */

const EMPTY = 0xffffffff;
const WORDS = 3;

export class SeenSet {
  private slots: Uint32Array;
  private mask: number;
  /** Distinct fingerprints held. */
  size = 0;

  constructor(capacityPowerOfTwo = 1 << 16) {
    this.slots = emptyTable(capacityPowerOfTwo);
    this.mask = capacityPowerOfTwo - 1;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Whether the table is close to its next growth (60% full). */
  get nearlyFull(): boolean {
    return this.size * 10 > (this.mask + 1) * 6;
  }

  /** Whether the table can still double (a typed array holds at most 2^32 - 1 words). */
  get canGrow(): boolean {
    return this.slots.length * 2 <= 0xffffffff;
  }

  /** Bytes its next growth allocates (the doubled table, while the old one is still held). */
  get growthBytes(): number {
    return this.bytes * 2;
  }

  /**
   * Visits fingerprint (hi, lo) at `tick`: returns 1 when it is new, 2 when it was seen only at a
   * later tick (the earlier visit covers more of the horizon, so it must be explored again), and 0
   * when it was seen at this tick or an earlier one (nothing new can follow from it).
   */
  visit(hi: number, lo: number, tick: number): 0 | 1 | 2 {
    const slots = this.slots;
    let at = home(hi, lo, this.mask);
    for (;;) {
      const t = slots[at + 2]!;
      if (t === EMPTY) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = tick;
        if (++this.size * 10 > (this.mask + 1) * 7) this.grow();
        return 1;
      }
      if (slots[at] === hi && slots[at + 1] === lo) {
        if (t <= tick) return 0;
        slots[at + 2] = tick;
        return 2;
      }
      at += WORDS;
      if (at === slots.length) at = 0;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = emptyTable(capacity);
    this.mask = capacity - 1;
    const slots = this.slots;
    for (let from = 0; from < old.length; from += WORDS) {
      if (old[from + 2] === EMPTY) continue;
      let at = home(old[from]!, old[from + 1]!, this.mask);
      while (slots[at + 2] !== EMPTY) {
        at += WORDS;
        if (at === slots.length) at = 0;
      }
      slots[at] = old[from]!;
      slots[at + 1] = old[from + 1]!;
      slots[at + 2] = old[from + 2]!;
    }
  }
}

/** The first slot (word index) of a table of `mask + 1` three-word slots that a fingerprint probes from. */
export function home(hi: number, lo: number, mask: number): number {
  return ((lo ^ Math.imul(hi, 0x9e3779b1)) & mask) * WORDS;
}

function emptyTable(capacity: number): Uint32Array {
  const slots = new Uint32Array(capacity * WORDS);
  for (let at = 2; at < slots.length; at += WORDS) slots[at] = EMPTY;
  return slots;
}

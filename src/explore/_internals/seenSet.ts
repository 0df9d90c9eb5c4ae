/**
 * The set of visited states: 64-bit fingerprints in open addressing (linear probing) over typed
 * arrays, with the earliest tick each state was reached at. No cap but memory: it doubles when it is
 * 70% full. 10 bytes a slot (two uint32 lanes and a uint16 tick).
 */

const EMPTY = 0xffff;

export class SeenSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private tick: Uint16Array;
  private mask: number;
  /** Distinct fingerprints held. */
  size = 0;

  constructor(capacityPowerOfTwo = 1 << 16) {
    this.hi = new Uint32Array(capacityPowerOfTwo);
    this.lo = new Uint32Array(capacityPowerOfTwo);
    this.tick = new Uint16Array(capacityPowerOfTwo).fill(EMPTY);
    this.mask = capacityPowerOfTwo - 1;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.hi.byteLength + this.lo.byteLength + this.tick.byteLength;
  }

  /** Whether the table is close to its next growth (60% full). */
  get nearlyFull(): boolean {
    return this.size * 10 > (this.mask + 1) * 6;
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
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const t = this.tick[slot]!;
      if (t === EMPTY) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        this.tick[slot] = tick;
        if (++this.size * 10 > (this.mask + 1) * 7) this.grow();
        return 1;
      }
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        if (t <= tick) return 0;
        this.tick[slot] = tick;
        return 2;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { hi, lo, tick } = this;
    const capacity = (this.mask + 1) * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.tick = new Uint16Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    for (let old = 0; old < tick.length; old++) {
      if (tick[old] === EMPTY) continue;
      let slot = (lo[old]! ^ Math.imul(hi[old]!, 0x9e3779b1)) & this.mask;
      while (this.tick[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.hi[slot] = hi[old]!;
      this.lo[slot] = lo[old]!;
      this.tick[slot] = tick[old]!;
    }
  }
}

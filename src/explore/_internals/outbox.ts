/**
 * States bound for another partition of a parallel search, as records of int32 words: depth, tail
 * ticks, branching (0 or 1), length n, then the n words of the canonical vector. `take` hands the
 * records over as one buffer (moved, not copied, to the worker that owns them).
 */
export class Outbox {
  private words = new Int32Array(1 << 12);
  private end = 0;

  get byteLength(): number {
    return this.words.byteLength;
  }

  get length(): number {
    return this.end;
  }

  push(depth: number, ticks: number, branching: boolean, vector: Int32Array, n: number): void {
    if (this.end + 4 + n > this.words.length) {
      const grown = new Int32Array(Math.max(this.words.length * 2, this.end + 4 + n));
      grown.set(this.words.subarray(0, this.end));
      this.words = grown;
    }
    const w = this.words;
    w[this.end] = depth;
    w[this.end + 1] = ticks;
    w[this.end + 2] = branching ? 1 : 0;
    w[this.end + 3] = n;
    w.set(vector.subarray(0, n), this.end + 4);
    this.end += 4 + n;
  }

  /** The records written since the last take (null: none), and an empty box. */
  take(): Int32Array | null {
    if (this.end === 0) return null;
    const records = this.words.slice(0, this.end);
    this.end = 0;
    return records;
  }
}

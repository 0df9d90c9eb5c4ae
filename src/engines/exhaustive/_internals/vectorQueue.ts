/**
 * A queue of state vectors packed as variable-length integers (7 bits a byte, each value stored as
 * value + 1 so that -1 fits), in one growing byte buffer: the search frontier of one level, at one
 * or two bytes an entry for this model's small integers. Written front to back, then read front to back.
 */
/** A queue as plain data, to move to another worker (its buffer is transferred, not copied). */
export interface QueueData {
  bytes: Uint8Array<ArrayBuffer>;
  end: number;
  length: number;
}

export class VectorQueue {
  private bytes = new Uint8Array(1 << 16);
  private end = 0;
  private at = 0;
  /** Vectors written. */
  length = 0;
  /** Length of the vector `shift` read last. */
  lastLength = 0;

  /** A queue not yet read from, as data; the queue must not be used afterwards. */
  data(): QueueData {
    return { bytes: this.bytes, end: this.end, length: this.length };
  }

  /** The queue `data` describes. */
  static of(data: QueueData): VectorQueue {
    const q = new VectorQueue();
    q.bytes = data.bytes;
    q.end = data.end;
    q.length = data.length;
    return q;
  }

  /** Bytes held. */
  get byteLength(): number {
    return this.bytes.byteLength;
  }

  /** Appends `id`, then `vector[0 .. n)`. */
  push(id: number, vector: Int32Array, n: number): void {
    if (this.end + 5 * (n + 2) > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.end + 5 * (n + 2)));
      grown.set(this.bytes.subarray(0, this.end));
      this.bytes = grown;
    }
    this.end = this.write(id + 1, this.end);
    this.end = this.write(n + 1, this.end);
    for (let i = 0; i < n; i++) this.end = this.write(vector[i]! + 1, this.end);
    this.length++;
  }

  /** Whether a vector is left to read. */
  get more(): boolean {
    return this.at < this.end;
  }

  /** Reads the next vector into `out` and returns its id. */
  shift(out: Int32Array): number {
    const id = this.read() - 1;
    const n = this.read() - 1;
    for (let i = 0; i < n; i++) out[i] = this.read() - 1;
    this.lastLength = n;
    return id;
  }

  private write(value: number, at: number): number {
    const b = this.bytes;
    let v = value >>> 0;
    while (v >= 0x80) {
      b[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[at++] = v;
    return at;
  }

  private read(): number {
    const b = this.bytes;
    let v = 0;
    let shift = 0;
    for (;;) {
      const byte = b[this.at++]!;
      v += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return v;
      shift += 7;
    }
  }
}

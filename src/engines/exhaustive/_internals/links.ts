/**
 * Parent links of the branching states (those the adversary can still act in): for state id i, the
 * state it was first reached from, the event that led there and the ticks that followed it on a
 * deterministic tail, so that a counterexample is read back from the links instead of being rebuilt
 * by replay. 10 bytes a branching state, in typed arrays; tail states need no link.
 */

/** The event code of "no event" (the initial state). */
export const NO_EVENT = 0xffffffff;

export class Links {
  private parent = new Uint32Array(1 << 14);
  private event = new Uint32Array(1 << 14);
  private ticks = new Uint16Array(1 << 14);
  /** Links held; the next id. */
  length = 0;

  get bytes(): number {
    return this.parent.byteLength + this.event.byteLength + this.ticks.byteLength;
  }

  /** Records a state reached from `parent` (-1: none) by event code `event`, then `ticks` ticks; returns its id. */
  add(parent: number, event: number, ticks: number): number {
    if (this.length === this.parent.length) {
      this.parent = grow(this.parent, new Uint32Array(this.length * 2));
      this.event = grow(this.event, new Uint32Array(this.length * 2));
      this.ticks = grow(this.ticks, new Uint16Array(this.length * 2));
    }
    this.parent[this.length] = parent + 1;
    this.event[this.length] = event;
    this.ticks[this.length] = ticks;
    return this.length++;
  }

  /** Event codes from the initial state to state `id`, ticks given as `tick`'s code. */
  path(id: number, tick: number): number[] {
    const codes: number[] = [];
    for (let at = id; at >= 0; at = this.parent[at]! - 1) {
      for (let t = 0; t < this.ticks[at]!; t++) codes.push(tick);
      if (this.event[at] !== NO_EVENT) codes.push(this.event[at]!);
    }
    return codes.reverse();
  }
}

function grow<T extends Uint32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

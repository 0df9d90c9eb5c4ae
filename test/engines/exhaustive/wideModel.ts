/**
 * A wide model for the tests of a search's storage: at tick 0 the adversary picks a value for each
 * stage in turn, 1 to `widths[i]` for stage i, and nothing else happens (a tick changes only the
 * clock, which is not part of a state's identity). So its states are counted by hand: the start and,
 * for each number of stages picked, the product of their widths. With widths such as [1000, 900] a
 * level adds 900,000 states: enough to fill the pool's first shared seen-set (2^20 slots) in the
 * middle of a level. Its one property is "the picks are never `broken`" (with no `broken` given,
 * it always holds).
 */
import type { SearchModel, SearchSubject } from '../../../src/engines/contract.ts';
import { invariantOf } from './invariantOf.ts';

export interface WideState {
  tick: number;
  /** The values picked so far, stage by stage (0: not yet). */
  picks: number[];
}
export type WideEvent = { kind: 'tick' } | { kind: 'pick'; value: number };

const TICK: WideEvent = { kind: 'tick' };
const PICK = 0x100000;

/** The hand count of distinct states: 1 + w0 + w0 w1 + ... */
export function wideStateCount(widths: readonly number[]): number {
  let count = 1;
  let product = 1;
  for (const w of widths) count += product *= w;
  return count;
}

export function wideSubject(widths: readonly number[], broken: readonly number[] | null = null): SearchSubject<WideState, WideEvent> {
  const choices = widths.map((w) => [TICK, ...Array.from({ length: w }, (_, i): WideEvent => ({ kind: 'pick', value: i + 1 }))]);
  const stage = (s: WideState) => s.picks.indexOf(0);
  const canPick = (s: WideState) => s.tick === 0 && stage(s) >= 0;
  const model: SearchModel<WideState, WideEvent> = {
    init: () => ({ tick: 0, picks: widths.map(() => 0) }),
    enabled: (s) => (canPick(s) ? choices[stage(s)]! : [TICK]),
    isTick: (e) => e.kind === 'tick',
    tick: TICK,
    step: (s, e) => {
      if (e.kind === 'tick') s.tick++;
      else if (canPick(s)) s.picks[stage(s)] = e.value;
      else return false;
      return true;
    },
    tickOf: (s) => s.tick,
    adversaryMayAct: canPick,
    code: (e) => (e.kind === 'tick' ? 0 : PICK + e.value),
    event: (code) => (code === 0 ? TICK : { kind: 'pick', value: code - PICK }),
    encodedLength: 1 + widths.length,
    encode: (s, out) => {
      out[0] = s.tick;
      s.picks.forEach((p, i) => (out[i + 1] = p));
      return 1 + widths.length;
    },
    decode: (v, from, into) => {
      into.tick = v[from]!;
      into.picks = widths.map((_, i) => v[from + 1 + i]!);
    },
  };
  const isBroken = (s: WideState) => broken !== null && s.picks.every((p, i) => p === broken[i]);
  const property = invariantOf(model, isBroken, (s) => `picked ${s.picks.join(', ')}`);
  return { model, property };
}

/** For the pool's workers: `{ module: import.meta.url of this file, subject: widths or { widths, broken } }`. */
export function searchSubjectOf(spec: number[] | { widths: number[]; broken: number[] }): SearchSubject<WideState, WideEvent> {
  return Array.isArray(spec) ? wideSubject(spec) : wideSubject(spec.widths, spec.broken);
}

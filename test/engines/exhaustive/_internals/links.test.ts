/** Parent links: ids in order, paths read back through growth, tail ticks and the initial state's missing event. */
import { describe, expect, it } from 'vitest';
import { Links, NO_EVENT } from '../../../../src/engines/exhaustive/_internals/links.ts';

const TICK = 7;

describe('Links', () => {
  it('reads back every path of a long chain, past several growths, ticks in place', () => {
    const links = new Links();
    const n = 40_000;
    expect(links.add(-1, NO_EVENT, 2)).toBe(0);
    const ids: number[] = [];
    for (let i = 1; i < n; i++) ids.push(links.add(i - 1, 100 + i, i % 3));
    expect(ids.every((id, i) => id === i + 1)).toBe(true);
    expect(links.length).toBe(n);
    const expected = (id: number): number[] => {
      const codes = [TICK, TICK];
      for (let i = 1; i <= id; i++) codes.push(100 + i, ...Array<number>(i % 3).fill(TICK));
      return codes;
    };
    // Compared as text: tens of thousands of codes each.
    for (const id of [0, 1, 2, 16_383, 16_384, 16_385, 32_768, n - 1]) expect(links.path(id, TICK).join()).toBe(expected(id).join());
    // 10 bytes a link (4 parent, 4 event, 2 ticks), at most doubled by growth.
    expect(links.bytes).toBeGreaterThanOrEqual(10 * n);
    expect(links.bytes).toBeLessThanOrEqual(20 * n);
    expect(links.bytes % 10).toBe(0);
  });

  it('keeps a tree apart: siblings share their parent path, a root has none', () => {
    const links = new Links();
    const root = links.add(-1, NO_EVENT, 0);
    const a = links.add(root, 1, 0);
    const b = links.add(root, 2, 3);
    const c = links.add(a, 0, 1);
    const other = links.add(-1, NO_EVENT, 1);
    expect(links.path(root, TICK)).toEqual([]);
    expect(links.path(a, TICK)).toEqual([1]);
    expect(links.path(b, TICK)).toEqual([2, TICK, TICK, TICK]);
    expect(links.path(c, TICK)).toEqual([1, 0, TICK]);
    expect(links.path(other, TICK)).toEqual([TICK]);
  });

  it('holds the longest tail a search may span (16-bit ticks) and the largest event code', () => {
    const links = new Links();
    const root = links.add(-1, NO_EVENT, 0);
    const id = links.add(root, NO_EVENT - 1, 60_000);
    const path = links.path(id, TICK);
    expect(path.length).toBe(60_001);
    expect(path[0]).toBe(NO_EVENT - 1);
    expect(path.slice(1).every((c) => c === TICK)).toBe(true);
  });

  it('starts at 2^14 links (10 bytes each) and doubles when full: the memory a search reports', () => {
    const links = new Links();
    expect(links.bytes).toBe(10 * 2 ** 14);
    for (let i = 0; i < 2 ** 14; i++) links.add(i - 1, i, 0);
    expect(links.bytes).toBe(10 * 2 ** 14);
    links.add(0, 0, 0);
    expect(links.bytes).toBe(20 * 2 ** 14);
    expect(links.path(2 ** 14, TICK)).toEqual([0, 0]); // link 0 (event 0), then link 2^14 (event 0)
  });

  it('keeps every event code a 32-bit link holds but the no-event mark, 2^32 - 1', () => {
    expect(NO_EVENT).toBe(2 ** 32 - 1);
    const links = new Links();
    const root = links.add(-1, NO_EVENT, 0);
    expect(links.path(links.add(root, 2 ** 32 - 2, 0), TICK)).toEqual([2 ** 32 - 2]);
    expect(links.path(links.add(root, 0, 0), TICK)).toEqual([0]);
  });
});

/**
 * `--shard K/N` read and shown, and the shares it cuts, on hand-picked values: the boundaries of K
 * and N (1, N itself, 10,000), the message of a refusal, and exact shares computed by hand. Imports
 * shard.ts alone, so that it runs in about a second.
 */
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../src/io/refusal.ts';
import { MAX_SHARDS, parseShard, shareOf, showShard } from '../../src/runner/shard.ts';

describe('parseShard at its boundaries', () => {
  it.each([
    ['1/1', 1, 1],
    ['3/3', 3, 3],
    ['1/2', 1, 2],
    ['2/7', 2, 7],
    ['10000/10000', 10_000, 10_000],
    ['1/10000', 1, 10_000],
    ['007/09', 7, 9],
  ])('reads %s', (text, index, count) => {
    expect(parseShard(text)).toEqual({ index, count });
  });

  it.each([
    '0/1',
    '2/1',
    '4/3',
    '1/0',
    '0/0',
    '1/10001',
    '10001/10001',
    '99999/99999',
    '1/100000',
    '3',
    '/3',
    '1/',
    '1/2/3',
    '-1/3',
    '1/-3',
    '1.0/3',
    ' 1/3',
    '1/3 ',
    'a/b',
    '',
  ])('refuses %j in one line', (text) => {
    expect(() => parseShard(text)).toThrow(Refusal);
    expect(() => parseShard(text)).toThrow(/^--shard must be K\/N with 1 <= K <= N <= 10,000 \(e\.g\. --shard 2\/8\), got '/);
  });

  it('names what it got, cut to its first 80 characters', () => {
    expect(() => parseShard('4/3')).toThrow("--shard must be K/N with 1 <= K <= N <= 10,000 (e.g. --shard 2/8), got '4/3'");
    const long = `x${'0123456789'.repeat(10)}`;
    expect(() => parseShard(long)).toThrow(`got '${long.slice(0, 80)}'`);
    expect(() => parseShard(long)).not.toThrow(`got '${long.slice(0, 81)}'`);
    expect(long.slice(0, 80)).toHaveLength(80);
  });

  it('the most shards is ten thousand', () => {
    expect(MAX_SHARDS).toBe(10_000);
  });
});

describe('showShard', () => {
  it('writes K/N', () => {
    expect(showShard({ index: 2, count: 8 })).toBe('2/8');
  });
});

describe('shareOf on values worked by hand', () => {
  it.each([
    [10, 1, 3, [0, 3]],
    [10, 2, 3, [3, 6]],
    [10, 3, 3, [6, 10]],
    [30, 1, 3, [0, 10]],
    [30, 2, 3, [10, 20]],
    [2, 1, 3, [0, 0]],
    [2, 2, 3, [0, 1]],
    [2, 3, 3, [1, 2]],
    [7, 1, 1, [0, 7]],
    [0, 1, 4, [0, 0]],
  ])('of %i runs, shard %i/%i takes %j', (total, index, count, share) => {
    expect(shareOf(total, { index, count })).toEqual(share);
  });
});

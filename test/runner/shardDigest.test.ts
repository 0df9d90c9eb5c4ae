/**
 * The digests a shard records of what it ran (src/runner/shardDigest.ts): 32 hex digits each; equal
 * for the same run whatever the order of its models or of their keys; different when a suite file's
 * text, a config value, a property function or an array's shape differs; and the model digest is,
 * exactly, the version and four 48-event xorshift walks of each distinct model, recomputed here from
 * that definition. No search runs.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUITES, suiteModel, type Suite } from '../../properties/index.ts';
import { enabled, init, stepOwned, type Model } from '../../src/model/index.ts';
import { runDigest } from '../../src/runner/shardDigest.ts';
import { VERSION } from '../../src/version.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-digest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const suite = SUITES.find((s) => s.id === 'crash-cascade-2010')!;
const fixed = suiteModel(suite, 'fixed');
const skype = suiteModel(suite, 'skype-2010');
const hex32 = /^[0-9a-f]{32}$/;

/** The walks of the module comment, written again from their definition: 4 walks of 48 events, xorshift32 from 0x9e3779b9 * w. */
function walksByHand(model: Model): string {
  const hash = createHash('sha256');
  for (const w of [1, 2, 3, 4]) {
    let x = Number(BigInt.asUintN(32, 0x9e3779b9n * BigInt(w))) || 1;
    const state = init(model);
    for (let i = 0; i < 48; i++) {
      const events = enabled(state, model);
      x = (x ^ (x << 13)) >>> 0;
      x = (x ^ (x >>> 17)) >>> 0;
      x = (x ^ (x << 5)) >>> 0;
      const event = events[x % events.length]!;
      stepOwned(state, model, event);
      hash.update(`${events.length}:${JSON.stringify(event)};`);
    }
    hash.update(JSON.stringify(state));
  }
  return hash.digest('hex');
}
const sha32 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

describe('runDigest', () => {
  it('gives three digests of 32 hex digits, the same for the same run', () => {
    const d = runDigest([suite], [fixed, skype]);
    expect(d.suites).toMatch(hex32);
    expect(d.config).toMatch(hex32);
    expect(d.model).toMatch(hex32);
    expect(runDigest([suite], [fixed, skype])).toEqual(d);
  });

  it("its model digest is the version and the walks of each distinct model, in one order whatever the models' order", () => {
    expect(runDigest([], [fixed]).model).toBe(sha32([VERSION, walksByHand(fixed)].join('\n')));
    const two = runDigest([], [skype, fixed, skype]).model;
    expect([
      sha32([VERSION, walksByHand(fixed), walksByHand(skype)].join('\n')),
      sha32([VERSION, walksByHand(skype), walksByHand(fixed)].join('\n')),
    ]).toContain(two);
  });

  it('does not depend on the order of the models, their repeats, or the order of keys', () => {
    expect(runDigest([suite], [skype, fixed])).toEqual(runDigest([suite], [fixed, skype, fixed]));
    const reversed = (m: Model): Model => ({
      config: Object.fromEntries(Object.entries(m.config).reverse()) as Model['config'],
      protocol: Object.fromEntries(Object.entries(m.protocol).reverse()) as Model['protocol'],
    });
    expect(runDigest([suite], [reversed(fixed), reversed(skype)])).toEqual(runDigest([suite], [skype, fixed]));
    expect(runDigest([], [fixed], { b: 1, b0: 2, a: { y: 1, x: 2 } })).toEqual(runDigest([], [fixed], { a: { x: 2, y: 1 }, b0: 2, b: 1 }));
  });

  it('tells another config, model, extra value, array shape or function apart', () => {
    const base = runDigest([suite], [fixed]);
    const more = suiteModel(suite, 'fixed', false, { peers: fixed.config.peers + 1 });
    const other = runDigest([suite], [more]);
    expect(other.suites).toBe(base.suites);
    expect(other.config).not.toBe(base.config);
    expect(other.model).not.toBe(base.model);
    expect(runDigest([suite], [skype]).config).not.toBe(base.config);
    expect(runDigest([suite], [fixed], 'a').config).not.toBe(base.config);
    expect(runDigest([], [fixed], [1, 2]).config).not.toBe(runDigest([], [fixed], { 0: 1, 1: 2 }).config);
    expect(runDigest([], [fixed], { f: () => 1 }).config).not.toBe(runDigest([], [fixed], { f: () => 2 }).config);
    expect(runDigest([], [fixed], { a: undefined }).config).not.toBe(runDigest([], [fixed], {}).config);
    expect(runDigest([], [fixed], { a: 1 }).config).not.toBe(runDigest([], [fixed], { a: 2 }).config);
  });

  it('names a value met again instead of following it', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(runDigest([], [fixed], cycle).config).toMatch(hex32);
    const shared = { x: 1 };
    expect(runDigest([], [fixed], { p: shared, q: shared }).config).not.toBe(runDigest([], [fixed], { p: { x: 1 }, q: { x: 2 } }).config);
  });

  it("tells suites apart by their fields, their property functions and their file's text", () => {
    const base = runDigest([suite], [fixed]).suites;
    expect(runDigest([{ ...suite, seed: suite.seed + 1 }], [fixed]).suites).not.toBe(base);
    expect(runDigest([suite, SUITES.find((s) => s.id !== suite.id)!], [fixed]).suites).not.toBe(base);
    const file = join(dir, 'suite.mjs');
    const fromFile: Suite = { ...suite, file };
    writeFileSync(file, 'one');
    const one = runDigest([fromFile], [fixed]).suites;
    writeFileSync(file, 'two');
    const two = runDigest([fromFile], [fixed]).suites;
    expect(two).not.toBe(one);
    expect(one).not.toBe(base);
    rmSync(file);
    expect(runDigest([fromFile], [fixed]).suites).toMatch(hex32);
  });
});

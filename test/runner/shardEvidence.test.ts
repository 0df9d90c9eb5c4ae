/**
 * What a merge believes of a shard's answers (src/runner/shardEvidence.ts), on hand-made answers:
 * every combination of verdict and what stopped a search, the runs of a random answer at their
 * boundaries, and a counterexample that loads and reproduces (found by a dozen runs of the smallest
 * suite) against edited copies of it. Each refusal is one line naming where.
 */
import { describe, expect, it } from 'vitest';
import { propertyOf, SUITES, suiteModel } from '../../properties/index.ts';
import { searchRandomRange } from '../../src/search/random.ts';
import { Refusal } from '../../src/io/refusal.ts';
import { checkRandom, checkReplays, checkSearch, type ShardCounterexample, type ShardRandom, type ShardSearch } from '../../src/runner/shardEvidence.ts';

const W = 'f.json: shard 1/2, cell 3';
const bad = (what: string) => new Refusal(`${W}: ${what}: a damaged or edited shard; run it again`);
const cx: ShardCounterexample = { events: [{ kind: 'tick' }], violation: { step: 0, message: 'm' } };

describe('checkSearch', () => {
  const search = (verdict: ShardSearch['verdict'], stoppedBy: string, counterexample: ShardCounterexample | null, shortest?: boolean): ShardSearch => ({
    verdict,
    stoppedBy,
    horizon: 4,
    counterexample,
    ...(shortest === undefined ? {} : { shortest }),
  });

  it.each([
    ['violated', 'violation', true, true],
    ['violated', 'violation', true, false],
    ['violated', 'violation', true, undefined],
    ['violated', 'states', true, false],
    ['violated', 'memory', true, false],
    ['violated', 'states', true, undefined],
    ['holds', 'complete', false, undefined],
    ['holds', 'complete', false, false],
    ['holds-within-horizon', 'horizon', false, undefined],
    ['bound-reached', 'states', false, undefined],
    ['bound-reached', 'memory', false, false],
  ] as const)('takes %s stopped by %s (counterexample %s, shortest %s)', (verdict, stoppedBy, withCx, shortest) => {
    expect(() => checkSearch(W, search(verdict, stoppedBy, withCx ? cx : null, shortest), 4)).not.toThrow();
  });

  it.each([
    [search('holds', 'complete', null), 5, "searched to horizon 4, the selection's is 5"],
    [search('violated', 'violation', cx), 3, "searched to horizon 4, the selection's is 3"],
    [search('violated', 'violation', null), 4, 'violated without a counterexample'],
    [search('violated', 'horizon', cx), 4, 'violated, yet stopped by the horizon'],
    [search('violated', 'complete', cx), 4, 'violated, yet stopped by the complete'],
    [search('violated', 'states', cx, true), 4, 'a shortest counterexample from a search the states bound stopped'],
    [search('violated', 'memory', cx, true), 4, 'a shortest counterexample from a search the memory bound stopped'],
    [search('holds', 'complete', cx), 4, 'holds, yet with a counterexample'],
    [search('bound-reached', 'states', cx), 4, 'bound-reached, yet with a counterexample'],
    [search('holds', 'horizon', null), 4, 'holds, yet stopped by the horizon'],
    [search('holds', 'states', null), 4, 'holds, yet stopped by the states'],
    [search('holds', 'violation', null), 4, 'holds, yet stopped by the violation'],
    [search('holds-within-horizon', 'complete', null), 4, 'holds-within-horizon, yet stopped by a closed state space'],
    [search('holds-within-horizon', 'memory', null), 4, 'holds-within-horizon, yet stopped by the memory'],
    [search('bound-reached', 'horizon', null), 4, 'bound-reached, yet stopped by the horizon'],
    [search('bound-reached', 'complete', null), 4, 'bound-reached, yet stopped by a closed state space'],
  ])('refuses %j (horizon %i)', (r, horizon, what) => {
    expect(() => checkSearch(W, r, horizon)).toThrow(bad(what));
  });
});

describe('checkRandom', () => {
  const random = (verdict: ShardRandom['verdict'], runs: number, withCx: boolean): ShardRandom => ({ verdict, runs, counterexample: withCx ? cx : null });

  it.each([
    ['violated', 1, true],
    ['violated', 7, true],
    ['violated', 10, true],
    ['holds', 10, false],
    ['vacuous', 10, false],
  ] as const)('takes %s after %i of 10 runs (counterexample %s)', (verdict, runs, withCx) => {
    expect(() => checkRandom(W, random(verdict, runs, withCx), 10)).not.toThrow();
  });

  it.each([
    [random('violated', 0, true), "0 runs, the selection's are 1 to 10"],
    [random('violated', 11, true), "11 runs, the selection's are 1 to 10"],
    [random('holds', 11, false), "11 runs, the selection's are 1 to 10"],
    [random('violated', 5, false), 'violated without a counterexample'],
    [random('holds', 10, true), 'holds, yet with a counterexample'],
    [random('vacuous', 10, true), 'vacuous, yet with a counterexample'],
    [random('holds', 9, false), 'holds after 9 of its 10 runs'],
    [random('vacuous', 1, false), 'vacuous after 1 of its 10 runs'],
  ])('refuses %j of 10 runs', (r, what) => {
    expect(() => checkRandom(W, r, 10)).toThrow(bad(what));
  });
});

describe('checkReplays', () => {
  const suite = SUITES.find((s) => s.id === 'crash-cascade-2010')!;
  const variant = 'skype-2010';
  const property = 'no-client-crash';
  const config = suiteModel(suite, variant).config;
  // Run 11 of the suite's seed fails (test/cli/merge.test.ts): its shrunk counterexample is evidence.
  const found = searchRandomRange(suiteModel(suite, variant), propertyOf(suite, property)!, suite.bounds, {
    runs: 12,
    seed: suite.seed,
    maxEvents: suite.maxEvents,
    kinds: suite.kinds,
    from: 0,
    to: 12,
  });
  const real: ShardCounterexample = { events: found.failure!.counterexample.events, violation: found.failure!.counterexample.violation };
  const edited = (change: (c: ShardCounterexample) => void): ShardCounterexample => {
    const c = structuredClone(real);
    change(c);
    return c;
  };
  const message = (c: ShardCounterexample, v = variant): string => {
    try {
      checkReplays(W, suite, property, v, config, c);
    } catch (e) {
      expect(e).toBeInstanceOf(Refusal);
      return (e as Error).message;
    }
    return 'taken';
  };

  it('takes a counterexample that loads and reproduces its violation', () => {
    expect(real.events.length).toBeGreaterThan(1);
    expect(message(real)).toBe('taken');
  });

  it('refuses one that does not load, in its first line', () => {
    const m = message(edited((c) => (c.events[0] = { kind: 'crash', peer: 99 })));
    expect(m).toMatch(/^f\.json: shard 1\/2, cell 3: events\.0: peer index out of range/);
    expect(m).toMatch(/ \(its counterexample does not load: a damaged or edited shard; run it again\)$/);
    expect(m).not.toContain('\n');
  });

  it('refuses one of another step or message, saying what the replay gave', () => {
    const step = real.violation.step;
    expect(message(edited((c) => (c.violation.step += 1)))).toBe(
      `${W}: its counterexample of ${real.events.length} events does not reproduce its violation (replayed: violated at step ${step}, recorded ${step + 1}): a damaged or edited shard; run it again`,
    );
    expect(message(edited((c) => (c.violation.message = 'edited')))).toBe(
      `${W}: its counterexample of ${real.events.length} events does not reproduce its violation (replayed: violated at step ${step}, recorded ${step}): a damaged or edited shard; run it again`,
    );
  });

  it('refuses events that do not violate, one event or more', () => {
    expect(message(edited((c) => (c.events = c.events.map(() => ({ kind: 'tick' })))))).toBe(
      `${W}: its counterexample of ${real.events.length} events does not reproduce its violation (replayed: holds): a damaged or edited shard; run it again`,
    );
    expect(message(edited((c) => (c.events = [{ kind: 'tick' }])))).toBe(
      `${W}: its counterexample of 1 event does not reproduce its violation (replayed: holds): a damaged or edited shard; run it again`,
    );
  });

  it('refuses one replayed on a variant that does not exist', () => {
    expect(message(real, 'no-such-variant')).toMatch(/^f\.json: shard 1\/2, cell 3: .*no-such-variant/);
  });
});

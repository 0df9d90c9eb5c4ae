/**
 * The JUnit XML report: parsed by a small strict parser (well-formed XML 1.0, the subset the report
 * uses) and checked against the shape CI readers accept: the Jenkins xUnit plugin's `junit-10.xsd`,
 * with children in the stricter order of Ant's XML formatter. Results are built by hand so the test
 * runs no search and does not depend on `report/results.json`.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/model/index.ts';
import { FAILURE_TYPE, junitXml, type JunitInput } from '../../src/report/junit.ts';
import type { ExplorePairResult, PairResult } from '../../src/results/results.ts';
import { all, checkHoldsStrength, DECLARATION, parseXml, validate, type Element } from '../support/junitShape.ts';

// ---------------------------------------------------------------------------------------------------
// Results built by hand.

/** What every result starts with. */
function head(suite: string, property: string, variant: string, expected: PairResult['expected']) {
  return { suite, property, variant, expected, config: defaultConfig('small') };
}

function randomPair(
  suite: string,
  property: string,
  variant: string,
  expected: PairResult['expected'],
  verdict: PairResult['verdict'],
  fields: Partial<PairResult> = {},
): PairResult {
  const violated = verdict === 'violated';
  const file = `counterexamples/${suite}/${property}--${variant}.json`;
  return {
    ...head(suite, property, variant, expected),
    verdict,
    runs: violated ? 11 : 5000,
    triggeredRuns: violated ? 1 : 1648,
    coverage: { cells: 18, possible: 30, lateCells: 4, latePossible: 10, lateKinds: 1 },
    safetyLength: { median: 13, max: 30 },
    seed: 2010,
    ms: 11.4,
    timeToFailureMs: violated ? 6.9 : null,
    eventsBeforeShrink: violated ? 12 : null,
    eventsAfterShrink: violated ? 8 : null,
    counterexample: violated ? file : null,
    saved: violated ? 'written' : null,
    met: expected === null || expected === verdict,
    replay: violated ? `npx cascade replay ${file}` : `npx cascade check --suite ${suite} --property ${property} --variant ${variant} --seed 2010 --runs 5000`,
    ...fields,
  };
}

function explorePair(
  suite: string,
  property: string,
  variant: string,
  expected: ExplorePairResult['expected'],
  verdict: ExplorePairResult['verdict'],
  fields: Partial<ExplorePairResult> = {},
): ExplorePairResult {
  const violated = verdict === 'violated';
  return {
    ...head(suite, property, variant, expected),
    verdict,
    stoppedBy: violated ? 'violation' : verdict === 'bound-reached' ? 'states' : 'horizon',
    bound: { horizon: 40, maxStates: 1_000_000, maxMemoryMB: 4096 },
    scope: { supernodes: 3, clients: 8, onlineAtStart: 7, faultBudget: 2, churnBudget: null, reason: null, parameters: null, full: false },
    states: 29,
    branchingStates: 4,
    transitions: 31,
    depth: 4,
    ticks: 8,
    healTicks: 40,
    ms: 5.5,
    statesPerSecond: 5707,
    bytesPerState: 32768,
    collisionProbability: 2.2e-17,
    eventsInCounterexample: violated ? 6 : null,
    shortest: violated,
    counterexample: violated ? `counterexamples/${suite}/${property}--${variant}.json` : null,
    saved: violated ? 'unchanged' : null,
    met: expected === null || (expected === 'holds' ? verdict === 'holds' || verdict === 'holds-within-horizon' : verdict === 'violated'),
    ...fields,
  };
}

function results(): JunitInput {
  return {
    random: [
      randomPair('feedback-loop', 'no-cascade', 'skype-2010', 'violated', 'violated', { ms: 1234.5678 }),
      randomPair('feedback-loop', 'no-cascade', 'fixed', 'holds', 'holds', { ms: 0.4 }),
      randomPair('feedback-loop', 'recovers', 'fixed', 'holds', 'violated'),
      randomPair('directory', 'consistent-directory', 'skype-2010', null, 'vacuous', { ms: 999.5 }),
      randomPair('login-flood-2007', 'recovers', 'skype-2007', 'violated', 'holds', { ms: 60_001 }),
      // Back to a suite seen before: it joins that suite's testsuite.
      randomPair('feedback-loop', 'recovers', 'skype-2010', 'violated', 'violated'),
    ],
    exhaustive: [
      explorePair('crash-cascade-2010', 'no-client-crash', 'skype-2010', 'violated', 'violated'),
      explorePair('crash-cascade-2010', 'no-client-crash', 'fixed', 'holds', 'bound-reached', { ms: 2500 }),
      explorePair('crash-cascade-2010', 'no-cascade', 'fixed', 'holds', 'holds-within-horizon', { ms: -1 }),
      explorePair('feedback-loop', 'no-cascade', 'fixed', 'holds', 'violated'),
    ],
  };
}

/** The testcase for (engine, suite, property, variant). */
function testcase(root: Element, engine: string, suite: string, property: string, variant: string): Element {
  const found = all(root, 'testsuite')
    .flatMap((s) => all(s, 'testcase'))
    .filter((c) => c.attributes.classname === `${suite}.${engine}` && c.attributes.name === `${property} on ${variant}`);
  expect(found).toHaveLength(1);
  return found[0];
}

const out = (c: Element): string => all(c, 'system-out')[0].text;

// ---------------------------------------------------------------------------------------------------

describe('junitXml', () => {
  it('is a well-formed JUnit report whose counts and times add up', () => {
    const xml = junitXml(results());
    expect(xml.startsWith(`${DECLARATION}\n<testsuites `)).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
    const root = validate(xml);
    expect(root.attributes).toEqual({ name: 'cascade', tests: '10', failures: '4', errors: '0', time: expect.any(String) });
    // 1235 + 0 + 11 + 1000 + 60001 + 11 random, 6 + 2500 + 0 + 6 exhaustive (whole milliseconds).
    expect(root.attributes.time).toBe('64.770');
  });

  it('has one testsuite per (suite, engine), in the order first seen, and one testcase per pair in input order', () => {
    const root = validate(junitXml(results()));
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual([
      'feedback-loop (random engine)',
      'directory (random engine)',
      'login-flood-2007 (random engine)',
      'crash-cascade-2010 (exhaustive engine)',
      'feedback-loop (exhaustive engine)',
    ]);
    expect(all(suites[0], 'testcase').map((c) => [c.attributes.classname, c.attributes.name])).toEqual([
      ['feedback-loop.random', 'no-cascade on skype-2010'],
      ['feedback-loop.random', 'no-cascade on fixed'],
      ['feedback-loop.random', 'recovers on fixed'],
      ['feedback-loop.random', 'recovers on skype-2010'],
    ]);
    expect(suites[0].attributes).toEqual({ name: 'feedback-loop (random engine)', tests: '4', failures: '1', errors: '0', skipped: '0', time: '1.257' });
    expect(all(suites[3], 'testcase').map((c) => c.attributes.name)).toEqual([
      'no-client-crash on skype-2010',
      'no-client-crash on fixed',
      'no-cascade on fixed',
    ]);
    for (const s of suites) {
      const props = all(all(s, 'properties')[0], 'property').map((p) => [p.attributes.name, p.attributes.value]);
      const [suite, engine] = s.attributes.name.split(/ \(| engine\)/);
      expect(props).toEqual([
        ['suite', suite],
        ['engine', engine],
      ]);
    }
    // Times are non-negative seconds: a negative duration reads as 0.
    expect(testcase(root, 'exhaustive', 'crash-cascade-2010', 'no-cascade', 'fixed').attributes.time).toBe('0.000');
    expect(testcase(root, 'random', 'feedback-loop', 'no-cascade', 'skype-2010').attributes.time).toBe('1.235');
  });

  it('fails exactly the cases whose verdict is not the expected one, saying how and where to look', () => {
    const input = results();
    const root = validate(junitXml(input));
    const pairs = [...input.random.map((r) => ['random', r] as const), ...input.exhaustive.map((r) => ['exhaustive', r] as const)];
    for (const [engine, r] of pairs) {
      const c = testcase(root, engine, r.suite, r.property, r.variant);
      const failures = all(c, 'failure');
      expect(failures).toHaveLength(r.met ? 0 : 1);
      expect(all(c, 'system-out')).toHaveLength(1);
      expect(out(c)).toContain(`verdict: ${r.verdict}\n`);
      expect(out(c)).toContain(`expected: ${r.expected ?? 'none'}\n`);
      if (r.met) continue;
      const f = failures[0];
      expect(f.attributes).toEqual({ message: `expected ${r.expected}, got ${r.verdict}`, type: FAILURE_TYPE });
      expect(f.text).toContain(`counterexample: ${r.counterexample ?? 'none'}`);
      if (engine === 'random') expect(f.text).toContain(`replay: ${(r as PairResult).replay}`);
      else expect(f.text).not.toContain('replay');
    }
    const unexpected = testcase(root, 'random', 'feedback-loop', 'recovers', 'fixed');
    expect(all(unexpected, 'failure')[0].text).toBe(
      'recovers on fixed (feedback-loop, random engine): expected holds, got violated.\n' +
        'counterexample: counterexamples/feedback-loop/recovers--fixed.json\n' +
        'replay: npx cascade replay counterexamples/feedback-loop/recovers--fixed.json',
    );
    const missed = testcase(root, 'random', 'login-flood-2007', 'recovers', 'skype-2007');
    expect(all(missed, 'failure')[0].text).toContain(
      'counterexample: none\nreplay: npx cascade check --suite login-flood-2007 --property recovers --variant skype-2007',
    );
    const bounded = testcase(root, 'exhaustive', 'crash-cascade-2010', 'no-client-crash', 'fixed');
    expect(all(bounded, 'failure')[0].attributes.message).toBe('expected holds, got bound-reached');
  });

  it('passes an expected violation and states the verdict, counterexample and shrinking in system-out', () => {
    const root = validate(junitXml(results()));
    const random = testcase(root, 'random', 'feedback-loop', 'no-cascade', 'skype-2010');
    expect(random.children.map((c) => c.name)).toEqual(['system-out']);
    expect(out(random)).toBe(
      [
        'no-cascade on skype-2010 (feedback-loop, random engine): violated, an expected violation.',
        'verdict: violated',
        'expected: violated',
        'counterexample: counterexamples/feedback-loop/no-cascade--skype-2010.json',
        'saved: written',
        'eventsBeforeShrink: 12',
        'eventsAfterShrink: 8',
        'replay: npx cascade replay counterexamples/feedback-loop/no-cascade--skype-2010.json',
        'runs: 11',
        'triggeredRuns: 1',
        'coverage: 18/30',
        'trivial: false',
        'seed: 2010',
      ].join('\n'),
    );
    const exhaustive = testcase(root, 'exhaustive', 'crash-cascade-2010', 'no-client-crash', 'skype-2010');
    expect(exhaustive.children.map((c) => c.name)).toEqual(['system-out']);
    expect(out(exhaustive)).toContain('violated, an expected violation.\n');
    expect(out(exhaustive)).toContain('counterexample: counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json\n');
    expect(out(exhaustive)).toContain('eventsInCounterexample: 6\nshortest: true\n');
    expect(out(exhaustive)).toContain('states: 29\n');
    expect(out(exhaustive)).toContain('depth: 4\n');
    expect(out(exhaustive)).toContain('stoppedBy: violation\n');
    expect(out(exhaustive)).toContain('horizon: 40\n');
    const holds = testcase(root, 'random', 'feedback-loop', 'no-cascade', 'fixed');
    expect(out(holds)).toContain('holds (5,000 runs, coverage 18/30 (kind x tick) cells), as expected.\n');
    expect(out(holds)).toContain('counterexample: none\n');
    expect(out(holds)).toContain('runs: 5000\n');
    expect(out(holds)).toContain('coverage: 18/30\n');
    expect(out(holds)).not.toContain('eventsBeforeShrink');
    const vacuous = testcase(root, 'random', 'directory', 'consistent-directory', 'skype-2010');
    expect(all(vacuous, 'failure')).toHaveLength(0);
    expect(out(vacuous)).toContain('vacuous; the suite expects no verdict here.\n');
  });

  it("says beside every holds what it rests on: runs and coverage, or states and the adversary's choice points, a small or trivial search named", () => {
    const input: JunitInput = {
      random: [
        randomPair('feedback-loop', 'no-cascade', 'fixed', 'holds', 'holds'),
        randomPair('feedback-loop', 'recovers', 'fixed', null, 'holds', { coverage: { cells: 0, possible: 30, lateCells: 0, latePossible: 10, lateKinds: 0 } }),
      ],
      exhaustive: [
        explorePair('crash-cascade-2010', 'no-client-crash', 'fixed', 'holds', 'holds', { states: 78, branchingStates: 4, transitions: 82 }),
        explorePair('feedback-loop', 'no-cascade', 'fixed', 'holds', 'holds-within-horizon', { states: 2_783_691, branchingStates: 61_000 }),
        explorePair('feedback-loop', 'recovers', 'fixed', null, 'holds-within-horizon', { states: 4, branchingStates: 0 }),
        explorePair('crash-cascade-2010', 'no-cascade', 'skype-2010', 'violated', 'violated'),
      ],
    };
    const root = validate(junitXml(input));
    checkHoldsStrength(root);
    const cases = all(root, 'testsuite').flatMap((s) => all(s, 'testcase'));
    const holding = cases.filter((c) => /^verdict: holds/m.test(out(c)));
    expect(holding).toHaveLength(5);
    for (const c of holding) {
      const [sentence] = out(c).split('\n');
      if (c.attributes.classname!.endsWith('.random')) expect(sentence).toMatch(/holds \(5,000 runs, coverage \d+\/30 \(kind x tick\) cells/);
      else expect(sentence).toMatch(/holds(-within-horizon)? \((small search: |trivial search: )?[\d,]+ states?, the adversary could act in ([\d,]+|none)\)/);
      if (c.attributes.classname!.endsWith('.exhaustive')) expect(out(c)).toMatch(/^states: [\d]+\nbranchingStates: \d+\nsearchSize: (trivial|small|large)$/m);
    }
    expect(out(testcase(root, 'exhaustive', 'crash-cascade-2010', 'no-client-crash', 'fixed')).split('\n')[0]).toBe(
      'no-client-crash on fixed (crash-cascade-2010, exhaustive engine): holds (small search: 78 states, the adversary could act in 4), as expected.',
    );
    expect(out(testcase(root, 'exhaustive', 'crash-cascade-2010', 'no-client-crash', 'fixed'))).toContain('searchSize: small\n');
    const large = out(testcase(root, 'exhaustive', 'feedback-loop', 'no-cascade', 'fixed'));
    expect(large.split('\n')[0]).toBe(
      'no-cascade on fixed (feedback-loop, exhaustive engine): holds-within-horizon (2,783,691 states, the adversary could act in 61,000), as expected.',
    );
    expect(large).toContain('searchSize: large\n');
    expect(out(testcase(root, 'exhaustive', 'feedback-loop', 'recovers', 'fixed'))).toMatch(
      /^recovers on fixed .*: holds-within-horizon \(trivial search: 4 states, the adversary could act in none\); the suite expects no verdict here\./,
    );
    expect(out(testcase(root, 'random', 'feedback-loop', 'recovers', 'fixed'))).toMatch(
      /holds \(5,000 runs, coverage 0\/30 \(kind x tick\) cells, trivial: no adversary event applied in any run\)/,
    );
    expect(out(testcase(root, 'random', 'feedback-loop', 'recovers', 'fixed'))).toContain('trivial: true\n');
    // A violation says nothing of strength in its sentence.
    expect(out(testcase(root, 'exhaustive', 'crash-cascade-2010', 'no-cascade', 'skype-2010')).split('\n')[0]).toMatch(/: violated, an expected violation\.$/);
  });

  it('escapes markup and drops characters XML 1.0 does not allow, and the result still parses', () => {
    const hostile = `a<b>&"c'\u0001d\u0000]]>\uD800e`;
    const input: JunitInput = {
      name: 'line one\nline\ttwo\r"three"',
      random: [
        randomPair('s&<x>', hostile, 'v"\u001b', 'holds', 'violated', {
          counterexample: `dir/${hostile}.json`,
          replay: `npx cascade replay 'dir/${hostile}.json'`,
          suiteFile: `suites/${hostile}.ts`,
        }),
      ],
      exhaustive: [
        explorePair('s&<x>', hostile, 'v', 'holds', 'violated', { scope: { ...explorePair('s', 'p', 'v', 'holds', 'holds').scope, reason: '<&>\r\n' } }),
      ],
    };
    const xml = junitXml(input);
    const root = validate(xml);
    // Nothing illegal is left in the bytes, and no raw markup from the input.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uD800-\uDFFF]/);
    expect(xml).not.toContain('a<b>');
    expect(xml).not.toContain(']]>');
    const clean = `a<b>&"c'd]]>e`;
    expect(root.attributes.name).toBe('line one\nline\ttwo\r"three"');
    const c = testcase(root, 'random', 's&<x>', clean, 'v"');
    expect(all(c, 'failure')[0].text).toContain(`counterexample: dir/${clean}.json\nreplay: npx cascade replay 'dir/${clean}.json'`);
    expect(out(c)).toContain(`${clean} on v" (s&<x>, random engine): expected holds, got violated.`);
    const suite = all(root, 'testsuite')[0];
    expect(all(all(suite, 'properties')[0], 'property').map((p) => p.attributes)).toEqual([
      { name: 'suite', value: 's&<x>' },
      { name: 'engine', value: 'random' },
      { name: 'suiteFile', value: `suites/${clean}.ts` },
    ]);
    expect(out(testcase(root, 'exhaustive', 's&<x>', clean, 'v'))).toContain('at most 2 faults (<&>\r\n)');
  });

  it('gives the same bytes for the same input, leaves the input alone, and writes a timestamp only when given', () => {
    const input = results();
    const before = JSON.stringify(input);
    const xml = junitXml(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(junitXml(results())).toBe(xml);
    expect(junitXml(structuredClone(input))).toBe(xml);
    expect(xml).not.toContain('timestamp');
    const stamped = junitXml({ ...input, timestamp: '2024-05-01T12:00:00', name: 'nightly' });
    expect(junitXml({ ...results(), timestamp: '2024-05-01T12:00:00', name: 'nightly' })).toBe(stamped);
    const root = validate(stamped);
    expect(root.attributes.name).toBe('nightly');
    for (const s of all(root, 'testsuite')) expect(s.attributes.timestamp).toBe('2024-05-01T12:00:00');
  });

  it('writes an empty report for no results', () => {
    const xml = junitXml({ random: [], exhaustive: [] });
    expect(xml).toBe(`${DECLARATION}\n<testsuites name="cascade" tests="0" failures="0" errors="0" time="0.000">\n</testsuites>\n`);
    validate(xml);
  });
});

describe('the checks this test relies on', () => {
  const valid = junitXml(results());
  const reject = (xml: string, message: RegExp) => expect(() => validate(xml)).toThrow(message);

  it('reject XML that is not well-formed', () => {
    reject(valid.replace('feedback-loop (random engine)', 'a & b'), /bad reference/);
    reject(valid.replace('feedback-loop (random engine)', 'a < b'), /< in an attribute/);
    reject(valid.replace('</system-out>', '</system-err>'), /closes <system-out>/);
    reject(valid.replace('verdict: violated', 'verdict: \u0001'), /not allowed in XML 1.0/);
    reject(valid.replace('verdict: violated', 'verdict: &#1;'), /not allowed in XML 1.0/);
    reject(valid.replace('verdict: violated', 'verdict: ]]>'), /]]> in character data/);
    reject(valid.replace('tests="10"', 'tests="10" tests="10"'), /repeated attribute/);
    reject(valid + '<x/>', /after the root/);
    reject(valid.replace(DECLARATION, ''), /declaration/);
  });

  it('normalize a raw newline in an attribute to a space, as XML parsers do', () => {
    const root = parseXml(valid.replace('name="cascade"', 'name="a\nb&#10;c"'));
    expect(root.attributes.name).toBe('a b\nc');
  });

  it('reject a holds that does not say what it rests on', () => {
    const root = (xml: string) => parseXml(xml);
    expect(() => checkHoldsStrength(root(valid))).not.toThrow();
    expect(() => checkHoldsStrength(root(valid.replaceAll(/\nsearchSize: \w+/g, '')))).toThrow(/without states, branchingStates and searchSize/);
    expect(() => checkHoldsStrength(root(valid.replace(/holds-within-horizon \(small search: /, 'holds-within-horizon (')))).toThrow(
      /a small search not named so/,
    );
    expect(() => checkHoldsStrength(root(valid.replaceAll(/\nruns: 5000/g, '')))).toThrow(/without its runs and coverage/);
  });

  it('reject what the JUnit shape does not allow', () => {
    reject(valid.replace('<testsuites name="cascade"', '<testsuites skipped="0" name="cascade"'), /attribute skipped not allowed/);
    reject(valid.replace(/<system-out>/, '<properties><property name="verdict" value="violated"/></properties><system-out>'), /<properties> not allowed here/);
    reject(valid.replace(/(<failure [^>]*>[^<]*<\/failure>)\n(\s*)(<system-out>[^<]*<\/system-out>)/, '$3\n$2$1'), /<failure> not allowed here/);
    reject(valid.replace(' classname="feedback-loop.random"', ''), /attribute classname missing/);
    reject(valid.replace(' message="expected holds, got violated"', ''), /attribute message missing/);
    reject(valid.replace(/time="1\.235"/, 'time="-1.235"'), /is not seconds/);
    reject(valid.replace('tests="4"', 'tests="5"'), /tests=5, 4 testcases/);
    reject(valid.replace(/failures="1"/, 'failures="0"'), /failures=0, 1 failing/);
    reject(valid.replace('tests="10"', 'tests="11"'), /testsuites: tests=11/);
    reject(valid.replace(/time="1\.235"/, 'time="1.236"'), /time=1\.257, testcases take 1258 ms/);
    reject(valid.replace('</properties>', '</properties>stray'), /text in element-only content/);
  });
});

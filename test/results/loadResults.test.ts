/**
 * Loading a results file: real results round-trip; an edited or hostile file (wrong types, missing
 * fields, prototype names, unknown names, huge or non-finite numbers, nested and deep arrays, too
 * many rows) is one line naming the file and the field, and never a thrown error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResults } from '../../src/results/loadResults.ts';
import type { Results } from '../../src/results/results.ts';
import { MAX_ROWS, MAX_STRING } from '../../src/results/resultsSchema.ts';
import { smallResults } from '../report/fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-results-'));
let results: Results;
let real: string;

beforeAll(() => {
  results = smallResults(join(dir, 'counterexamples'));
  real = JSON.stringify(results, null, 2);
});

let written = 0;
function file(text: string): string {
  const path = join(dir, `results-${written++}.json`);
  writeFileSync(path, text);
  return path;
}

/** A copy of the real results, edited (any shape: the point is to break it). */
function edited(edit: (r: any) => unknown): string {
  const copy = JSON.parse(real) as unknown;
  const replaced = edit(copy);
  return JSON.stringify(replaced === undefined ? copy : replaced);
}

describe('a real results file', () => {
  it('has a row of every kind to break', () => {
    for (const rows of [results.scenarios, results.random, results.exhaustive, results.ratios, results.fixSets, results.suites])
      expect(rows.length).toBeGreaterThan(0);
  });

  it('round-trips through JSON and the schema', () => {
    const loaded = loadResults(file(real));
    expect(loaded).toEqual({ ok: true, value: results });
  });
});

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

/** [what, the file's text, the field the error must name, what the error must say]. */
const hostile: [string, () => string, string, RegExp][] = [
  ['a number where a row belongs', () => edited((r) => void (r.random = [1])), 'random.0', /expected object, received number/],
  ['a row with a missing field', () => edited((r) => void delete r.random[0].runs), 'random.0.runs', /^missing \(expected number\)$/],
  ['a string where a number belongs', () => edited((r) => void (r.exhaustive[0].states = '12')), 'exhaustive.0.states', /expected number, received string/],
  ['a NaN-like string', () => edited((r) => void (r.scenarios[0].crashes = 'NaN')), 'scenarios.0.crashes', /expected number, received string/],
  ['"Infinity" as a string', () => edited((r) => void (r.ratios[0].ratio = 'Infinity')), 'ratios.0.ratio', /expected number/],
  [
    'a number too large for a double (Infinity)',
    () => edited((r) => void (r.exhaustive[0].ms = 123456789)).replace('"ms":123456789', '"ms":1e999'),
    'exhaustive.0.ms',
    /expected number, received Infinity/,
  ],
  ['a count past the safe integers', () => edited((r) => void (r.random[0].runs = 1e300)), 'random.0.runs', /Too big/],
  ['a negative count', () => edited((r) => void (r.exhaustive[0].transitions = -1)), 'exhaustive.0.transitions', /Too small/],
  [
    'an exhaustive row of the last version (no branchingStates)',
    () => edited((r) => void delete r.exhaustive[0].branchingStates),
    'exhaustive.0.branchingStates',
    /^missing \(expected number\)$/,
  ],
  [
    'more states where the adversary acts than states',
    () => edited((r) => void (r.exhaustive[0].branchingStates = r.exhaustive[0].states + 1)),
    'exhaustive.0.branchingStates',
    /^branchingStates is more than states$/,
  ],
  ['a fractional count', () => edited((r) => void (r.scenarios[0].wantOnline = 2.5)), 'scenarios.0.wantOnline', /expected int/],
  ['a share above 1', () => edited((r) => void (r.scenarios[0].lateOnlineShare = 2)), 'scenarios.0.lateOnlineShare', /Too big/],
  ['a seed outside 32 bits', () => edited((r) => void (r.random[0].seed = 2 ** 40)), 'random.0.seed', /Too big/],
  // Object.prototype keys are refused by the same rules as any other unknown name (own-entry lookups).
  ['__proto__ as a property', () => edited((r) => void (r.random[0].property = '__proto__')), 'random.0.property', /"__proto__" is not a property name/],
  ['constructor as a variant', () => edited((r) => void (r.random[0].variant = 'constructor')), 'random.0.variant', /unknown variant 'constructor'/],
  ['toString as a suite', () => edited((r) => void (r.ratios[0].suite = 'toString')), 'ratios.0.suite', /unknown suite "toString"/],
  [
    'hasOwnProperty as a fix',
    () => edited((r) => void (r.exhaustive[0].variant = 'skype-2010+hasOwnProperty')),
    'exhaustive.0.variant',
    /unknown fix 'hasOwnProperty'/,
  ],
  ['valueOf as a scenario', () => edited((r) => void (r.scenarios[0].scenario = 'valueOf')), 'scenarios.0.scenario', /unknown scenario "valueOf"/],
  ['__proto__ as a field of a row', () => real.replace('"suite":', '"__proto__": {"polluted": true}, "suite":'), 'random.0', /^unknown field "__proto__"$/],
  ['an unknown field', () => edited((r) => void (r.exhaustive[0].extra = 1)), 'exhaustive.0', /^unknown field "extra"$/],
  ['an unknown top-level field', () => edited((r) => void (r.constructor = {})), '(top level)', /^unknown field "constructor"$/],
  [
    'an unknown property',
    () => edited((r) => void (r.random[0].property = 'no-such-property')),
    'random.0.property',
    /unknown property "no-such-property" \(known: .*no-client-crash/,
  ],
  ['an unknown suite', () => edited((r) => void (r.exhaustive[0].suite = 'no-such-suite')), 'exhaustive.0.suite', /unknown suite "no-such-suite"/],
  ['an unknown variant', () => edited((r) => void (r.random[0].variant = 'skype-2099')), 'random.0.variant', /unknown variant 'skype-2099'/],
  ['an unknown fix', () => edited((r) => void (r.random[0].variant = 'skype-2010+magic')), 'random.0.variant', /unknown fix 'magic'/],
  [
    'a name with a line break',
    () => edited((r) => void (r.random[0].variant = 'skype-2010\nFAIL')),
    'random.0.variant',
    /"skype-2010\\nFAIL" is not a variant name/,
  ],
  ['a verdict of the other engine', () => edited((r) => void (r.random[0].verdict = 'holds-within-horizon')), 'random.0.verdict', /Invalid option/],
  ['an unknown expectation', () => edited((r) => void (r.exhaustive[0].expected = 'maybe')), 'exhaustive.0.expected', /Invalid option/],
  [
    'a results file of an older version (no schemaVersion)',
    () => edited((r) => void delete r.schemaVersion),
    'schemaVersion',
    /missing, this cascade reads version 4 \(run 'cascade start' again/,
  ],
  ['a results file of another version', () => edited((r) => void (r.schemaVersion = 99)), 'schemaVersion', /99, this cascade reads version 4/],
  ['an unknown fix in a fix set', () => edited((r) => void (r.fixSets[0].sets[1].fixes = ['magic'])), 'fixSets.0.sets.1.fixes.0', /Invalid option/],
  ['an unknown outcome of a fix set', () => edited((r) => void (r.fixSets[0].sets[0].outcome = 'fine')), 'fixSets.0.sets.0.outcome', /Invalid option/],
  [
    'a negative counterexample length in a fix set',
    () => edited((r) => void (r.fixSets[0].sets[0].checks[0].counterexample = { engine: 'random', shortest: false, events: -1, replay: 'x' })),
    'fixSets.0.sets.0.checks.0.counterexample.events',
    /Too small/,
  ],
  ['nested arrays for a row', () => edited((r) => void (r.random = [[[[1]]]])), 'random.0', /expected object, received array/],
  ['nested arrays for a number', () => edited((r) => void (r.ratios[0].random = [[1]])), 'ratios.0.random', /expected number, received array/],
  [
    'deep nesting',
    () => real.replace('"counterexample":', `"counterexample": ${deep(100_000)}, "x":`),
    'random.0.counterexample',
    /expected string, received array/,
  ],
  [`more than ${MAX_ROWS} rows`, () => edited((r) => void (r.ratios = new Array(MAX_ROWS + 1).fill(0))), 'ratios', /more than 10000 rows/],
  [`a string longer than ${MAX_STRING}`, () => edited((r) => void (r.random[0].replay = 'x'.repeat(MAX_STRING + 1))), 'random.0.replay', /Too big/],
  ['a boolean as a string', () => edited((r) => void (r.exhaustive[0].met = 'true')), 'exhaustive.0.met', /expected boolean, received string/],
  ['a list that is an object', () => edited((r) => void (r.scenarios = { 0: r.scenarios[0] })), 'scenarios', /^must be a list/],
  ['a missing list', () => edited((r) => void delete r.exhaustive), 'exhaustive', /^missing \(is it a file saved by 'cascade start'\?\)$/],
  ['another budget', () => edited((r) => void (r.budget = 'huge')), 'budget', /must be test or start/],
  ['another tool', () => edited((r) => void (r.tool.name = 'other')), 'tool.name', /expected "cascade"/],
  ['no tool', () => edited((r) => void delete r.tool), 'tool', /^missing/],
  [
    'a results file of version 3 (no suites, no population run)',
    () => edited((r) => void ((r.schemaVersion = 3), delete r.suites, delete r.fidelity, delete r.fidelityReduction)),
    'schemaVersion',
    /^3, this cascade reads version \d+ \(run 'cascade start' again to save the results anew\)$/,
  ],
  ['no suites', () => edited((r) => void delete r.suites), 'suites', /^missing \(is it a file saved by 'cascade start'\?\)$/],
  [
    'a verdict of a suite with no record',
    () => edited((r) => void (r.suites = r.suites.filter((s: { id: string }) => s.id !== r.random[0].suite))),
    'random.0.suite',
    /^suite "crash-cascade-2010" has no record in suites$/,
  ],
  ['a suite recorded twice', () => edited((r) => void r.suites.push(r.suites[0])), 'suites', /^suite "crash-cascade-2010" is recorded twice$/],
  ['an unknown suite record', () => edited((r) => void (r.suites[0].id = 'no-such-suite')), 'suites.0.id', /unknown suite "no-such-suite"/],
  ['an unknown event kind of a suite', () => edited((r) => void (r.suites[1].kinds = ['meteor'])), 'suites.1.kinds.0', /Invalid option/],
  [
    'an unknown expectation of a suite',
    () => edited((r) => void (r.suites[0].variants[0].expected['no-client-crash'] = 'maybe')),
    'suites.0.variants.0.expected.no-client-crash',
    /Invalid option/,
  ],
  ['a suite with no properties', () => edited((r) => void (r.suites[0].properties = [])), 'suites.0.properties', /Too small/],
  ['null', () => 'null', '(top level)', /not a results object/],
  ['a list', () => '[]', '(top level)', /not a results object/],
  ['a string', () => '"results"', '(top level)', /not a results object/],
];

describe('a hostile or edited results file', () => {
  it.each(hostile)('%s: one line naming the field', (_what, text, where, says) => {
    const path = file(text());
    let loaded: ReturnType<typeof loadResults> | undefined;
    expect(() => (loaded = loadResults(path))).not.toThrow();
    expect(loaded!.ok).toBe(false);
    const error = (loaded as { ok: false; error: string }).error;
    expect(error).not.toMatch(/[\n\r]/);
    expect(error.startsWith(`${path}: ${where}: `)).toBe(true);
    expect(error.slice(`${path}: ${where}: `.length)).toMatch(says);
  });

  it('pollutes no prototype on the way', () => {
    loadResults(file(real.replace('"suite":', '"__proto__": {"polluted": true}, "suite":')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a file that is not JSON, or not there, with one line', () => {
    const broken = loadResults(file('{"tool": '));
    expect(!broken.ok && broken.error).toMatch(/: not valid JSON \(/);
    const missing = loadResults(join(dir, 'nope.json'));
    expect(!missing.ok && missing.error).toMatch(/nope\.json: cannot read/);
  });
});

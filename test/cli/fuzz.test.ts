/**
 * Hostile and careless input, fuzzed with fast-check: random argument vectors for every command and
 * random mutations of committed counterexample files. Every run must end with exit 0 or 1 (a result)
 * or 2 and exactly one line on stderr, never a stack trace, and must change no file outside its own
 * output directory (the fixtures, the committed counterexamples and the report stay as they were).
 * The commands run in this process (`main`), so that hundreds of runs fit in `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runInProcess, type InProcessRun } from '../support/inProcess.ts';

/** Runs per property; each is a whole command (most end at input checking, some replay a file). */
const ARGV_RUNS = 1000;
const MUTATION_RUNS = 400;

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'cascade-fuzz-'));
const fixtures = join(work, 'fixtures');
const outRoot = join(work, 'out');
/**
 * The commands run with their working directory inside the fixtures (two levels down, so that
 * `.`, `..` and bare names like `valueOf` land there too): a relative path never reaches the
 * repository.
 */
const cwd = join(fixtures, 'home', 'cwd');
afterAll(() => {
  process.chdir(root);
  rmSync(work, { recursive: true, force: true });
});

const committed = [
  'counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json',
  'counterexamples/login-flood-2007/no-cascade--skype-2007.json',
  'counterexamples/feedback-loop/recovers--skype-2010.json',
].filter((f) => {
  try {
    return lstatSync(f).isFile();
  } catch {
    return false;
  }
});

/** The fixtures: a user's files of every kind a careless path may name. */
function makeFixtures(): void {
  mkdirSync(join(fixtures, 'cx'), { recursive: true });
  mkdirSync(join(fixtures, 'adir', 'charts'), { recursive: true });
  for (const f of committed) copyFileSync(f, join(fixtures, 'cx', f.split('/').pop()!));
  for (const f of committed) {
    mkdirSync(join(cwd, dirname(f)), { recursive: true });
    copyFileSync(f, join(cwd, f));
  }
  writeFileSync(join(fixtures, 'notes.txt'), 'a user file\n');
  writeFileSync(join(fixtures, 'adir', 'charts', 'mine.svg'), '<svg/>\n');
  writeFileSync(join(fixtures, 'adir', 'report.md'), '# my own report\n');
  writeFileSync(join(fixtures, 'results-bad.json'), JSON.stringify({ scenarios: [1], random: 'x', exhaustive: [], ratios: [] }));
  writeFileSync(join(fixtures, 'results-proto.json'), '{"__proto__": {"polluted": true}, "constructor": 1}');
  writeFileSync(join(fixtures, 'config-good.json'), '{ "faultBudget": 1 }');
  writeFileSync(join(fixtures, 'config-unknown.json'), '{ "faultBudgte": 1 }');
  writeFileSync(join(fixtures, 'config-infeasible.json'), '{ "supernodeCapacity": 1 }');
  writeFileSync(join(fixtures, 'config-array.json'), '[1, 2]');
  writeFileSync(join(fixtures, 'config-proto.json'), '{"__proto__": {"faultBudget": 9}, "constructor": 1}');
  writeFileSync(
    join(fixtures, 'suite-good.mjs'),
    "export default ({ defineSuite }) => defineSuite({ id: 'fuzz-suite', title: 'fuzz', kinds: ['crash'], properties: ['no-cascade'], variants: { fixed: null }, exhaustive: { variants: ['fixed'], horizon: 2, maxStates: 2000 } });\n",
  );
  writeFileSync(
    join(fixtures, 'suite-kind.mjs'),
    "export default { id: 'fuzz-kind', title: 'fuzz', kinds: ['crsh'], properties: ['no-cascade'], variants: ['fixed'] };\n",
  );
  writeFileSync(join(fixtures, 'suite-throws.mjs'), "throw new Error('boom\\nsecond line');\n");
  writeFileSync(join(fixtures, 'suite-syntax.mjs'), 'export default {\n');
  writeFileSync(join(fixtures, 'suite-none.mjs'), 'export const x = 1;\n');
  writeFileSync(
    join(fixtures, 'suite-property-throws.mjs'),
    "export default ({ defineSuite, defineProperty }) => defineSuite({ id: 'fuzz-throws', title: 'fuzz', kinds: ['crash'], properties: [defineProperty({ id: 'throws', summary: 'throws', always: () => { throw new Error('inside'); } })], variants: ['fixed'] });\n",
  );
  symlinkSync(join(fixtures, 'nowhere.json'), join(fixtures, 'dangling.json'));
  symlinkSync(join(fixtures, 'cx'), join(fixtures, 'cx-link'));
  symlinkSync(join(fixtures, 'notes.txt'), join(fixtures, 'notes-link.txt'));
  execFileSync('mkfifo', [join(fixtures, 'fifo')]);
}
makeFixtures();

/** A fingerprint of every file under `dir` (kind, and content for regular files). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stat = lstatSync(path);
      const key = relative(dir, path);
      if (stat.isDirectory()) {
        out.set(key, 'dir');
        walk(path);
      } else if (stat.isFile()) out.set(key, createHash('sha1').update(readFileSync(path)).digest('hex'));
      else out.set(key, stat.isSymbolicLink() ? 'link' : 'special');
    }
  };
  walk(dir);
  return out;
}

/** The fixtures as the last run left them (a run may add files where it was told to write). */
let fixturesNow = snapshot(fixtures);
const committedBefore = snapshot(join(root, 'counterexamples'));
const repositoryBefore = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });

// ---- pools of careless and hostile values --------------------------------------------------------

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];
const names = fc.constantFrom(
  'no-client-crash',
  'no-cascade',
  'recovers',
  'consistent-directory',
  'bounded-login-load',
  'login-completes',
  'skype-2010',
  'skype-2007',
  'fixed',
  'skype-2010+robust-client',
  'fixed+constructor',
  'skype-2010+__proto__',
  'constructor+fixed',
  'outage-2010',
  'outage-2007',
  'small',
  'population',
  'test',
  'start',
  ...PROTO_NAMES,
  '',
  ' ',
  '+',
  'skype-2010++',
  'ñ',
  'x'.repeat(5000),
);
const numbers = fc.constantFrom(
  '0',
  '1',
  '2',
  '3',
  '-1',
  '-0',
  '1e3',
  '1.5',
  '0x10',
  'NaN',
  'Infinity',
  ' 3',
  '',
  '99999999999999999999',
  '10000001',
  '2147483648',
  '-2147483649',
  'abc',
);
/** Paths of every kind; `OUT` is replaced by the run's own output directory. */
const PATHS = [
  '',
  '.',
  '..',
  '/',
  '-',
  fixtures,
  `${fixtures}/`,
  join(fixtures, 'notes.txt'),
  join(fixtures, 'notes.txt', 'inside.json'),
  join(fixtures, 'adir'),
  join(fixtures, 'adir', 'report.md'),
  join(fixtures, 'fifo'),
  join(fixtures, 'dangling.json'),
  join(fixtures, 'notes-link.txt'),
  join(fixtures, 'cx-link'),
  join(fixtures, 'cx'),
  join(fixtures, 'results-bad.json'),
  join(fixtures, 'results-proto.json'),
  ...committed.map((f) => join(fixtures, 'cx', f.split('/').pop()!)),
  ...committed,
  ...committed.map((f) => join(root, f)),
  'counterexamples',
  'counterexamples/new.json',
  '/dev/null',
  '/dev/zero',
  '/dev/full',
  '/dev/stdin',
  '/proc/self/status',
  '/sys/cascade.json',
  '/proc/cascade.json',
  '/proc/cascade/x.json',
  '/proc/cascade',
  join(fixtures, 'missing', 'deep', 'x.json'),
  `${'y'.repeat(300)}.json`,
  'OUT/x.json',
  'OUT/new/dir/x.itf.json',
  'OUT/d.mmd',
  'OUT/d.md',
  'OUT/d.svg',
  'OUT',
  'OUT/',
  ...PROTO_NAMES,
];
const paths = fc.constantFrom(...PATHS);
/** `--set` values: good ones, unknown keys, wrong types, infeasible and huge values, prototype names. */
const settings = fc.constantFrom(
  'faultBudget=1',
  'faultBudget=3',
  'faultBudget=-1',
  'faultBudget=abc',
  'faultBudget=',
  'faultBudget=1.5',
  'faultBudget=1e3',
  'peers=1e9',
  'peers=99999999999999999999',
  'supernodeCapacity=1',
  'supernodeCapacity=4',
  'megaCounts=1,2',
  'megaCounts=',
  'megaCounts=1,,2',
  'massRebootPercents=150',
  'seed=-1',
  'seed=4294967296',
  '=3',
  'faultBudget',
  'nope=1',
  '__proto__=1',
  'constructor=2',
  'toString=1',
  'hasOwnProperty=0',
  'faultBudget=1=2',
  'x'.repeat(300) + '=1',
);
const configs = fc.constantFrom(
  ...['config-good.json', 'config-unknown.json', 'config-infeasible.json', 'config-array.json', 'config-proto.json', 'fifo', 'notes.txt', 'adir'].map((f) =>
    join(fixtures, f),
  ),
  ...PATHS,
);
const suites = fc.constantFrom(
  'crash-cascade-2010',
  'feedback-loop',
  'directory',
  'no-such-suite',
  '__proto__',
  'constructor',
  ...[
    'suite-good.mjs',
    'suite-kind.mjs',
    'suite-throws.mjs',
    'suite-syntax.mjs',
    'suite-none.mjs',
    'suite-property-throws.mjs',
    'notes.txt',
    'missing.mjs',
    'adir',
    'fifo',
  ].map((f) => join(fixtures, f)),
  join(fixtures, 'adir') + '/x.ts',
  ...PATHS,
);
/** `--shard K/N` values, good and bad. */
const shards = fc.constantFrom('1/3', '3/3', '2/2', '1/1', '0/3', '4/3', '1/0', '1/', '/3', 'a/b', '1/10001', '1/3/5', '-1/3', '', ' 1/3');
/** Flags of parallel and sharded work, on the searching commands. */
const PARALLEL_FLAGS: Flag[] = [
  ['--workers', numbers],
  ['--shard', shards],
  ['--out', paths],
];
const PARAMETER_FLAGS: Flag[] = [
  ['--set', settings],
  ['--set', settings],
  ['--config', configs],
];

type Flag = [string, fc.Arbitrary<string> | null];
const COMMAND_FLAGS: Record<string, { flags: Flag[]; guard: string[]; positional?: boolean }> = {
  check: {
    flags: [
      ['--property', names],
      ['--variant', names],
      ['--runs', numbers],
      ['--seed', numbers],
      ['--budget', names],
      ['--dir', paths],
      ['--update', null],
      ['--json', null],
      ['--junit', paths],
      ['--suite', suites],
      ...PARAMETER_FLAGS,
      ...PARALLEL_FLAGS,
    ],
    // Keeps a valid run small: one pair, three runs, stored under the run's own directory.
    guard: ['--property', 'no-client-crash', '--variant', 'skype-2010', '--runs', '3', '--budget', 'test', '--dir', 'OUT/cx'],
  },
  explore: {
    flags: [
      ['--property', names],
      ['--variant', names],
      ['--budget', names],
      ['--horizon', numbers],
      ['--max-states', numbers],
      ['--max-memory', numbers],
      ['--dir', paths],
      ['--update', null],
      ['--json', null],
      ['--junit', paths],
      ['--suite', suites],
      ...PARAMETER_FLAGS,
      ...PARALLEL_FLAGS,
    ],
    guard: ['--property', 'no-client-crash', '--variant', 'skype-2010', '--horizon', '3', '--max-states', '3000', '--max-memory', '64', '--dir', 'OUT/cx'],
  },
  replay: {
    flags: [
      ['--variant', names],
      ['--json', null],
      ['--itf', paths],
      ['--diagram', paths],
      ['--update', null],
      ['--suite', suites],
    ],
    guard: [],
    positional: true,
  },
  simulate: {
    flags: [['--scenario', names], ['--variant', names], ['--ticks', numbers], ['--seed', numbers], ['--json', null], ...PARAMETER_FLAGS],
    guard: ['--scenario', 'outage-2010', '--variant', 'fixed', '--scale', 'small', '--ticks', '5'],
  },
  sweep: {
    flags: [
      ['--param', fc.constantFrom('buggyReleasePercent', 'faultBudget', 'peers', 'megaCounts', 'seed', ...PROTO_NAMES, 'nope')],
      ['--from', numbers],
      ['--to', numbers],
      ['--steps', numbers],
      ['--bisect', null],
      ['--scenario', names],
      ['--suite', suites],
      ['--property', names],
      ['--variant', names],
      ['--seeds', numbers],
      ['--runs', numbers],
      ['--out', paths],
      ['--update', null],
      ['--json', null],
      ...PARAMETER_FLAGS,
    ],
    // Keeps a valid run small: the small scale, two values, one seed, written under the run's own directory.
    guard: [
      '--scenario',
      'outage-2010',
      '--scale',
      'small',
      '--param',
      'buggyReleasePercent',
      '--from',
      '0',
      '--to',
      '10',
      '--steps',
      '2',
      '--seeds',
      '1',
      '--out',
      'OUT/sweeps',
      '--workers',
      '1',
    ],
  },
  report: {
    // Valid results are not in the pool: writing a whole report takes seconds (test/report covers it).
    flags: [
      ['--out', paths],
      ['--results', paths],
      ['--dir', paths],
      ['--budget', names],
      ['--update', null],
      ['--json', null],
      ['--suite', suites],
    ],
    guard: ['--out', 'OUT/report', '--results', join(fixtures, 'results-bad.json')],
  },
  // A valid run is one small suite on one base (seconds); the fuzzed suites are the refused kinds only.
  fixes: {
    flags: [
      ['--base', names],
      ['--budget', names],
      ['--runs', numbers],
      ['--among', fc.constantFrom('admission-control,mega-supernodes', 'robust-client', '', 'magic', '__proto__', 'fixed')],
      ['--every-set', null],
      ['--json', null],
      [
        '--suite',
        fc.constantFrom(
          'crash-cascade-2010',
          'no-such-suite',
          '__proto__',
          ...['suite-throws.mjs', 'suite-syntax.mjs', 'notes.txt', 'missing.mjs', 'adir', 'fifo'].map((f) => join(fixtures, f)),
        ),
      ],
    ],
    guard: ['--suite', 'crash-cascade-2010', '--base', 'skype-2010', '--budget', 'test', '--runs', '20', '--workers', '1'],
  },
  // Shard files of every kind are in the path pool (none valid: a valid merge is covered by merge.test.ts).
  merge: {
    flags: [
      ['--json', null],
      ['--junit', paths],
      ['--dir', paths],
      ['--out', paths],
      ['--update', null],
    ],
    guard: [],
    positional: true,
  },
  // The main job with valid flags takes minutes: every start run here carries an unknown flag.
  start: {
    flags: [
      ['--json', null],
      ['--bogus', null],
    ],
    guard: ['--no-such-flag'],
  },
};
const JUNK = fc.constantFrom(
  '--',
  '-',
  '-h',
  '--help=3',
  '--json=1',
  '--runs=',
  '--=x',
  '---',
  'extra',
  '--Property',
  '--constructor',
  '--__proto__',
  '\u0000',
  '--toString',
);

function argvFor(command: string): fc.Arbitrary<string[]> {
  const spec = COMMAND_FLAGS[command]!;
  const token = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...spec.flags).chain(([flag, value]): fc.Arbitrary<string[]> => (value ? value.map((v) => [flag, v]) : fc.constant([flag]))),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...spec.flags.map(([f]) => f)), fc.oneof(names, numbers, paths)).map(([f, v]) => [`${f}=${v}`]) },
    { weight: 1, arbitrary: JUNK.map((j) => [j]) },
    { weight: spec.positional ? 4 : 1, arbitrary: paths.map((p) => [p]) },
  );
  // The guard comes first, so that the fuzzed flags after it override it (the last value wins).
  return fc.array<string[]>(token, { maxLength: 6 }).map((tokens) => [command, ...spec.guard, ...tokens.flat()]);
}

const argvs: fc.Arbitrary<string[]> = fc.oneof(
  // Raw words; one that starts the main job gets an unknown flag too (a valid start runs for minutes and writes the project's counterexamples).
  { weight: 1, arbitrary: fc.array(fc.oneof(names, JUNK, paths), { maxLength: 3 }).map((a) => (a[0] === 'start' ? [...a, '--no-such-flag'] : a)) },
  ...Object.keys(COMMAND_FLAGS).map((c) => ({ weight: c === 'replay' ? 4 : 2, arbitrary: argvFor(c) })),
);

// ---- what every run must satisfy -----------------------------------------------------------------

let runIndex = 0;
/** Exit codes seen, so that a run of only refusals (or only results) shows up as a weak fuzz. */
const codes = new Map<number | null, number>();

/** Runs argv with `OUT` bound to a fresh directory, and checks the run's outcome and the fixtures. */
async function runAndJudge(argv: string[]): Promise<void> {
  const out = join(outRoot, String(runIndex++));
  mkdirSync(out, { recursive: true });
  const bound = argv.map((a) => a.replace(/^OUT(?=\/|$)/, out).replace(/=OUT(?=\/|$)/, `=${out}`));
  const t0 = performance.now();
  process.chdir(cwd);
  const run: InProcessRun = await runInProcess(bound).finally(() => process.chdir(root));
  const ms = performance.now() - t0;
  if (process.env.FUZZ_SLOW && ms > 200) console.log(`${Math.round(ms)} ms: ${bound.join(' ')}`);
  codes.set(run.code, (codes.get(run.code) ?? 0) + 1);
  const shown = `cascade ${bound.map((a) => JSON.stringify(a)).join(' ')}`;
  expect(run.crash, `${shown} threw: ${(run.crash as Error | null)?.stack}`).toBeNull();
  expect([0, 1, 2, 4], `${shown} exit ${run.code}`).toContain(run.code);
  expect(looksLikeStackTrace([...run.err, ...run.out]), `${shown}: ${run.err.join('\n')}`).toBe(false);
  if (run.code === 2) {
    const lines = run.err.filter((l) => l.trim() !== '');
    expect(lines, `${shown}: exit 2 must say one line`).toHaveLength(1);
    expect(lines[0]).toMatch(/^cascade( \w+)?: /);
  }
  // Files may appear only under a target the command was given, and change only there with --update.
  // (--junit FILE names a file to write too; the flags of a shard's file and a merge's are --out and --dir.)
  const asked = bound.flatMap((a, i) =>
    ['--dir', '--out', '--itf', '--junit'].includes(bound[i - 1] ?? '') ? [a] : /^--(dir|out|itf|junit)=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : [],
  );
  const under = (key: string) => asked.some((t) => t !== '' && (join(fixtures, key) + '/').startsWith(resolve(cwd, t) + '/'));
  const after = snapshot(fixtures);
  for (const [key, before] of fixturesNow) {
    const allowed = under(key) && bound.includes('--update') && before !== 'dir' && after.get(key) !== undefined;
    if (!allowed) expect(after.get(key), `${shown} changed or removed the fixture ${key}`).toBe(before);
  }
  for (const key of after.keys()) if (!fixturesNow.has(key)) expect(under(key), `${shown} wrote ${key} where it was not told to`).toBe(true);
  fixturesNow = after;
  const leftovers = [...snapshot(out).keys()].filter((k) => k.endsWith('.tmp'));
  expect(leftovers, `${shown} left temporary files`).toEqual([]);
}

describe('cascade against hostile and careless input (fuzz)', () => {
  it(`answers ${ARGV_RUNS} random argument vectors with a result or one line and exit 2`, async () => {
    codes.clear();
    await fc.assert(fc.asyncProperty(argvs, runAndJudge), { numRuns: ARGV_RUNS, seed: 20261202, endOnFailure: true });
    // Not vacuous: many inputs are refused, and a fair share get through to a result.
    expect(codes.get(2) ?? 0).toBeGreaterThan(ARGV_RUNS / 4);
    if (process.env.FUZZ_SLOW) console.log(codes);
    expect((codes.get(0) ?? 0) + (codes.get(1) ?? 0)).toBeGreaterThan(ARGV_RUNS / 20);
    // A thousand in-process runs take 105-130 s on two busy cores: more than the default test timeout.
  }, 300_000);

  it(`answers ${MUTATION_RUNS} mutated counterexample files with a result or one line and exit 2`, async () => {
    codes.clear();
    const sources = committed.map((f) => readFileSync(f, 'utf8'));
    const mutation = fc.record({
      source: fc.nat(sources.length - 1),
      edits: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
          { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }) },
          fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
          // Edits that keep the file valid and change its story: swap or drop events.
          { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }) },
          { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
          fc.record({
            kind: fc.constant('text' as const),
            at: fc.nat(),
            insert: fc.constantFrom('"__proto__": {"peers": 1e9},', '{', '}', ',', '[', '\u0000', '"constructor": 1,', '1e999', '-0'),
          }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
      flags: fc.subarray(['--json', '--variant=fixed', '--variant=constructor', '--itf=OUT/t.json']),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ source, edits, flags }) => {
        const out = join(outRoot, `m${runIndex}`);
        mkdirSync(out, { recursive: true });
        const file = join(out, 'mutated.json');
        writeFileSync(file, mutate(sources[source]!, edits));
        await runAndJudge(['replay', file, ...flags]);
      }),
      { numRuns: MUTATION_RUNS, seed: 20261203, endOnFailure: true },
    );
    expect(codes.get(2) ?? 0).toBeGreaterThan(MUTATION_RUNS / 4);
    if (process.env.FUZZ_SLOW) console.log(codes);
    expect((codes.get(0) ?? 0) + (codes.get(1) ?? 0)).toBeGreaterThan(MUTATION_RUNS / 20);
  });

  it('left the committed counterexamples and the repository as they were', () => {
    expect([...snapshot(join(root, 'counterexamples')).entries()]).toEqual([...committedBefore.entries()]);
    expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' })).toBe(repositoryBefore);
  });
});

// ---- counterexample mutations --------------------------------------------------------------------

const hostileValue = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
  fc.constantFrom<unknown>(1e308, -1, 2 ** 53, 2 ** 31, 1.5, -0, 0, 1e9, 4294967296, null, true, '', 'x', [], {}, [[[]]], { __proto__: null }),
  fc.constantFrom(...PROTO_NAMES),
  fc.integer(),
  fc.array(fc.constantFrom<unknown>({ kind: 'tick' }, { kind: 'crash', peer: 1e9 }, { kind: 'addMegaSupernodes', count: 1e9 }), { maxLength: 4 }),
);

type Edit =
  | { kind: 'truncate'; at: number }
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'swap'; at: number; to: number }
  | { kind: 'drop'; at: number }
  | { kind: 'text'; at: number; insert: string };

/** Applies edits to a counterexample's text: structural edits on its JSON, raw edits on its text. */
function mutate(text: string, edits: Edit[]): string {
  for (const edit of edits) {
    if (edit.kind === 'truncate') text = text.slice(0, Math.floor(edit.at * text.length));
    else if (edit.kind === 'text') {
      const i = edit.at % (text.length + 1);
      text = text.slice(0, i) + edit.insert + text.slice(i);
    } else text = editJson(text, edit);
  }
  return text;
}

/** A structural edit of the file's JSON (the text as it is when it no longer parses). */
function editJson(text: string, edit: Exclude<Edit, { kind: 'truncate' | 'text' }>): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text;
  }
  if (edit.kind === 'swap' || edit.kind === 'drop') {
    const events = (json as { events?: unknown } | null)?.events;
    if (!Array.isArray(events) || events.length === 0) return text;
    const i = edit.at % events.length;
    if (edit.kind === 'drop') events.splice(i, 1);
    else {
      const j = edit.to % events.length;
      [events[i], events[j]] = [events[j], events[i]];
    }
  } else {
    const slots = containers(json);
    if (slots.length === 0) return text;
    const [holder, key] = slots[edit.at % slots.length]!;
    if (edit.kind === 'set') (holder as Record<string, unknown>)[key] = edit.value;
    else if (Array.isArray(holder)) holder.splice(Number(key), 1);
    else delete (holder as Record<string, unknown>)[key];
  }
  return JSON.stringify(json, null, 2);
}

/** Every (container, key) inside a JSON value, in document order. */
function containers(value: unknown): [object, string][] {
  const out: [object, string][] = [];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    for (const key of Object.keys(v)) {
      out.push([v, key]);
      walk((v as Record<string, unknown>)[key]);
    }
  };
  walk(value);
  return out;
}

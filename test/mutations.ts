/**
 * `npm run test:mutations [-- <path-substring> ...] [--list | --show]`: are the protocol's rules and the
 * checker itself pinned by their tests? Every comparison, constant, boundary and "which one" choice
 * in the files of `TARGETS` is changed in turn (`>=` to `>` and to `<`, `a < b` to `a + 1 < b`,
 * `===` to `!==`, `&&` to `||`, `+` to `-`, n to n + 1 and n - 1, `x % n` to `x % 1`, `!x` to `x`,
 * true to false, `Math.min` to `Math.max`), the file's mapped tests run (vitest, `--bail=1`, a
 * per-change timeout), and a change they do not notice is listed. The source is restored after
 * every change (and on Ctrl-C); the files must be committed before it starts. The rule files keep
 * the classic set (boundaries, equalities, logic, n + 1 and 1 to 0/2). Progress goes to stderr, one
 * character a change: `.` noticed, `T` noticed by timeout, `S` not noticed.
 *
 * The run rewrites source files in place: run it in a checkout of its own (a `git worktree`), never
 * where others edit. Each file's tests are run once unchanged first; a file whose tests fail as they
 * stand is reported and skipped. A change that makes a test run past its timeout counts as noticed
 * (the test did not pass). A change the TypeScript parser rejects is not counted.
 *
 * Exit 0 when every change was noticed or is listed in EQUIVALENT (with the reason), 1 when some
 * other change survived, 2 on bad input or uncommitted target files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';

interface Target {
  file: string;
  tests: string[];
  /** The rules' classic operator set instead of the full one. */
  classic?: boolean;
}

const RULES = 'src/model/actions';
const EXH = 'test/engines/exhaustive';
const TOY = `${EXH}/toy.test.ts`;
const REFERENCE = `${EXH}/reference.test.ts`;
/** The engine's exact check: the toy model (seconds) where it exists, then the reference over the suites. */
const ENGINE = [TOY, REFERENCE];
/** The random engine's generation, coverage, ranges and shrinking. */
const RANDOM = ['test/explore/random.test.ts', 'test/explore/randomRanges.test.ts', 'test/explore/swarm.test.ts'];

/** Each checker file and the fastest tests that pin it (run in this order; the first failure ends the run). */
const CHECKER: Target[] = [
  { file: 'src/engines/exhaustive/_internals/hash64.ts', tests: [`${EXH}/_internals/hash64.test.ts`, ...ENGINE] },
  { file: 'src/engines/exhaustive/_internals/seenSet.ts', tests: [`${EXH}/_internals/seenSetGrowth.test.ts`, ...ENGINE, `${EXH}/_internals/seenSet.test.ts`] },
  { file: 'src/engines/exhaustive/_internals/sharedSeenSet.ts', tests: [`${EXH}/_internals/sharedSeenSet.test.ts`, ...ENGINE] },
  { file: 'src/engines/exhaustive/_internals/links.ts', tests: [`${EXH}/_internals/links.test.ts`, ...ENGINE] },
  { file: 'src/engines/exhaustive/_internals/vectorQueue.ts', tests: [`${EXH}/_internals/vectorQueue.test.ts`, ...ENGINE] },
  { file: 'src/engines/exhaustive/partition.ts', tests: ENGINE },
  { file: 'src/engines/exhaustive/search.ts', tests: ENGINE },
  { file: 'src/engines/exhaustive/onPool.ts', tests: ENGINE },
  { file: 'src/explore/protocolSubject.ts', tests: [REFERENCE] },
  { file: 'src/model/encode.ts', tests: ['test/model/encode.test.ts', REFERENCE] },
  { file: 'src/parallel/tasks.ts', tests: [...ENGINE, 'test/parallel/workers.test.ts'] },
  { file: 'src/parallel/pool.ts', tests: ['test/parallel/pool.test.ts', 'test/parallel/workers.test.ts'] },
  { file: 'src/parallel/cellTasks.ts', tests: ['test/runner/fixSets.test.ts', 'test/parallel/workers.test.ts'] },
  { file: 'src/runner/shard.ts', tests: ['test/runner/shard.test.ts', 'test/cli/merge.test.ts'] },
  { file: 'src/runner/shardLimits.ts', tests: ['test/cli/mergeLimits.test.ts', 'test/cli/mergeFuzz.test.ts'] },
  { file: 'src/runner/shardSet.ts', tests: ['test/cli/merge.test.ts', 'test/cli/mergeFuzz.test.ts'] },
  { file: 'src/runner/shardDigest.ts', tests: ['test/cli/merge.test.ts', 'test/cli/mergeFuzz.test.ts'] },
  { file: 'src/runner/shardEvidence.ts', tests: ['test/cli/merge.test.ts', 'test/cli/mergeFuzz.test.ts'] },
  { file: 'src/runner/shardFile.ts', tests: ['test/cli/mergeLimits.test.ts', 'test/cli/merge.test.ts', 'test/cli/mergeFuzz.test.ts'] },
  { file: 'src/runner/shardCheck.ts', tests: ['test/cli/merge.test.ts', 'test/cli/shard.test.ts'] },
  { file: 'src/runner/shardExplore.ts', tests: ['test/cli/merge.test.ts', 'test/cli/shard.test.ts'] },
  { file: 'src/runner/shardSweep.ts', tests: ['test/cli/merge.test.ts', 'test/cli/shard.test.ts'] },
  { file: 'src/runner/shardFixes.ts', tests: ['test/cli/merge.test.ts', 'test/cli/shard.test.ts'] },
  { file: 'src/runner/fixSets.ts', tests: ['test/runner/fixSets.test.ts'] },
  { file: 'src/engines/random/search.ts', tests: RANDOM },
  { file: 'src/engines/random/runArbitrary.ts', tests: RANDOM },
  { file: 'src/engines/random/minimize.ts', tests: ['test/engines/random/minimize.test.ts', ...RANDOM] },
  { file: 'src/explore/random.ts', tests: RANDOM },
  { file: 'src/explore/eventArbitrary.ts', tests: ['test/explore/eventArbitrary.test.ts', ...RANDOM] },
];

/** The rule files, each against its own test (`test/model/actions/<file>.test.ts`). */
function rules(): Target[] {
  return readdirSync(RULES)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ file: join(RULES, f), tests: [join('test/model/actions', `${basename(f, '.ts')}.test.ts`)], classic: true }));
}

interface Mutant {
  file: string;
  line: number;
  from: string;
  to: string;
  text: string;
}

const BOUNDARY: Record<string, string> = { '<': '<=', '<=': '<', '>': '>=', '>=': '>' };
const NEGATION: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '===': '!==', '!==': '===', '==': '!=', '!=': '==' };

/** Whether `node` sits in a type (a literal type such as `0 | 1 | 2` is no code to change). */
function inType(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) return true;
  return false;
}

/** The mutants of one file: one change each, found in its syntax tree (comments, strings, types and imports left alone). */
function mutantsOf(target: Target): Mutant[] {
  const { file, classic } = target;
  const source = readFileSync(file, 'utf8');
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: Mutant[] = [];
  const add = (at: number, end: number, from: string, to: string): void => {
    const text = source.slice(0, at) + to + source.slice(end);
    const line = tree.getLineAndCharacterOfPosition(at).line + 1;
    out.push({ file, line, from, to: to.trim(), text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken;
      const text = op.getText();
      const at = op.getStart();
      const end = op.getEnd();
      if (BOUNDARY[text]) add(at, end, text, BOUNDARY[text]!);
      if (NEGATION[text] && (!classic || !BOUNDARY[text])) add(at, end, text, NEGATION[text]!);
      if (BOUNDARY[text] && !classic) add(node.left.getEnd(), node.left.getEnd(), text, ` + 1`); // a + 1 < b: the other side of the boundary
      if (text === '&&') add(at, end, '&&', '||');
      if (text === '||') add(at, end, '||', '&&');
      if (!classic) {
        const plain = (e: ts.Expression): boolean => !ts.isStringLiteral(e) && !ts.isTemplateExpression(e) && !ts.isNoSubstitutionTemplateLiteral(e);
        if (text === '+' && plain(node.left) && plain(node.right)) add(at, end, '+', '-');
        if (text === '-') add(at, end, '-', '+');
        if (text === '%' && node.right.getText() !== '1') add(node.right.getStart(), node.right.getEnd(), `% ${node.right.getText()}`, '1');
      }
    }
    if (ts.isNumericLiteral(node) && !inType(node) && !(target.file.endsWith('hash64.ts') && /^0x/i.test(node.getText()))) {
      const n = Number(node.getText());
      if (Number.isInteger(n)) {
        const tos = classic ? (n === 1 ? [0, 2] : [n + 1]) : n === 0 ? [1] : [n + 1, n - 1];
        for (const to of tos) add(node.getStart(), node.getEnd(), node.getText(), String(to));
      }
    }
    if (!classic) {
      if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) add(node.getStart(), node.getStart() + 1, '!', '');
      if (node.kind === ts.SyntaxKind.TrueKeyword && !inType(node)) add(node.getStart(), node.getEnd(), 'true', 'false');
      if (node.kind === ts.SyntaxKind.FalseKeyword && !inType(node)) add(node.getStart(), node.getEnd(), 'false', 'true');
      if (ts.isPropertyAccessExpression(node) && node.expression.getText() === 'Math' && (node.name.text === 'min' || node.name.text === 'max')) {
        add(node.name.getStart(), node.name.getEnd(), node.name.text, node.name.text === 'min' ? 'max' : 'min');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  // A change the parser rejects is no program at all.
  return out.filter((m) => (ts.createSourceFile(file, m.text, ts.ScriptTarget.Latest) as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0);
}

/**
 * Changes judged equivalent (no run the tests or a user could make tells them apart), each with the
 * reason: they are listed apart and do not fail the run. Matched by file, the changed line's code
 * and the change.
 */
const EQUIVALENT: { file: string; code: string; from: string; to: string; why: string }[] = [
  { file: 'connect.ts', code: 'if (found < 0 && loadAware) found = pickSupernode', from: '<', to: '<=', why: 'a pick among mega slots is at least `eligible`, never 0' },
  { file: 'connect.ts', code: 'if (found < 0 && loadAware) found = pickSupernode', from: '0', to: '1', why: 'a pick among mega slots is at least `eligible`, never 0' },
  { file: 'faults.ts', code: 'for (let p = 0; p < state.peers.length && needed > 0; p++)', from: '<', to: '<=', why: 'selection sampling picks exactly `needed` peers before the list ends' },
  { file: 'faults.ts', code: 'if (nextRandom(state) * remaining < needed)', from: '<', to: '<=', why: 'an exact tie of a random float with an integer' },
  { file: 'promote.ts', code: 'if (wanted <= capacity) return;', from: '<=', to: '<', why: 'at equality the shortfall is 0 and nobody is promoted either way' },
  { file: 'promote.ts', code: 'if (peer.upstream >= 0 && peer.upstream !== peer.slot)', from: '&&', to: '||', why: 'only online peers are promoted, and an online ordinary peer has an upstream other than its own slot' },
  { file: 'queue.ts', code: 'for (let i = n; i < length; i++)', from: '<', to: '<=', why: 'the extra slot is cut off by the length assignment after the loop' },
  { file: 'retry.ts', code: 'Math.min(retries, 30)', from: '30', to: '31', why: 'the cap (at most 1,000,000 ticks by the config schema) binds long before 2^30' },
  { file: 'retry.ts', code: 'return retryDelay(state, model, 0, 1);', from: '1', to: '0', why: 'with 0 retries the cache size is never read' },
  { file: 'retry.ts', code: 'return retryDelay(state, model, 0, 1);', from: '1', to: '2', why: 'with 0 retries the cache size is never read' },
  { file: 'hash64.ts', code: 'let a = 0x9747b28c ^ (to - from);', from: '-', to: '+', why: 'another seed of the same hash: for one start, `to + from` tells lengths apart as `to - from` does' },
  { file: 'hash64.ts', code: 'for (; i + 1 < to; i += 2) {', from: '2', to: '1', why: 'another hash of the same words (each absorbed twice); hash64.test.ts measures its collisions and spread' },
  { file: 'hash64.ts', code: 'a ^= a >>> 15;', from: '15', to: '16', why: 'another mixing shift: another hash, whose collisions and spread hash64.test.ts measures' },
  { file: 'hash64.ts', code: 'a ^= a >>> 15;', from: '15', to: '14', why: 'another mixing shift: another hash, whose collisions and spread hash64.test.ts measures' },
  { file: 'hash64.ts', code: 'b = Math.imul(b + even, 0x85ebca77) ^ i;', from: '+', to: '-', why: 'another absorption step: another hash, whose collisions and spread hash64.test.ts measures' },
  { file: 'seenSet.ts', code: 'const EMPTY = 0xffffffff;', from: '0xffffffff', to: '4294967294', why: 'the empty mark sits in the tick word; any value above the 60,000-tick limit (MAX_SEARCH_TICKS) marks a slot empty alike' },
];

function equivalent(m: Mutant, lines: string[]): string | null {
  const line = lines[m.line - 1] ?? '';
  return EQUIVALENT.find((e) => m.file.endsWith(`/${e.file}`) && line.includes(e.code) && e.from === m.from && e.to === m.to)?.why ?? null;
}

/** Runs `tests` (the ones that exist); 'pass', 'fail' or 'timeout'. The whole process group is ended on timeout. */
function run(tests: string[], seconds: number): Promise<'pass' | 'fail' | 'timeout'> {
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/vitest', ['run', ...tests, '--bail=1', '--reporter=dot', '--no-file-parallelism'], { stdio: 'ignore', detached: true });
    running = child.pid ?? null;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, seconds * 1000);
    let timedOut = false;
    child.on('exit', (code) => {
      clearTimeout(timer);
      running = null;
      resolve(timedOut ? 'timeout' : code === 0 ? 'pass' : 'fail');
    });
  });
}

const args = process.argv.slice(2);
const list = args.includes('--list') || args.includes('--show');
const show = args.includes('--show');
const filters = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--list' && a !== '--show');
if (unknown.length > 0) {
  console.error(`unknown option ${unknown[0]}; usage: npm run test:mutations [-- <path-substring> ...] [--list | --show]`);
  process.exit(2);
}
const targets = [...rules(), ...CHECKER].filter((t) => filters.length === 0 || filters.some((f) => t.file.includes(f)));
for (const t of targets.filter((t) => !existsSync(t.file))) console.log(`${t.file}: no such file (moved?); not mutated`);
targets.splice(0, targets.length, ...targets.filter((t) => existsSync(t.file)));
if (targets.length === 0) {
  console.error(`no file to mutate matches ${filters.join(', ')}`);
  process.exit(2);
}

if (list) {
  let all = 0;
  for (const t of targets) {
    const mutants = mutantsOf(t);
    const n = mutants.length;
    all += n;
    if (show) {
      const lines = readFileSync(t.file, 'utf8').split('\n');
      for (const m of mutants) console.log(`  ${m.file}:${m.line} ${m.from} -> ${m.to || '(removed)'}  | ${(lines[m.line - 1] ?? '').trim()}`);
    }
    console.log(`${t.file}: ${n} changes; tests ${t.tests.filter(existsSync).join(', ')}`);
  }
  console.log(`${all} changes`);
  process.exit(0);
}

const dirty = spawnSync('git', ['status', '--porcelain', '--', ...targets.map((t) => t.file)], { encoding: 'utf8' }).stdout.trim();
if (dirty !== '') {
  console.error(`uncommitted changes in files this run rewrites (${dirty.split('\n')[0]!.slice(3)}...); commit them first (it restores them from memory)`);
  process.exit(2);
}

let current: { file: string; original: string } | null = null;
let running: number | null = null;
const restore = (): void => {
  if (current) writeFileSync(current.file, current.original);
  current = null;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running !== null) {
      try {
        process.kill(-running, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    restore();
    process.exit(130);
  });
}

interface Tally {
  file: string;
  mutants: number;
  noticed: number;
  timedOut: number;
  equivalent: number;
  survived: number;
  seconds: number;
}
const tallies: Tally[] = [];
const reports: string[] = [];
const started = Date.now();
for (const target of targets) {
  const { file } = target;
  const tests = target.tests.filter(existsSync);
  if (tests.length === 0) {
    console.log(`${file}: no test file (${target.tests.join(', ')})`);
    continue;
  }
  const fileStarted = Date.now();
  const baseline = await run(tests, 1800);
  const baseSeconds = (Date.now() - fileStarted) / 1000;
  if (baseline !== 'pass') {
    console.log(`${file}: its tests do not pass unchanged (${baseline}); skipped`);
    reports.push(`  SKIPPED: ${file} (its tests ${tests.join(', ')} do not pass unchanged)`);
    continue;
  }
  // A change may slow a test down a little, not three times over (with a floor for a busy machine).
  const timeout = Math.max(60, 3 * baseSeconds);
  const original = readFileSync(file, 'utf8');
  const lines = original.split('\n');
  const mutants = mutantsOf(target);
  const tally: Tally = { file, mutants: mutants.length, noticed: 0, timedOut: 0, equivalent: 0, survived: 0, seconds: 0 };
  for (const m of mutants) {
    current = { file, original };
    writeFileSync(file, m.text);
    let outcome: 'pass' | 'fail' | 'timeout';
    try {
      outcome = await run(tests, timeout);
    } finally {
      restore();
    }
    process.stderr.write(outcome === 'fail' ? '.' : outcome === 'timeout' ? 'T' : 'S');
    if (outcome === 'fail') tally.noticed++;
    else if (outcome === 'timeout') (tally.noticed++, tally.timedOut++);
    else {
      const why = equivalent(m, lines);
      const code = (lines[m.line - 1] ?? '').trim();
      if (why !== null) tally.equivalent++;
      else tally.survived++;
      const line = `  ${why === null ? 'NOT NOTICED' : 'equivalent'}: ${m.file}:${m.line} ${m.from} -> ${m.to || '(removed)'}  | ${code}${why === null ? '' : ` (${why})`}`;
      reports.push(line);
      console.log(line);
    }
  }
  process.stderr.write('\n');
  tally.seconds = Math.round((Date.now() - fileStarted) / 1000);
  tallies.push(tally);
  console.log(`${file}: ${tally.mutants} changes, ${tally.noticed} noticed (${tally.timedOut} by timeout), ${tally.equivalent} equivalent, ${tally.survived} not noticed; ${tally.seconds} s (tests ${tests.join(', ')})`);
}

const sum = (k: 'mutants' | 'noticed' | 'equivalent' | 'survived'): number => tallies.reduce((s, t) => s + t[k], 0);
console.log(`\nPer file: changes, noticed, equivalent, not noticed`);
for (const t of tallies) console.log(`  ${t.file}: ${t.mutants}, ${t.noticed}, ${t.equivalent}, ${t.survived}`);
console.log(`\n${sum('noticed')} of ${sum('mutants')} changes noticed; ${sum('equivalent')} judged equivalent; ${sum('survived')} not noticed (${Math.round((Date.now() - started) / 1000)} s).`);
for (const line of reports) console.log(line);
process.exit(sum('survived') === 0 && !reports.some((r) => r.includes('SKIPPED')) ? 0 : 1);

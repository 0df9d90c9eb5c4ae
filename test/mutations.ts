/**
 * `npm run test:mutations [-- <path-substring> ...] [--list | --show | --summary] [--journal FILE] [--part K/N] [--skip-equivalents]`: are the protocol's rules and the
 * checker itself pinned by their tests? Every comparison, constant, boundary and "which one" choice
 * in the model's rule files and the checker's files (`test/mutations/*.json`, each file with its tests
 * and the changes judged equivalent) is changed in turn (`>=` to `>` and to `<`, `a < b` to `a + 1 < b`,
 * `===` to `!==`, `&&` to `||`, `+` to `-`, n to n + 1 and n - 1, `x % n` to `x % 1`, `!x` to `x`,
 * true to false, `Math.min` to `Math.max`), the file's mapped tests run one file at a time, fastest
 * first, until one fails (vitest, a per-change timeout), and a change they do not notice is listed. The source is restored after
 * every change (and on Ctrl-C); the files must be committed before it starts. The rule files keep
 * the classic set (boundaries, equalities, logic, n + 1 and 1 to 0/2). Progress goes to stderr, one
 * character a change: `.` noticed, `T` noticed by timeout, `S` not noticed.
 *
 * The run rewrites source files in place: run it in a checkout of its own (a `git worktree`), never
 * where others edit. Each file's tests are run once unchanged first; a file whose tests fail as they
 * stand is reported and skipped. A change that makes a test run past its timeout counts as noticed
 * (the test did not pass). A change the TypeScript parser rejects is not counted.
 *
 * `--journal FILE` appends each change's outcome to FILE as one JSON line and skips the changes FILE
 * already holds as noticed for the same file text: a stopped run is taken up again, and `--part K/N` runs every
 * N-th change only, so N checkouts can share the run and one journal joins their parts. An entry
 * is found by the file's code without its imports, comments and layout, so a moved or reformatted
 * file keeps its outcomes. `--summary` runs nothing: it prints a Markdown table of the journal's
 * outcomes per file (noticed, listed equivalent, not noticed, not run), and with `--show` names each
 * change not noticed or not run. `--skip-equivalents` counts a listed equivalent by its reason
 * without running it.
 *
 * Exit 0 when every change was noticed or is listed in EQUIVALENT (with the reason), 1 when some
 * other change survived, 2 on bad input or uncommitted target files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import ts from 'typescript';

interface Target {
  file: string;
  tests: string[];
  /** The rules' classic operator set instead of the full one. */
  classic?: boolean;
}

const RULES = 'src/model/actions';
/** Where the checker's files, their tests and the changes judged equivalent are kept, one JSON file an area. */
const AREAS = 'test/mutations';

interface Equivalent {
  /** The changed file's name (its last path part). */
  file: string;
  /** Text on the changed line that picks the change out. */
  code: string;
  from: string;
  to: string;
  /** Why no run the tests or a user could make tells the change apart. */
  why: string;
}
interface Area {
  /** Each checker file and the tests that pin it, fastest first (the first that fails ends the change's run). */
  targets: Target[];
  equivalent: Equivalent[];
}

/** The areas' files, read whole and checked enough that a typo is one line, not a silent gap. */
function readAreas(): Area[] {
  return readdirSync(AREAS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const path = join(AREAS, f);
      let area: Area;
      try {
        area = JSON.parse(readFileSync(path, 'utf8')) as Area;
      } catch (e) {
        console.error(`${path}: not JSON (${(e as Error).message})`);
        process.exit(2);
      }
      if (!Array.isArray(area.targets) || !Array.isArray(area.equivalent) || area.equivalent.some((e) => typeof e.why !== 'string' || e.why.trim() === '')) {
        console.error(`${path}: needs "targets" and "equivalent" lists, each equivalent with its "why"`);
        process.exit(2);
      }
      return area;
    });
}
const areas = readAreas();
const CHECKER: Target[] = areas.flatMap((a) => a.targets);

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
    if (
      ts.isImportDeclaration(node) ||
      ts.isExportDeclaration(node) ||
      ts.isTypeNode(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node)
    )
      return;
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
  return out.filter(
    (m) => (ts.createSourceFile(file, m.text, ts.ScriptTarget.Latest) as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0,
  );
}

/** Changes judged equivalent, each with its reason: listed apart, they do not fail the run. */
const EQUIVALENT: Equivalent[] = areas.flatMap((a) => a.equivalent);

/** Text compared without white space, commas and parentheses, which a formatter adds, moves or drops. */
const compact = (text: string): string => text.replace(/[\s,()]/g, '');

/**
 * The reason a change is listed as equivalent, or null. The listed code picks the change's line out:
 * the line holds it, or (a statement the formatter split over lines) it holds the line.
 */
function equivalent(m: Mutant, lines: string[]): string | null {
  const line = compact(lines[m.line - 1] ?? '');
  const picks = (code: string): boolean => line.includes(compact(code)) || (line.length >= 8 && compact(code).includes(line));
  return EQUIVALENT.find((e) => m.file.endsWith(`/${e.file}`) && picks(e.code) && e.from === m.from && e.to === m.to)?.why ?? null;
}

/** Runs `tests` (the ones that exist) in one vitest process; 'pass', 'fail' or 'timeout'. The whole process group is ended on timeout. */
function run(tests: string[], seconds: number): Promise<'pass' | 'fail' | 'timeout'> {
  return new Promise((resolve) => {
    // Every test file may be named, the long ones too (vitest.config.ts leaves those out of npm test).
    const env = { ...process.env, CASCADE_TESTS: 'all' };
    const child = spawn('node_modules/.bin/vitest', ['run', ...tests, '--bail=1', '--reporter=dot', '--no-file-parallelism'], {
      stdio: 'ignore',
      detached: true,
      env,
    });
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

/**
 * Runs `tests` one file at a time in the order given (fastest first), stopping at the first that
 * does not pass: most changes are noticed by the first, cheap file and never pay for the slow ones.
 * Returns the outcome and the file that noticed.
 */
async function runInTurn(tests: string[], timeouts: number[]): Promise<{ outcome: 'pass' | 'fail' | 'timeout'; by: string | null }> {
  for (let i = 0; i < tests.length; i++) {
    const outcome = await run([tests[i]!], timeouts[i]!);
    if (outcome !== 'pass') return { outcome, by: tests[i]! };
  }
  return { outcome: 'pass', by: null };
}

const USAGE = 'usage: npm run test:mutations [-- <path-substring> ...] [--list | --show | --summary] [--journal FILE] [--part K/N] [--skip-equivalents]';
const args = process.argv.slice(2);
const summary = args.includes('--summary');
/** `--skip-equivalents`: a change listed as equivalent is counted by its reason and not run (a run would only confirm that no test notices it). */
const skipEquivalents = args.includes('--skip-equivalents');
const list = args.includes('--list') || args.includes('--show');
const show = args.includes('--show');
/** The value after `flag`, if given (the flag and its value are taken out of `args`' plain words). */
function option(flag: string): string | null {
  const at = args.indexOf(flag);
  if (at < 0) return null;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`${flag} needs a value; ${USAGE}`);
    process.exit(2);
  }
  args.splice(at, 2);
  return value;
}
const journalPath = option('--journal');
const partText = option('--part');
const part = /^([1-9]\d*)\/([1-9]\d*)$/.exec(partText ?? '1/1');
const [partK, partN] = part ? [Number(part[1]), Number(part[2])] : [0, 0];
if (part === null || partK > partN) {
  console.error(`--part must be K/N with 1 <= K <= N (got ${JSON.stringify(partText)}); ${USAGE}`);
  process.exit(2);
}
const filters = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--list' && a !== '--show' && a !== '--summary' && a !== '--skip-equivalents');
if (unknown.length > 0) {
  console.error(`unknown option ${unknown[0]}; ${USAGE}`);
  process.exit(2);
}
const targets = [...rules(), ...CHECKER].filter((t) => filters.length === 0 || filters.some((f) => t.file.includes(f)));
for (const t of targets.filter((t) => !existsSync(t.file))) console.log(`${t.file}: no such file (moved?); not mutated`);
targets.splice(0, targets.length, ...targets.filter((t) => existsSync(t.file)));
if (targets.length === 0) {
  console.error(`no file to mutate matches ${filters.join(', ')}`);
  process.exit(2);
}

/** One change's outcome as the journal keeps it: a run can be stopped and taken up again, or split into parts. */
interface Entry {
  file: string;
  /** The file's text digest: entries of an older version of the file are not reused. */
  digest: string;
  /**
   * The digest of the file's code without its import and re-export declarations: an entry holds
   * wherever that code stands, so a file moved (its imports rewritten, its path new) keeps its
   * outcomes. Entries written before it carry only `digest` and are found by path and text.
   */
  code?: string;
  index: number;
  line: number;
  from: string;
  to: string;
  outcome: 'pass' | 'fail' | 'timeout';
  by: string | null;
}
const journal = new Map<string, Entry>();
if (journalPath !== null && existsSync(journalPath)) {
  const lines = readFileSync(journalPath, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      const e = JSON.parse(line) as Entry;
      journal.set(`${e.file}#${e.digest}#${e.index}`, e);
      if (e.code !== undefined) journal.set(`${e.code}#${e.index}`, e);
    } catch {
      // A last line cut short by a stopped run is dropped; a damaged line before it is refused.
      if (i < lines.length - 1) {
        console.error(`${journalPath}: line ${i + 1} is not a journal entry; give another --journal file`);
        process.exit(2);
      }
    }
  }
}
const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The digest of `text`'s code as tokens, with its import declarations and `export ... from` lines
 * left out (see `Entry.code`): comments, white space, line breaks and a comma before a closing
 * bracket do not count, so a formatter's rewrapping keeps a file's outcomes as a move does.
 */
function codeDigestOf(file: string, text: string): string {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const kept = source.statements.filter((s) => !ts.isImportDeclaration(s) && !(ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined));
  // The syntax tree written out with its nesting: parentheses that only group, commas and semicolons are left out.
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    if (ts.isParenthesizedExpression(node)) return visit(node.expression);
    const children = node.getChildren(source);
    if (children.length === 0) {
      const token = node.getText(source);
      // A union's or intersection's leading bar (a formatter's, on a type split over lines) is left out too.
      const leading = (token === '|' || token === '&') && out[out.length - 1] === '(';
      if (token !== '' && token !== ',' && token !== ';' && !leading) out.push(token);
      return;
    }
    out.push('(');
    for (const child of children) visit(child);
    out.push(')');
  };
  for (const statement of kept) visit(statement);
  return digestOf(out.join(' '));
}

/**
 * Whether `m` is the only change of its kind (line, from, to) in `mutants`: an equivalent is picked
 * out by its line, so where two like changes share a line, only a run can tell which one it meant.
 */
function aloneOnItsLine(m: Mutant, mutants: readonly Mutant[]): boolean {
  return mutants.filter((o) => o.line === m.line && o.from === m.from && o.to === m.to).length === 1;
}

/** A file's keys in the journal: its code's digest, and (for older entries) its path and text digest. */
function keysOf(file: string, text: string): { code: string; file: string; digest: string } {
  return { code: codeDigestOf(file, text), file, digest: digestOf(text) };
}

/** The journal's entry for change `index` of a file with `keys`. */
function entryFor(keys: { code: string; file: string; digest: string }, index: number): Entry | undefined {
  return journal.get(`${keys.code}#${index}`) ?? journal.get(`${keys.file}#${keys.digest}#${index}`);
}

if (summary) {
  // The journal's outcomes for the files as they are now, one row a file: nothing is run.
  const rows: string[] = [];
  const total = { changes: 0, noticed: 0, equivalent: 0, unrun: 0, survived: 0, notRun: 0 };
  for (const t of targets) {
    const text = readFileSync(t.file, 'utf8');
    const lines = text.split('\n');
    const keys = keysOf(t.file, text);
    const row = { changes: 0, noticed: 0, equivalent: 0, unrun: 0, survived: 0, notRun: 0 };
    const mutants = mutantsOf(t);
    for (const [index, m] of mutants.entries()) {
      row.changes++;
      const entry = entryFor(keys, index);
      const listed = equivalent(m, lines) !== null;
      if (entry !== undefined && entry.outcome !== 'pass') row.noticed++;
      else if (listed && (entry !== undefined || aloneOnItsLine(m, mutants))) row.equivalent++, entry === undefined && row.unrun++;
      else if (entry === undefined) row.notRun++;
      else row.survived++;
      if (show && !listed && (entry === undefined || entry.outcome === 'pass'))
        console.error(
          `  ${entry === undefined ? 'not run' : 'NOT NOTICED'}: ${t.file}:${m.line} ${m.from} -> ${m.to || '(removed)'}  | ${(lines[m.line - 1] ?? '').trim()}`,
        );
    }
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += row[k];
    rows.push(`| ${t.file} | ${row.changes} | ${row.noticed} | ${row.equivalent} (${row.unrun}) | ${row.survived} | ${row.notRun} |`);
  }
  // A change listed as equivalent is counted so whether or not it ran: its reason, not a run, is
  // what says so (a run that passes only confirms no test notices it). In brackets, those not run.
  console.log('| file | changes | noticed | equivalent (not run) | not noticed | not run |\n|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`| all | ${total.changes} | ${total.noticed} | ${total.equivalent} (${total.unrun}) | ${total.survived} | ${total.notRun} |`);
  process.exit(0);
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
  const original = readFileSync(file, 'utf8');
  const keys = keysOf(file, original);
  const { digest, code } = keys;
  const lines = original.split('\n');
  const all = mutantsOf(target);
  const mine = all.map((m, index) => ({ m, index })).filter(({ index }) => index % partN === partK - 1);
  const tally: Tally = { file, mutants: mine.length, noticed: 0, timedOut: 0, equivalent: 0, survived: 0, seconds: 0 };
  // Each test file is timed unchanged first, once, and only when some change still has to run.
  let timeouts: number[] | null = null;
  for (const { m, index } of mine) {
    // A change the tests did not notice runs again: tests may have been added since.
    let entry = entryFor(keys, index);
    if (entry?.outcome === 'pass') entry = undefined;
    if (entry === undefined && skipEquivalents && equivalent(m, lines) !== null && aloneOnItsLine(m, all)) {
      tally.equivalent++;
      process.stderr.write('e');
      continue;
    }
    if (entry === undefined) {
      if (timeouts === null) {
        timeouts = [];
        for (const test of tests) {
          const at = Date.now();
          const baseline = await run([test], 1800);
          if (baseline !== 'pass') {
            console.log(`${file}: its test ${test} does not pass unchanged (${baseline}); skipped`);
            reports.push(`  SKIPPED: ${file} (its test ${test} does not pass unchanged)`);
            break;
          }
          // A change may slow a test down a little, not three times over (with a floor for a busy machine).
          timeouts.push(Math.max(60, (3 * (Date.now() - at)) / 1000));
        }
        if (timeouts.length < tests.length) break;
      }
      current = { file, original };
      writeFileSync(file, m.text);
      let result: { outcome: 'pass' | 'fail' | 'timeout'; by: string | null };
      try {
        result = await runInTurn(tests, timeouts);
      } finally {
        restore();
      }
      entry = { file, digest, code, index, line: m.line, from: m.from, to: m.to, ...result };
      if (journalPath !== null) appendFileSync(journalPath, `${JSON.stringify(entry)}\n`);
    }
    const { outcome } = entry;
    process.stderr.write(outcome === 'fail' ? '.' : outcome === 'timeout' ? 'T' : 'S');
    if (outcome === 'fail') tally.noticed++;
    else if (outcome === 'timeout') tally.noticed++, tally.timedOut++;
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
  console.log(
    `${file}: ${tally.mutants} changes, ${tally.noticed} noticed (${tally.timedOut} by timeout), ${tally.equivalent} equivalent, ${tally.survived} not noticed; ${tally.seconds} s (tests ${tests.join(', ')})`,
  );
}

const sum = (k: 'mutants' | 'noticed' | 'equivalent' | 'survived'): number => tallies.reduce((s, t) => s + t[k], 0);
console.log(`\nPer file: changes, noticed, equivalent, not noticed`);
for (const t of tallies) console.log(`  ${t.file}: ${t.mutants}, ${t.noticed}, ${t.equivalent}, ${t.survived}`);
console.log(
  `\n${sum('noticed')} of ${sum('mutants')} changes noticed; ${sum('equivalent')} judged equivalent; ${sum('survived')} not noticed (${Math.round((Date.now() - started) / 1000)} s).`,
);
for (const line of reports) console.log(line);
process.exit(sum('survived') === 0 && !reports.some((r) => r.includes('SKIPPED')) ? 0 : 1);

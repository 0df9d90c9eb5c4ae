/**
 * `npm run test:mutations`: are the protocol's rules pinned by their own tests? Each comparison
 * operator and each integer constant in the code of `src/model/actions/` is changed in turn (`>=` to
 * `>`, `<` to `<=`, `===` to `!==`, n to n + 1, ...), the rule file's own test
 * (`test/model/actions/<file>.test.ts`) runs, and a change it does not notice is listed. The source
 * is restored after every change (and on Ctrl-C); the files must be committed before it starts.
 * Exit 0 when every change was noticed, 1 when some survived (they are printed, to be judged: a
 * change can be equivalent, e.g. a bound no state reaches).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const RULES = 'src/model/actions';
const only = process.argv[2];

interface Mutant {
  file: string;
  line: number;
  from: string;
  to: string;
  text: string;
}

const OPERATORS: [RegExp, string[]][] = [
  [/ >= /g, [' > ']],
  [/ <= /g, [' < ']],
  [/ > /g, [' >= ']],
  [/ < /g, [' <= ']],
  [/ === /g, [' !== ']],
  [/ !== /g, [' === ']],
  [/ && /g, [' || ']],
  [/ \|\| /g, [' && ']],
];

/** The mutants of one file: one change each, on code lines (comments and imports left alone). */
function mutantsOf(file: string): Mutant[] {
  const source = readFileSync(file, 'utf8');
  const lines = source.split('\n');
  const out: Mutant[] = [];
  lines.forEach((line, i) => {
    const code = line.trim();
    if (code.startsWith('*') || code.startsWith('/*') || code.startsWith('//') || code.startsWith('import ') || code === '') return;
    const body = line.replace(/\/\/.*$/, '');
    const replaceAt = (at: number, length: number, to: string): string => {
      const changed = [...lines];
      changed[i] = line.slice(0, at) + to + line.slice(at + length);
      return changed.join('\n');
    };
    for (const [re, tos] of OPERATORS) {
      for (const m of body.matchAll(re)) for (const to of tos) out.push({ file, line: i + 1, from: m[0].trim(), to: to.trim(), text: replaceAt(m.index!, m[0].length, to) });
    }
    // Integer constants outside strings and property names: n -> n + 1 (and 1 -> 0).
    for (const m of body.matchAll(/(?<![\w.'"`$-])(\d+)(?![\w'"`])/g)) {
      const n = Number(m[1]);
      for (const to of n === 1 ? [0, 2] : [n + 1]) out.push({ file, line: i + 1, from: m[1]!, to: String(to), text: replaceAt(m.index!, m[1]!.length, String(to)) });
    }
  });
  return out;
}

function killed(test: string): boolean {
  const r = spawnSync('node_modules/.bin/vitest', ['run', test, '--bail=1', '--reporter=dot'], { encoding: 'utf8', timeout: 120_000 });
  return r.status !== 0;
}

const dirty = spawnSync('git', ['status', '--porcelain', RULES], { encoding: 'utf8' }).stdout.trim();
if (dirty !== '') {
  console.error(`${RULES} has uncommitted changes; commit them first (this run rewrites those files and restores them from memory)`);
  process.exit(2);
}

let current: { file: string; original: string } | null = null;
const restore = (): void => {
  if (current) writeFileSync(current.file, current.original);
  current = null;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (restore(), process.exit(130)));

const files = readdirSync(RULES).filter((f) => f.endsWith('.ts') && (!only || f.startsWith(only))).sort();
const survivors: Mutant[] = [];
let total = 0;
for (const name of files) {
  const file = join(RULES, name);
  const test = join('test/model/actions', `${basename(name, '.ts')}.test.ts`);
  if (!existsSync(test)) {
    console.log(`${file}: no test file ${test}`);
    continue;
  }
  const original = readFileSync(file, 'utf8');
  const mutants = mutantsOf(file);
  let kills = 0;
  for (const m of mutants) {
    current = { file, original };
    writeFileSync(file, m.text);
    try {
      if (killed(test)) kills++;
      else survivors.push(m);
    } finally {
      restore();
    }
  }
  total += mutants.length;
  console.log(`${file}: ${kills} of ${mutants.length} changes noticed by ${test}`);
}
console.log(`\n${total - survivors.length} of ${total} changes noticed.`);
for (const m of survivors) console.log(`  survived: ${m.file}:${m.line} ${m.from} -> ${m.to}`);
process.exit(survivors.length === 0 ? 0 : 1);

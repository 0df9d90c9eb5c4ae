/**
 * `npm run test:mutations`: are the protocol's rules pinned by their own tests? Each comparison
 * operator and each integer constant in the code of `src/model/actions/` is changed in turn (`>=` to
 * `>`, `<` to `<=`, `===` to `!==`, n to n + 1, ...), the rule file's own test
 * (`test/model/actions/<file>.test.ts`) runs, and a change it does not notice is listed. The source
 * is restored after every change (and on Ctrl-C); the files must be committed before it starts.
 * Exit 0 when every change was noticed or is listed below as equivalent (with the reason), 1 when
 * some other change survived.
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

/**
 * Changes judged equivalent (no reachable state tells them apart), each with the reason: they are
 * listed apart and do not fail the run. Matched by file, the changed line's code and the change.
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
];

function equivalent(m: Mutant): string | null {
  const line = readFileSync(m.file, 'utf8').split('\n')[m.line - 1] ?? '';
  return EQUIVALENT.find((e) => m.file.endsWith(`/${e.file}`) && line.includes(e.code) && e.from === m.from && e.to === m.to)?.why ?? null;
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
const judged = survivors.map((m) => ({ m, why: equivalent(m) }));
const unexplained = judged.filter((j) => j.why === null);
console.log(`\n${total - survivors.length} of ${total} changes noticed; ${survivors.length - unexplained.length} judged equivalent; ${unexplained.length} not noticed.`);
for (const { m, why } of judged) console.log(`  ${why === null ? 'NOT NOTICED' : 'equivalent'}: ${m.file}:${m.line} ${m.from} -> ${m.to}${why === null ? '' : ` (${why})`}`);
process.exit(unexplained.length === 0 ? 0 : 1);

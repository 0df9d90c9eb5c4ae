/**
 * Damaged and mismatched shard sets, drawn with fast-check: shards missing or given twice, counts
 * edited (up to two billion), digests of another run, violations without their counterexample,
 * holding answers stopped by a bound, counterexamples edited so that they no longer replay. Every
 * merge must either refuse in exactly one line with exit code 2 and nothing written, or give each
 * pair the verdict the whole run gives (or, for an answer weakened by hand, no stronger one), with
 * its exit code, storing only counterexamples that replay. In process (`main`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runInProcess, type InProcessRun } from '../support/inProcess.ts';

const RUNS = 60;
const dir = mkdtempSync(join(tmpdir(), 'cascade-merge-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

// Small runs: 8 pairs of one property with 12 runs each (failures at run 11, in shard 3), and the
// exhaustive section of the smallest suite (6 pairs, tens of states, 2 violated).
const CHECK = ['check', '--suite', 'crash-cascade-2010', '--property', 'no-client-crash', '--runs', '12', '--workers', '1'];
const EXPLORE = ['explore', '--suite', 'crash-cascade-2010', '--budget', 'test', '--workers', '1'];
const SETS = { check: { args: CHECK, n: 3 }, explore: { args: EXPLORE, n: 2 } } as const;
type Command = keyof typeof SETS;

const whole = {} as Record<Command, InProcessRun>;
const shards = {} as Record<Command, unknown[]>;

function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(root, p), readFileSync(p, 'utf8'));
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

/** The pairs' verdicts in --json lines, by pair. */
function verdicts(r: InProcessRun): Map<string, string> {
  const rows = r.out.map((l) => JSON.parse(l) as { property?: string; variant?: string; verdict?: string }).filter((x) => x.verdict !== undefined);
  return new Map(rows.map((x) => [`${x.property} on ${x.variant}`, x.verdict!]));
}

/** A verdict that claims no more than `whole`: the same, or no verdict (or a horizon's) where a whole run closed the space. */
function noStronger(merged: string, whole: string): boolean {
  return (
    merged === whole ||
    (whole === 'holds' && (merged === 'holds-within-horizon' || merged === 'bound-reached')) ||
    (whole === 'holds-within-horizon' && merged === 'bound-reached')
  );
}

beforeAll(async () => {
  for (const command of Object.keys(SETS) as Command[]) {
    const { args, n } = SETS[command];
    whole[command] = await runInProcess([...args, '--dir', at(`${command}-whole`), '--json']);
    shards[command] = [];
    for (let k = 1; k <= n; k++) {
      const r = await runInProcess([...args, '--shard', `${k}/${n}`, '--out', at(`${command}${k}.json`)]);
      expect(r.code, r.err.join('\n')).toBe(0);
      shards[command].push(JSON.parse(readFileSync(at(`${command}${k}.json`), 'utf8')));
    }
  }
}, 180_000);

/** A JSON value's paths to numbers, strings and arrays of events, for edits. */
function leaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return [{ path, value }, ...value.flatMap((v, i) => leaves(v, [...path, i]))];
  if (value && typeof value === 'object') return [{ path, value }, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))];
  return [{ path, value }];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  if (value === undefined) delete o[path[path.length - 1]!];
  else o[path[path.length - 1]!] = value;
}

/** One damage to a set of shard files (parsed), drawn from the classes a careless or hostile user makes. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), shard: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('twice' as const), shard: fc.nat({ max: 5 }) }),
  fc.record({
    kind: fc.constant('count' as const),
    shard: fc.nat({ max: 5 }),
    pick: fc.nat(),
    value: fc.oneof(fc.constant(2_000_000_000), fc.constant(0), fc.constant(-1), fc.integer({ min: 0, max: 40 }), fc.constant(1e9)),
  }),
  fc.record({
    kind: fc.constant('digest' as const),
    shard: fc.nat({ max: 5 }),
    which: fc.constantFrom('suites', 'config', 'model'),
    hex: fc.stringMatching(/^[0-9a-f]{32}$/),
  }),
  fc.record({ kind: fc.constant('no-counterexample' as const), shard: fc.nat({ max: 5 }), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('verdict' as const),
    shard: fc.nat({ max: 5 }),
    pick: fc.nat(),
    verdict: fc.constantFrom('holds', 'holds-within-horizon', 'bound-reached', 'violated'),
    stoppedBy: fc.constantFrom('violation', 'horizon', 'complete', 'states', 'memory'),
  }),
  fc.record({
    kind: fc.constant('events' as const),
    shard: fc.nat({ max: 5 }),
    pick: fc.nat(),
    edit: fc.constantFrom('empty', 'ticks', 'peer', 'drop-first', 'drop-last', 'message', 'step'),
  }),
);
type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

/** The counterexamples of a shard file (events and violation objects), wherever its command keeps them. */
function counterexamples(file: Record<string, unknown>): Record<string, unknown>[] {
  return leaves(file)
    .filter(({ path, value }) => path[path.length - 1] === 'counterexample' && value !== null && typeof value === 'object')
    .map(({ value }) => value as Record<string, unknown>);
}

function apply(command: Command, d: Damage): string[] {
  const set = structuredClone(shards[command]) as Record<string, unknown>[];
  const k = d.shard % set.length;
  const file = set[k]!;
  const paths = set.map((_, i) => at(`${command}-fuzz${i + 1}.json`));
  switch (d.kind) {
    case 'drop':
      set.splice(k, 1);
      paths.splice(k, 1);
      break;
    case 'twice':
      set.push(set[k]!);
      paths.push(at(`${command}-fuzz-twice.json`));
      break;
    case 'count': {
      const numbers = leaves(file).filter(({ value, path }) => typeof value === 'number' && !path.includes('ms') && !path.includes('msToFailure'));
      setAt(file, numbers[d.pick % numbers.length]!.path, d.value);
      break;
    }
    case 'digest':
      (file.ran as Record<string, string>)[d.which] = d.hex;
      break;
    case 'no-counterexample': {
      const owners = leaves(file).filter(
        ({ value }) =>
          value !== null &&
          typeof value === 'object' &&
          'counterexample' in (value as object) &&
          (value as { counterexample: unknown }).counterexample !== null,
      );
      if (owners.length > 0) setAt(file, [...owners[d.pick % owners.length]!.path, 'counterexample'], null);
      const failures = leaves(file).filter(({ path, value }) => path[path.length - 1] === 'failure' && value !== null);
      if (owners.length === 0 && failures.length > 0) setAt(file, failures[d.pick % failures.length]!.path, null);
      break;
    }
    case 'verdict': {
      const results = leaves(file).filter(({ path }) => path[path.length - 1] === 'result');
      if (results.length > 0) {
        const r = results[d.pick % results.length]!.value as Record<string, unknown>;
        r.verdict = d.verdict;
        r.stoppedBy = d.stoppedBy;
      }
      break;
    }
    case 'events': {
      const cs = counterexamples(file);
      if (cs.length === 0) break;
      const c = cs[d.pick % cs.length]!;
      const events = c.events as { kind: string; peer?: number }[];
      const violation = c.violation as { step: number; message: string };
      if (d.edit === 'empty') c.events = [];
      if (d.edit === 'ticks') c.events = events.map(() => ({ kind: 'tick' }));
      if (d.edit === 'peer') c.events = [{ kind: 'crash', peer: 99 }, ...events.slice(1)];
      if (d.edit === 'drop-first') c.events = events.slice(1);
      if (d.edit === 'drop-last') c.events = events.slice(0, -1);
      if (d.edit === 'message') violation.message = 'all is well';
      if (d.edit === 'step') violation.step += 1;
      if ('eventsAfterShrink' in c && d.pick % 2 === 0) c.eventsAfterShrink = (c.events as unknown[]).length;
      break;
    }
  }
  set.forEach((f, i) => writeFileSync(paths[i]!, JSON.stringify(f)));
  return paths;
}

describe('merge of damaged and mismatched shard sets', () => {
  it.each(Object.keys(SETS) as Command[])(
    '%s: one line and exit 2 with nothing written, or what the whole run gives',
    async (command) => {
      expect(whole[command].err).toEqual([]);
      let refused = 0;
      let merged = 0;
      let run = 0;
      await fc.assert(
        fc.asyncProperty(damage, async (d) => {
          const out = at(`${command}-out-${run++}`);
          const r = await runInProcess(['merge', ...apply(command, d), '--dir', out, '--json']);
          expect(r.crash).toBeNull();
          expect(looksLikeStackTrace([...r.out, ...r.err])).toBe(false);
          if (r.code === 2) {
            refused++;
            expect(r.err).toHaveLength(1);
            expect(r.err[0]).toMatch(/^cascade merge: /);
            expect(r.out).toEqual([]);
            expect(existsSync(out)).toBe(false);
            return;
          }
          merged++;
          expect(r.err.filter((l) => l.trim() !== '')).toEqual([]);
          const got = verdicts(r);
          const want = verdicts(whole[command]);
          expect([...got.keys()]).toEqual([...want.keys()]);
          for (const [pair, verdict] of got) expect(noStronger(verdict, want.get(pair)!), `${pair}: ${verdict}, a whole run: ${want.get(pair)}`).toBe(true);
          if ([...got].every(([pair, v]) => v === want.get(pair))) expect(r.code).toBe(whole[command].code);
          // Nothing stored that does not replay.
          for (const name of files(out).keys()) expect((await runInProcess(['replay', join(out, name)])).code, name).toBe(0);
        }),
        { numRuns: RUNS, seed: 25 },
      );
      // The draws must reach both outcomes: a fuzz that only ever refuses (or only merges) tests half.
      expect(refused).toBeGreaterThan(RUNS / 3);
      expect(merged).toBeGreaterThan(0);
    },
    300_000,
  );
});

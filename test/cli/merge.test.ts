/**
 * `check --shard K/N` and `cascade merge`: three shards merged print the same --json lines and
 * human lines (timings aside), store the same counterexample files byte for byte and write the same
 * JUnit report as one unsharded check, with the same exit code; a set of shard files that is not one
 * whole run is one line, exit code 2, and nothing written. In process (`main`), no start-up per run.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, type InProcessRun } from '../support/inProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

// crash-cascade-2010 with 30 runs a pair: 16 pairs, 12 violated at run 11 (in shard 2's runs 10..19)
// and 4 holding; a second selection of one pair whose failure comes later covers a failure in shard 3.
const SELECTION = ['--suite', 'crash-cascade-2010', '--runs', '30', '--budget', 'test'];

/** Every file under `root`, by relative path, with its bytes. */
function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, name.name);
      if (name.isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

/** Output lines with timings and the run's own directory names taken out. */
function comparable(lines: string[], names: Record<string, string>): string[] {
  return lines.map((line) => {
    let l = line.replace(/"(ms|timeToFailureMs)":[0-9.]+/g, '"$1":T').replace(/\d+(\.\d+)? ms\b/g, 'T ms');
    for (const [from, to] of Object.entries(names)) l = l.split(from).join(to);
    return l;
  });
}

function junit(path: string): string {
  return readFileSync(path, 'utf8').replace(/ time="[^"]*"/g, '');
}

let whole: InProcessRun;
let wholeText: InProcessRun;
let merged: InProcessRun;
let mergedText: InProcessRun;
beforeAll(async () => {
  whole = await runInProcess(['check', ...SELECTION, '--dir', at('whole'), '--json', '--junit', at('whole.xml'), '--workers', '1']);
  for (const k of [1, 2, 3]) {
    // Shard 2 on two worker threads: its runs cut into ranges again, joined into one partial.
    const r = await runInProcess([
      'check',
      ...SELECTION,
      '--dir',
      at('shards-cx'),
      '--shard',
      `${k}/3`,
      '--out',
      at(`s${k}.json`),
      '--workers',
      k === 2 ? '2' : '1',
    ]);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out).toEqual([expect.stringMatching(new RegExp(`^shard ${k}/3 of check: 16 pairs, \\d+ runs searched, \\d+ failures? found; written to `))]);
  }
  merged = await runInProcess(['merge', at('s3.json'), at('s1.json'), at('s2.json'), '--dir', at('merged'), '--json', '--junit', at('merged.xml')]);
  wholeText = await runInProcess(['check', ...SELECTION, '--dir', at('whole'), '--workers', '1']);
  mergedText = await runInProcess(['merge', at('s1.json'), at('s2.json'), at('s3.json'), '--dir', at('merged')]);
}, 120_000);

describe('check --shard K/N, then merge', () => {
  it('prints the same --json lines as one check, and exits the same', () => {
    expect(whole.code, whole.err.join('\n')).toBe(0);
    expect(merged.code, merged.err.join('\n')).toBe(whole.code);
    expect(merged.out).toHaveLength(17);
    expect(comparable(merged.out, { [at('merged')]: at('whole') })).toEqual(comparable(whole.out, {}));
    const verdicts = whole.out.slice(0, 16).map((l) => (JSON.parse(l) as { verdict: string }).verdict);
    expect(new Set(verdicts)).toEqual(new Set(['violated', 'holds']));
  });

  it('prints the same lines without --json', () => {
    expect(mergedText.code).toBe(wholeText.code);
    expect(comparable(mergedText.out, { [at('merged')]: at('whole') })).toEqual(comparable(wholeText.out, {}));
  });

  it('stores the same counterexample files, byte for byte, and the shards store none', () => {
    const a = files(at('whole'));
    expect(a.size).toBe(12);
    expect(files(at('merged'))).toEqual(a);
    expect(existsSync(at('shards-cx'))).toBe(false);
  });

  it('writes the same JUnit report (times aside)', () => {
    expect(junit(at('merged.xml')).split(at('merged')).join(at('whole'))).toBe(junit(at('whole.xml')));
  });

  it('merges a failure found only in the last shard', async () => {
    const one = ['--suite', 'crash-cascade-2010', '--property', 'no-cascade', '--variant', 'skype-2010', '--runs', '12', '--json', '--workers', '1'];
    const w = await runInProcess(['check', ...one, '--dir', at('late-whole')]);
    for (const k of [1, 2, 3]) expect((await runInProcess(['check', ...one, '--shard', `${k}/3`, '--out', at(`late${k}.json`)])).code).toBe(0);
    const shards = [1, 2, 3].map((k) => JSON.parse(readFileSync(at(`late${k}.json`), 'utf8')) as { pairs: { partial: { failure: unknown } }[] });
    expect(shards.map((s) => s.pairs[0]!.partial.failure !== null)).toEqual([false, false, true]);
    const m = await runInProcess(['merge', at('late1.json'), at('late2.json'), at('late3.json'), '--dir', at('late-merged'), '--json']);
    expect(comparable(m.out, { [at('late-merged')]: at('late-whole') })).toEqual(comparable(w.out, {}));
    expect(files(at('late-merged'))).toEqual(files(at('late-whole')));
  });
});

describe('merge refuses what is not one whole run, in one line, writing nothing', () => {
  async function refused(args: string[], message: RegExp): Promise<void> {
    const before = readdirSync(dir).sort();
    const r = await runInProcess(['merge', ...args, '--dir', at('refused'), '--junit', at('refused.xml')]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(message)]);
    expect(r.err[0]).toMatch(/^cascade merge: /);
    expect(r.out).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(before);
  }

  it('a missing shard', () => refused([at('s1.json'), at('s3.json')], /: shard 2\/3 missing: merge needs all 3$/));

  it('a shard given twice', () => refused([at('s1.json'), at('s2.json'), at('s2.json'), at('s3.json')], /: shard 2\/3 given twice \(/));

  it('a shard of another selection', async () => {
    expect(
      (await runInProcess(['check', ...SELECTION, '--dir', at('shards-cx'), '--seed', '7', '--shard', '2/3', '--out', at('other2.json'), '--workers', '1']))
        .code,
    ).toBe(0);
    await refused([at('s1.json'), at('other2.json'), at('s3.json')], /other2\.json: not the same run as .*s1\.json: its seed is 7, there null$/);
  });

  it('shards of another N', async () => {
    expect((await runInProcess(['check', ...SELECTION, '--dir', at('shards-cx'), '--shard', '2/4', '--out', at('four2.json'), '--workers', '1'])).code).toBe(0);
    await refused([at('s1.json'), at('four2.json'), at('s3.json')], /four2\.json: shard 2\/4, .*s1\.json: shard 1\/3: the shards of one run share their N$/);
  });

  it('a truncated partial: fewer runs than its share and no failure', async () => {
    const file = JSON.parse(readFileSync(at('s1.json'), 'utf8')) as {
      pairs: { pair: { variant: string; property: string }; partial: { runs: number; lengthCounts: number[] } }[];
    };
    const p = file.pairs.find((x) => x.pair.variant === 'fixed' && x.pair.property === 'no-client-crash')!.partial;
    p.runs -= 3;
    // Counts made consistent with the fewer runs: only the coverage of the share gives it away.
    for (let cut = 3, i = p.lengthCounts.length - 1; cut > 0; i--) {
      const take = Math.min(cut, p.lengthCounts[i]!);
      p.lengthCounts[i]! -= take;
      cut -= take;
    }
    writeFileSync(at('cut1.json'), JSON.stringify(file));
    await refused(
      [at('cut1.json'), at('s2.json'), at('s3.json')],
      /cut1\.json: shard 1\/3, crash-cascade-2010 \/ no-client-crash on fixed: searched 7 of runs 0\.\.9 and found no failure \(a killed or truncated shard\): run shard 1\/3 again$/,
    );
  });

  it('a damaged file', async () => {
    writeFileSync(at('half.json'), readFileSync(at('s2.json'), 'utf8').slice(0, 500));
    await refused([at('s1.json'), at('half.json'), at('s3.json')], /half\.json: not valid JSON/);
    const file = JSON.parse(readFileSync(at('s2.json'), 'utf8')) as { pairs: { partial: Record<string, unknown> }[] };
    file.pairs[0]!.partial.runs = -1;
    writeFileSync(at('bad2.json'), JSON.stringify(file));
    await refused([at('s1.json'), at('bad2.json'), at('s3.json')], /bad2\.json: damaged shard file: pairs\.0\.partial\.runs: /);
  });
});

describe('check --shard refuses bad flags and targets in one line', () => {
  it.each([
    [['--shard', '2/3'], '--shard needs --out FILE, the shard file to write'],
    [['--shard', '4/3', '--out', 'x.json'], "--shard must be K/N with 1 <= K <= N <= 10,000 (e.g. --shard 2/8), got '4/3'"],
    [['--shard', '0/3', '--out', 'x.json'], "--shard must be K/N with 1 <= K <= N <= 10,000 (e.g. --shard 2/8), got '0/3'"],
    [['--out', 'x.json'], '--out goes with --shard K/N (the shard file)'],
    [['--shard', '1/2', '--out', 'x.json', '--update'], '--update goes with merge: a shard stores no counterexample'],
  ])('check %j', async (args, message) => {
    const r = await runInProcess(['check', ...SELECTION, ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`cascade check: ${message}`]);
  });

  it('never replaces a file that is not a shard file', async () => {
    writeFileSync(at('notes.txt'), 'mine\n');
    const r = await runInProcess(['check', ...SELECTION, '--shard', '1/3', '--out', at('notes.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`cascade check: --out ${at('notes.txt')}: exists and is not a shard file; choose another name or remove it`]);
    expect(readFileSync(at('notes.txt'), 'utf8')).toBe('mine\n');
  });
});

describe('explore --shard K/N (swarm) and merge', () => {
  const EXPLORE = ['explore', '--suite', 'feedback-loop', '--property', 'no-cascade', '--budget', 'test', '--horizon', '2', '--workers', '1'];
  it('three swarm shards merge into one search: the same verdicts, shortest lengths, counterexample files and exit code; the states are sums and say so', async () => {
    const one = await runInProcess([...EXPLORE, '--dir', at('explore-whole'), '--json']);
    for (const k of [1, 2, 3]) {
      const r = await runInProcess([...EXPLORE, '--dir', at('explore-shards-cx'), '--shard', `${k}/3`, '--out', at(`e${k}.json`)]);
      expect(r.code, r.err.join('\n')).toBe(0);
      expect(r.out).toEqual([expect.stringMatching(new RegExp(`^shard ${k}/3 of explore: 3 pairs searched, \\d+ violated in this shard; written to `))]);
    }
    expect(existsSync(at('explore-shards-cx'))).toBe(false);
    const merged = await runInProcess(['merge', at('e2.json'), at('e3.json'), at('e1.json'), '--dir', at('explore-merged'), '--json']);
    expect(merged.code).toBe(one.code);
    const rows = (r: InProcessRun) => r.out.map((l) => JSON.parse(l)).filter((x) => x.kind === 'exhaustive');
    const key = (x: { property: string; variant: string; verdict: string; eventsInCounterexample: number | null; met: boolean }) =>
      `${x.property}/${x.variant}: ${x.verdict} ${x.eventsInCounterexample} ${x.met}`;
    expect(rows(merged).map(key)).toEqual(rows(one).map(key));
    expect(rows(merged).every((x) => x.shards === 3)).toBe(true);
    expect(rows(one).every((x) => x.shards === undefined)).toBe(true);
    const lengths = (root: string) => new Map([...files(root)].map(([name, text]) => [name, JSON.parse(text).events.length]));
    expect(lengths(at('explore-merged'))).toEqual(lengths(at('explore-whole')));
  });

  it('a missing swarm shard is one line, exit code 2, nothing written', async () => {
    const r = await runInProcess(['merge', at('e1.json'), at('e3.json'), '--dir', at('explore-partial')]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['cascade merge: shard 2/3 missing: merge needs all 3']);
    expect(existsSync(at('explore-partial'))).toBe(false);
  });
});

describe("shards that cannot lie (one line, exit 2, nothing written; or the whole run's verdict)", () => {
  async function refusedMerge(args: string[], message: RegExp, out = at('liar-out')): Promise<void> {
    const r = await runInProcess(['merge', ...args, '--dir', out]);
    expect(r.err).toEqual([expect.stringMatching(message)]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(existsSync(out)).toBe(false);
  }
  const edit = (from: string, to: string, change: (f: any) => void) => {
    const file = JSON.parse(readFileSync(at(from), 'utf8'));
    change(file);
    writeFileSync(at(to), JSON.stringify(file));
    return at(to);
  };

  it('a small shard claiming two billion runs (or 10^9 sweep steps or seeds) is refused in one line, at once', async () => {
    const huge = {
      kind: 'cascade-shard',
      schemaVersion: 2,
      tool: { name: 'cascade', version: JSON.parse(readFileSync(at('s1.json'), 'utf8')).tool.version },
      shard: { index: 1, count: 1 },
      ran: JSON.parse(readFileSync(at('s1.json'), 'utf8')).ran,
      command: 'check',
      selection: {
        suite: 'crash-cascade-2010',
        property: 'no-client-crash',
        variant: 'fixed',
        overrides: {},
        budget: 'test',
        runs: 2_000_000_000,
        seed: null,
        dir: 'counterexamples',
      },
      pairs: [
        {
          pair: { suite: 'crash-cascade-2010', property: 'no-client-crash', variant: 'fixed', expected: 'holds' },
          partial: {
            from: 0,
            to: 2_000_000_000,
            runs: 2_000_000_000,
            triggeredRuns: 0,
            failure: null,
            cells: [],
            lengthCounts: [2_000_000_000],
            ms: 1,
            abandoned: false,
          },
        },
      ],
    };
    writeFileSync(at('huge.json'), JSON.stringify(huge));
    expect(readFileSync(at('huge.json')).length).toBeLessThan(1000);
    const started = performance.now();
    await refusedMerge([at('huge.json')], /huge\.json: damaged shard file: selection\.runs: /);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a violation without its counterexample, or a counterexample that does not replay, is refused', async () => {
    const failing = (f: any) => f.pairs.find((p: any) => p.partial.failure !== null).partial.failure.counterexample;
    await refusedMerge(
      [at('s1.json'), edit('s2.json', 'ticks2.json', (f) => (failing(f).events = failing(f).events.map(() => ({ kind: 'tick' })))), at('s3.json')],
      /ticks2\.json: shard 2\/3, crash-cascade-2010 \/ no-client-crash on skype-2010: its counterexample of 8 events does not reproduce its violation \(replayed: holds\)/,
    );
    await refusedMerge(
      [at('s1.json'), edit('s2.json', 'peer2.json', (f) => (failing(f).events[0] = { kind: 'crash', peer: 99 })), at('s3.json')],
      /peer2\.json: .*events\.0: peer index out of range/,
    );
    await refusedMerge(
      [
        at('e1.json'),
        edit('e2.json', 'nocx2.json', (f) => (f.pairs.find((p: any) => p.result.verdict === 'violated').result.counterexample = null)),
        at('e3.json'),
      ],
      /nocx2\.json: shard 2\/3, .*: violated without a counterexample/,
    );
    await refusedMerge(
      [
        at('e1.json'),
        edit('e2.json', 'bound2.json', (f) =>
          Object.assign(f.pairs.find((p: any) => p.result.verdict !== 'violated').result, { verdict: 'holds', stoppedBy: 'states' }),
        ),
        at('e3.json'),
      ],
      /bound2\.json: .*: holds, yet stopped by the states/,
    );
  });

  it('merge --update with one damaged pair among many writes nothing', async () => {
    const last = (f: any) => f.pairs.filter((p: any) => p.partial.failure !== null).at(-1).partial.failure.counterexample;
    await refusedMerge(
      [at('s1.json'), edit('s2.json', 'lastbad2.json', (f) => (last(f).violation.message = 'edited')), at('s3.json'), '--update'],
      /lastbad2\.json: .*no-cascade on skype-2010\+mega-supernodes: its counterexample .* does not reproduce/,
      at('update-out'),
    );
  });

  it('shards of a suite file edited between them, or since, are refused', async () => {
    const suite = at('mine.mjs');
    const write = (faults: number) =>
      writeFileSync(
        suite,
        `export default ({ defineSuite }) => defineSuite({ id: 'merge-digest', title: 'digest', kinds: ['crash'], properties: ['no-cascade'], variants: { fixed: null }, config: { faultBudget: ${faults} }, budget: { test: 6, start: 6 } });\n`,
      );
    write(1);
    const args = ['check', '--suite', suite, '--workers', '1'];
    for (const k of [1, 2]) expect((await runInProcess([...args, '--shard', `${k}/2`, '--out', at(`d${k}.json`)])).code).toBe(0);
    write(2);
    expect((await runInProcess([...args, '--shard', '2/2', '--out', at('d2-edited.json')])).code).toBe(0);
    await refusedMerge([at('d1.json'), at('d2-edited.json')], /d2-edited\.json: not the same run as .*d1\.json: it ran another suite definition/);
    await refusedMerge([at('d1.json'), at('d2.json')], /d1\.json: ran another suite definition .* than this merge loads/);
    await refusedMerge(
      [at('d1.json'), edit('d2.json', 'd2-model.json', (f) => (f.ran.model = '0'.repeat(32)))],
      /d2-model\.json: not the same run as .*: it ran another model/,
    );
  });

  it('an explore merge never replaces a stored counterexample without --update, a longer one neither', async () => {
    const out = at('keep-out');
    expect((await runInProcess(['merge', at('e1.json'), at('e2.json'), at('e3.json'), '--dir', out])).code).toBe(0);
    const [name] = [...files(out).keys()];
    const path = join(out, name!);
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    stored.events.push({ kind: 'tick' });
    writeFileSync(path, JSON.stringify(stored, null, 2) + '\n');
    const before = readFileSync(path, 'utf8');
    const again = await runInProcess(['merge', at('e1.json'), at('e2.json'), at('e3.json'), '--dir', out, '--json']);
    expect(again.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(again.out.map((l) => JSON.parse(l)).find((x) => x.counterexample === path)?.saved).toBe('kept-existing');
    const update = await runInProcess(['merge', at('e1.json'), at('e2.json'), at('e3.json'), '--dir', out, '--update', '--json']);
    expect(update.out.map((l) => JSON.parse(l)).find((x) => x.counterexample === path)?.saved).toBe('replaced');
  });

  it("explore says vacuous where check does, whole and merged from shards, with check's exit code", async () => {
    const suite = at('vacuous.mjs');
    writeFileSync(
      suite,
      "export default ({ defineSuite }) => defineSuite({ id: 'merge-vacuous', title: 'vacuous', kinds: ['goOnline'], properties: ['no-client-crash'], variants: { fixed: 'holds' }, budget: { test: 10, start: 10 }, exhaustive: { variants: ['fixed'], horizon: 2, maxStates: 20000 } });\n",
    );
    const check = await runInProcess(['check', '--suite', suite, '--dir', at('vac-cx'), '--json', '--workers', '1']);
    const explore = await runInProcess(['explore', '--suite', suite, '--dir', at('vac-cx'), '--json', '--workers', '1']);
    for (const k of [1, 2])
      expect((await runInProcess(['explore', '--suite', suite, '--workers', '1', '--shard', `${k}/2`, '--out', at(`vac${k}.json`)])).code).toBe(0);
    const merged = await runInProcess(['merge', at('vac1.json'), at('vac2.json'), '--json']);
    const verdict = (r: InProcessRun) => JSON.parse(r.out[0]!).verdict;
    expect([verdict(check), verdict(explore), verdict(merged)]).toEqual(['vacuous', 'vacuous', 'vacuous']);
    expect([explore.code, merged.code]).toEqual([check.code, check.code]);
    expect(check.code).toBe(1);
  });
});

/**
 * `cascade fixes`: the minimal sets in words and as JSON with a summary; bad input as one line and
 * exit code 2. In process (no start-up per run); the analysis itself is tested in
 * test/runner/fixSets.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inProcess.ts';

describe('cascade fixes', () => {
  it('prints the minimal sets of one suite on one base, what each property needs, and what dropping a fix costs', async () => {
    const r = await runInProcess(['fixes', '--suite', 'crash-cascade-2010', '--base', 'skype-2010', '--runs', '300']);
    expect(r.err.filter((l) => l.trim() !== '')).toEqual([]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('== crash-cascade-2010 on skype-2010: which fixes are enough (no-client-crash, no-cascade) ==');
    // The depth it was shown at, in the line itself: the suite's test bound (40 ticks) and the runs asked for.
    expect(text).toContain("  enough, exhaustive within 40 ticks at the suite's test scope and random at 300 runs: {robust-client}");
    expect(text).toContain('  no-client-crash: needs robust-client; enough: {robust-client}');
    expect(text).toMatch(
      /\{robust-client\} without robust-client: no-client-crash fails in \d+ events? \(exhaustive, shortest\): npx cascade explore --suite crash-cascade-2010 --property no-client-crash --variant skype-2010 /,
    );
    expect(text).toContain('scope: 300 random runs per set and property');
    expect(text).toMatch(/\(\d+ of 128 checks skipped; time summed over the searches made\)/);
  });

  it('prints one JSON object per suite and base, then a summary, with the schema version', async () => {
    const r = await runInProcess(['fixes', '--suite', 'crash-cascade-2010', '--runs', '300', '--json']);
    expect(r.code).toBe(0);
    const lines = r.out.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((l) => [l.kind, l.base])).toEqual([
      ['fix-sets', 'skype-2007'],
      ['fix-sets', 'skype-2010'],
      ['summary', undefined],
    ]);
    for (const l of lines) expect(l.schemaVersion).toBe(3);
    expect(lines[0]!.minimal).toEqual([[]]);
    expect(lines[1]!.sets).toHaveLength(64);
    expect(lines[1]!.depth).toEqual({ runs: 300, horizon: { least: 40, most: 40 }, maxStates: { least: 100_000, most: 100_000 } });
    expect(lines[2]).toMatchObject({
      analyses: 2,
      unmet: 0,
      code: 0,
      enough: [
        { suite: 'crash-cascade-2010', base: 'skype-2007', minimal: [[]] },
        { suite: 'crash-cascade-2010', base: 'skype-2010', minimal: [['robust-client']] },
      ],
    });
  });

  it('--two-stage: the analysis at the test bound, then the candidates searched again at the start bound, and the last line names the start bound', async () => {
    const r = await runInProcess(['fixes', '--suite', 'crash-cascade-2010', '--base', 'skype-2010', '--runs', '300', '--together', '--two-stage']);
    expect(r.err.filter((l) => l.trim() !== '')).toEqual([]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain("  enough, exhaustive within 40 ticks at the suite's test scope and random at 300 runs: {robust-client}");
    expect(text).toContain("== Enough for every suite on skype-2010, exhaustive within 40 ticks at the suite's start scope and random at 300 runs ==");
    expect(text).toMatch(/32 candidates \(the sets the test bound did not violate\), 1 searched, 31 skipped as proper supersets of a set shown to hold/);
    expect(r.out.at(-1)).toBe(
      "Enough for every suite, exhaustive within 40 ticks at the suite's start scope and random at 300 runs: on skype-2010 {robust-client}.",
    );
    const json = await runInProcess(['fixes', '--suite', 'crash-cascade-2010', '--base', 'skype-2010', '--runs', '300', '--together', '--two-stage', '--json']);
    const lines = json.out.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((l) => l.kind)).toEqual(['fix-sets', 'enough', 'summary']);
    expect(lines[1]).toMatchObject({ base: 'skype-2010', budget: 'start', from: 'test', candidates: 32, minimal: [['robust-client']] });
    expect(lines[2]!.enoughForEverySuite).toEqual([{ base: 'skype-2010', sets: [['robust-client']], budget: 'start' }]);
  });

  it('answers bad input with one line and exit code 2', async () => {
    const base = await runInProcess(['fixes', '--base', 'skype-2099']);
    expect(base.code).toBe(2);
    expect(base.err).toEqual(["cascade fixes: --base must be one of skype-2007, skype-2010, got 'skype-2099'"]);
    const suite = await runInProcess(['fixes', '--suite', 'nope']);
    expect(suite.code).toBe(2);
    expect(suite.err[0]).toMatch(/^cascade fixes: unknown suite 'nope'/);
    const among = await runInProcess(['fixes', '--among', 'admission-control,magic']);
    expect(among.code).toBe(2);
    expect(among.err[0]).toMatch(/^cascade fixes: --among: unknown fix 'magic': fixes are robust-client, /);
    for (const [argv, line] of [
      [['--two-stage'], 'cascade fixes: --two-stage goes with --together (the sets enough for every suite are what it verifies)'],
      [['--two-stage', '--together', '--budget', 'start'], 'cascade fixes: --two-stage runs the test budget, then the start bound: leave out --budget'],
      [['--two-stage', '--together', '--every-set'], 'cascade fixes: --two-stage goes without --every-set (it searches only the candidates)'],
    ] as const) {
      const bad = await runInProcess(['fixes', ...argv]);
      expect(bad.code).toBe(2);
      expect(bad.err).toEqual([line]);
    }
    const runs = await runInProcess(['fixes', '--runs', '0']);
    expect(runs.code).toBe(2);
    expect(runs.err).toEqual(['cascade fixes: --runs must be between 1 and 10000000, got 0']);
  });
});

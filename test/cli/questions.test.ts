/**
 * The reviewer's own questions, each one documented command (docs/questions.md): parameters
 * set on the command line, any variant over every suite, a sweep to a tipping point, and a suite file
 * of one's own with a windowed property whose counterexample replays, exports to ITF and is in the report.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUITES } from '../../properties/index.ts';
import { emptyResults } from '../report/fixture.ts';
import { cli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-questions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The result rows of a check run's `--json` lines (the summary object that ends them left out). */
function rows(stdout: string): Record<string, unknown>[] {
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.at(-1)!.kind).toBe('summary');
  return lines.filter((l) => l.kind !== 'summary');
}

describe('parameters as input', () => {
  it('check --suite feedback-loop --variant fixed --set faultBudget=3: the verdicts as found, on three faults', () => {
    const r = cli(['check', '--suite', 'feedback-loop', '--variant', 'fixed', '--set', 'faultBudget=3', '--dir', join(dir, 'faults')]);
    expect([0, 4]).toContain(r.code);
    expect(r.stdout).toMatch(/parameters: --set faultBudget=3/);
    expect(r.stdout).toMatch(/feedback-loop: utilisation 78%/);
    expect(r.stdout).toMatch(/feedback-loop \/ no-cascade on fixed: (holds|violated) \(no expectation: reported as found\)/);
    const json = rows(
      cli(['check', '--suite', 'feedback-loop', '--variant', 'fixed', '--set', 'faultBudget=3', '--runs', '200', '--json', '--dir', join(dir, 'faults-json')])
        .stdout,
    );
    expect(json.map((j) => j.property)).toEqual(['no-cascade', 'recovers']);
    for (const j of json) {
      // The effective config is in every result, so the run can be repeated without flags.
      expect((j.config as { faultBudget: number }).faultBudget).toBe(3);
      expect(j.expected).toBeNull();
    }
  });

  it('check --set supernodeCapacity=4 runs over every suite, and a counterexample file carries the config and the overrides in its name', () => {
    const out = join(dir, 'capacity');
    const r = cli(['check', '--set', 'supernodeCapacity=4', '--budget', 'test', '--json', '--dir', out]);
    expect([0, 4]).toContain(r.code);
    const json = rows(r.stdout);
    expect(new Set(json.map((j) => j.suite))).toEqual(new Set(SUITES.map((s) => s.id)));
    expect(json.every((j) => (j.config as { supernodeCapacity: number }).supernodeCapacity === 4)).toBe(true);
    const violated = json.find((j) => j.verdict === 'violated')!;
    expect(violated.counterexample).toMatch(/--supernodeCapacity=4\.json$/);
    const file = JSON.parse(readFileSync(violated.counterexample as string, 'utf8')) as { config: { supernodeCapacity: number } };
    expect(file.config.supernodeCapacity).toBe(4);
    // ... so that replay needs no flags.
    expect(cli(['replay', violated.counterexample as string]).code).toBe(0);
  });
});

describe('any variant', () => {
  it('a variant a suite does not list is named canonically, however its fixes are ordered', () => {
    const out = join(dir, 'canonical');
    const r = cli([
      'check',
      '--suite',
      'feedback-loop',
      '--property',
      'no-cascade',
      '--variant',
      'skype-2010+retry-budget+backoff-jitter+retry-budget',
      '--runs',
      '300',
      '--json',
      '--dir',
      out,
    ]);
    const [row] = rows(r.stdout);
    expect(row!.variant).toBe('skype-2010+backoff-jitter+retry-budget');
    expect(row!.counterexample).toBe(join(out, 'feedback-loop', 'no-cascade--skype-2010+backoff-jitter+retry-budget.json'));
  });

  it('check --variant skype-2010+robust-client+admission-control reports a verdict for every suite', () => {
    const r = cli(['check', '--variant', 'skype-2010+robust-client+admission-control', '--budget', 'test', '--dir', join(dir, 'variant')]);
    for (const suite of SUITES) {
      for (const property of suite.properties) {
        expect(r.stdout).toMatch(
          new RegExp(`${suite.id} / ${property} on skype-2010\\+robust-client\\+admission-control: (holds|violated|vacuous) \\(no expectation`),
        );
      }
    }
    // Some suite finds a violation with no expectation: exit 4, apart from "expectation unmet" (1).
    expect(r.stdout).toMatch(/violated \(no expectation/);
    expect(r.code).toBe(4);
  });
});

const SUITE_FILE = `// A reviewer's own suite: is more than half of the clients ever offline for more than 5 ticks?
export default ({ defineSuite, defineProperty, metrics }) =>
  defineSuite({
    id: 'half-offline',
    title: 'more than half the clients are never offline for more than 5 ticks in a row',
    kinds: ['crash', 'reboot', 'goOffline', 'goOnline'],
    properties: [
      defineProperty({
        id: 'half-offline-briefly',
        summary: 'at most half the clients that want to be online are offline, or for at most 5 ticks in a row',
        never: (state) => {
          const m = metrics(state);
          return 2 * m.onlineClients < m.wantOnline;
        },
        forMoreThan: 5,
        reads: [],
      }),
    ],
    variants: { 'skype-2010': 'violated', fixed: null },
  });
`;

describe('a suite file of your own', () => {
  it('runs by check --suite FILE; its counterexample replays, exports to ITF and is in the report, naming the suite file', () => {
    const home = join(dir, 'home');
    const suiteFile = join(home, 'half-offline.mjs');
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    writeFileSync(suiteFile, SUITE_FILE);
    const check = cli(['check', '--suite', 'half-offline.mjs', '--runs', '300'], home);
    expect(check.stdout).toMatch(/ok {3}half-offline \/ half-offline-briefly on skype-2010: violated \(expected violated\)/);
    const file = join(home, 'counterexamples', 'half-offline', 'half-offline-briefly--skype-2010.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { suiteFile: string; violation: { message: string } };
    expect(stored.suiteFile).toBe('../../half-offline.mjs');
    expect(stored.violation.message).toMatch(/held for 6 ticks in a row \(at most 5 allowed\)/);
    expect(check.stdout).toContain('replay: npx cascade replay counterexamples/half-offline/half-offline-briefly--skype-2010.json --suite half-offline.mjs');

    // A suite file is code: replaying without naming it says which file to name, and runs nothing.
    const unnamed = cli(['replay', 'counterexamples/half-offline/half-offline-briefly--skype-2010.json'], home);
    expect(unnamed.code).toBe(2);
    expect(unnamed.errors).toEqual([expect.stringMatching(/is defined in the suite file half-offline\.mjs: name it with --suite half-offline\.mjs/)]);

    const replay = cli(
      ['replay', 'counterexamples/half-offline/half-offline-briefly--skype-2010.json', '--suite', 'half-offline.mjs', '--itf', 'trace.itf.json'],
      home,
    );
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/reproduced at step \d+: the condition 'half-offline-briefly' watches held for 6 ticks/);
    const itf = JSON.parse(readFileSync(join(home, 'trace.itf.json'), 'utf8')) as { states: unknown[] };
    expect(itf.states.length).toBeGreaterThan(6);

    writeFileSync(join(home, 'results.json'), JSON.stringify(emptyResults()));
    const report = cli(['report', '--results', 'results.json', '--suite', 'half-offline.mjs', '--out', 'review'], home);
    expect(report.code, report.errors.join('\n')).toBe(0);
    // Every counterexample is explained in the appendix.
    const md = readFileSync(join(home, 'review', 'appendix.md'), 'utf8');
    expect(md).toMatch(/### \d+\. half-offline: half-offline-briefly on skype-2010/);
    expect(md).toContain('from the suite file `half-offline.mjs`');
    expect(md).toContain('replays to the same step and sentence');
    expect(existsSync(join(home, 'review', 'report.html'))).toBe(true);
  });

  it('a suite file named to report is loaded before anything runs: a wrong one is refused at once', () => {
    const home = join(dir, 'home-report');
    mkdirSync(home, { recursive: true });
    const r = cli(['report', '--suite', 'nothere.mjs', '--out', 'review'], home);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual(['cascade report: --suite nothere.mjs: no such file']);
    expect(readdirSync(home)).toEqual([]);
  });

  it('explore --suite FILE searches it exhaustively, with the window in the state', () => {
    const home = join(dir, 'home-explore');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'half-offline.mjs'), SUITE_FILE);
    const r = cli(['explore', '--suite', 'half-offline.mjs', '--variant', 'skype-2010', '--horizon', '8', '--max-states', '300000'], home);
    expect(r.stdout).toMatch(/ok {3}half-offline \/ half-offline-briefly on skype-2010: violated/);
    expect(r.code).toBe(0);
    expect(cli(['replay', 'counterexamples/half-offline/half-offline-briefly--skype-2010.json', '--suite', 'half-offline.mjs'], home).code).toBe(0);
  });
});

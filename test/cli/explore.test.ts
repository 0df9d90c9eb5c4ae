/**
 * `cascade explore`: a tick horizon, verdicts that say what they cover (with the fingerprint
 * collision chance and the scope searched), a memory bound capped to the machine, bad input as one
 * line with exit code 2.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run.ts';
import { printExplore } from '../../src/cli/explore.ts';
import type { ExplorePairResult } from '../../src/results/results.ts';
import { defaultConfig } from '../../src/model/index.ts';
import { runInProcess } from '../support/inProcess.ts';
import { checkHoldsStrength, validate } from '../support/junitShape.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cascade explore', () => {
  it('searches within the horizon it is given and says what the verdict covers', () => {
    const r = cli(['explore', '--property', 'recovers', '--variant', 'fixed', '--horizon', '2', '--json', '--dir', dir]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.pop()).toMatchObject({
      kind: 'summary',
      schemaVersion: 4,
      pairs: { random: 0, exhaustive: 2 },
      expectations: { stated: 2, met: 2 },
      exitCode: 0,
    });
    expect(lines.length).toBe(2); // login-flood-2007 and feedback-loop both check recovers on fixed
    for (const line of lines) {
      expect(line).toMatchObject({ kind: 'exhaustive', schemaVersion: 4 });
      expect(['holds', 'holds-within-horizon']).toContain(line.verdict);
      expect(line.bound).toMatchObject({ horizon: 2 });
      expect(line.collisionProbability).toBeLessThan(1e-6);
      expect(line.scope).toMatchObject({ supernodes: expect.any(Number), clients: expect.any(Number), full: false });
    }
  });

  it("says beside every holds its states and the adversary's choice points, names a small search, and prints no per-state figure for it (line, JSON, JUnit)", async () => {
    // crash-cascade-2010 on fixed closes at 78 states, the adversary acting in 4 of them.
    const args = ['explore', '--suite', 'crash-cascade-2010', '--variant', 'fixed', '--dir', join(dir, 'small-cx')];
    const text = await runInProcess(args);
    expect(text.code).toBe(0);
    const heads = text.out.filter((l) => /^(ok|FAIL|--) /.test(l));
    expect(heads).toHaveLength(2);
    for (const line of heads)
      expect(line).toMatch(
        /: holds for every sequence of any length \(the reachable state space closed at tick \d+\); small search: \d+ states, the adversary could act in \d+ \(expected holds\)$/,
      );
    expect(text.out.join('\n')).not.toMatch(/states\/s|bytes a state/);
    expect(text.out.filter((l) => l.includes('no per-state figures under 10,000 states or 100 ms'))).toHaveLength(2);
    expect(text.out).toContainEqual(
      expect.stringMatching(
        /^2 holds verdicts rest on a small search \(under 1,000 states or 100 where the adversary could act\): crash-cascade-2010 \/ no-client-crash on fixed \(\d+ states\), crash-cascade-2010 \/ no-cascade on fixed \(\d+ states\)\.$/,
      ),
    );

    const junit = join(dir, 'small.xml');
    const json = await runInProcess([...args, '--json', '--junit', junit]);
    expect(json.err).toEqual([]);
    const lines = json.out.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = lines.pop()!;
    expect(summary).toMatchObject({ kind: 'summary', weakHolds: { trivial: 0, small: 2 } });
    for (const line of lines) {
      expect(line).toMatchObject({ kind: 'exhaustive', verdict: 'holds', strength: { size: 'small', measured: false } });
      expect(line.states).toBeLessThan(1000);
      expect(line.branchingStates).toBeGreaterThan(0);
      expect(line.branchingStates).toBeLessThanOrEqual(line.states as number);
    }
    const root = validate(readFileSync(junit, 'utf8'));
    checkHoldsStrength(root);
    expect(readFileSync(junit, 'utf8')).toContain('searchSize: small');
  });

  it('prints per-state figures for a large search that ran long enough, and none for a short one; a large holds is not named small', () => {
    const large = handBuilt({ states: 2_783_691, branchingStates: 61_000, ms: 4_460, statesPerSecond: 624_000, bytesPerState: 18.7 });
    const lines: string[] = [];
    printExplore(large, 'npx cascade explore', (l) => lines.push(l));
    expect(lines[0]).toMatch(
      /holds-within-horizon: every sequence whose adversary acts within 40 ticks, each with its 40-tick heal phase; 2,783,691 states, the adversary could act in 61,000 \(expected holds\)$/,
    );
    expect(lines[1]).toContain('2,783,691 states, 3,000,000 transitions, 4460 ms (624,000 states/s, 18.7 bytes a state)');
    const quick: string[] = [];
    printExplore(handBuilt({ states: 2_783_691, branchingStates: 61_000, ms: 99 }), 'npx cascade explore', (l) => quick.push(l));
    expect(quick[1]).not.toMatch(/states\/s|bytes a state/);
    const trivial: string[] = [];
    printExplore(handBuilt({ states: 4, branchingStates: 0, ms: 3 }), 'npx cascade explore', (l) => trivial.push(l));
    expect(trivial[0]).toMatch(/; trivial search: 4 states, the adversary could act in none \(expected holds\)$/);
  });

  it('caps a memory bound above the machine and says so', () => {
    const r = cli(['explore', '--property', 'no-cascade', '--variant', 'fixed', '--horizon', '1', '--max-memory', '100000000', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--max-memory 100000000 is more than 80% of this machine's memory; capped at \d+ MB/);
  });

  for (const args of [
    ['--horizon', '-1'],
    ['--horizon', 'ten'],
    ['--depth', '3'],
  ]) {
    it(`${args.join(' ')} is one line and exit 2`, () => {
      const r = cli(['explore', '--property', 'no-cascade', '--variant', 'fixed', ...args, '--dir', dir]);
      expect(r.code).toBe(2);
      expect(r.errors.length).toBe(1);
      expect(r.stdout).toBe('');
    });
  }
});

describe('cascade explore --budget full', () => {
  it("searches the suite's full tier: its own budgets on the tier's scope, said in the scope, repeated with --budget full, stored beside the section's counterexample", () => {
    const r = cli([
      'explore',
      '--suite',
      'feedback-loop',
      '--property',
      'no-cascade',
      '--variant',
      'skype-2010',
      '--budget',
      'full',
      '--horizon',
      '8',
      '--max-states',
      '2000000',
      '--dir',
      dir,
    ]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^feedback-loop: the full exhaustive tier \(the suite's budgets on one client fewer/m);
    expect(r.stdout).toMatch(/no-cascade on skype-2010: violated \(expected violated\)/);
    expect(r.stdout).toMatch(
      /scope: 3 supernodes, 7 clients \(6 online at start\), at most 2 faults and 2 user actions \(the suite's budgets on one client fewer/,
    );
    expect(r.stdout).toContain(`${join(dir, 'feedback-loop', 'no-cascade--skype-2010--full.json')}`);
    const json = cli([
      'explore',
      '--suite',
      'feedback-loop',
      '--property',
      'no-cascade',
      '--variant',
      'skype-2010',
      '--budget',
      'full',
      '--horizon',
      '8',
      '--max-states',
      '2000000',
      '--json',
      '--dir',
      dir,
    ]);
    const line = JSON.parse(json.stdout.split('\n')[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ full: true, config: { peers: 10, churnBudget: 2 } });
  });

  it('names the full tier in the command that repeats a search', () => {
    const r = cli([
      'explore',
      '--suite',
      'feedback-loop',
      '--property',
      'no-cascade',
      '--variant',
      'fixed',
      '--budget',
      'full',
      '--horizon',
      '3',
      '--max-states',
      '1000',
      '--dir',
      dir,
    ]);
    expect(r.code).toBe(1); // bound-reached does not meet `holds`
    expect(r.stdout).toMatch(/bound-reached/);
    expect(r.stdout).toMatch(
      /reproduce: npx cascade explore --suite feedback-loop --property no-cascade --variant fixed --budget full --horizon 3 --max-states 1000/,
    );
  });

  it('a suite file of your own may declare a full tier: searched with --budget full at its scope and memory bound', () => {
    const home = join(dir, 'own-tier');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'tier.mjs'), OWN_TIER('{ peers: 10 }'));
    const json = cli(['explore', '--suite', 'tier.mjs', '--budget', 'full', '--json', '--workers', '1'], home);
    expect(json.errors).toEqual([]);
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      kind: 'exhaustive',
      suite: 'own-tier',
      variant: 'skype-2010',
      full: true,
      bound: { horizon: 3, maxStates: 300000, maxMemoryMB: 512 },
    });
    expect(lines[0]!.scope).toMatchObject({ supernodes: 3, clients: 7, reason: 'ten peers', parameters: null, full: true });
    const text = cli(['explore', '--suite', 'tier.mjs', '--budget', 'full', '--workers', '1'], home);
    expect(text.stdout.split('\n')[0]).toBe('own-tier: the full exhaustive tier (ten peers); a few seconds');
    writeFileSync(join(home, 'bad.mjs'), OWN_TIER('{ peers: -1 }').replace("'own-tier'", "'bad-tier'"));
    const bad = cli(['explore', '--suite', 'bad.mjs', '--budget', 'full'], home);
    expect(bad.code).toBe(2);
    expect(bad.errors).toEqual([expect.stringMatching(/^cascade explore: .*suite 'bad-tier': exhaustive\.full\.config.*peers/)]);
  });

  it('names the full tier, with the command that searches it, when it searches the section instead', () => {
    const r = cli(['explore', '--suite', 'feedback-loop', '--property', 'no-cascade', '--variant', 'fixed', '--horizon', '1', '--dir', dir]);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^feedback-loop: not searched here, the full tier \(the suite's budgets on one client fewer.*\): npx cascade explore --suite feedback-loop --budget full \(about [\d.]+ minutes/,
    );
    const other = cli(['explore', '--suite', 'crash-cascade-2010', '--property', 'no-cascade', '--variant', 'fixed', '--horizon', '1', '--dir', dir]);
    expect(other.stdout).not.toMatch(/full tier/);
  });

  it('a suite without a full tier, named, is one line and exit 2', () => {
    const r = cli(['explore', '--suite', 'crash-cascade-2010', '--budget', 'full', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([
      'cascade explore: --budget full: suite crash-cascade-2010 has no full tier (its exhaustive section already searches its own budgets)',
    ]);
    expect(r.stdout).toBe('');
  });
});

/** An exhaustive holds built by hand, with the figures given. */
function handBuilt(fields: Partial<ExplorePairResult>): ExplorePairResult {
  return {
    suite: 'feedback-loop',
    property: 'no-cascade',
    variant: 'fixed',
    expected: 'holds',
    config: defaultConfig('small'),
    verdict: 'holds-within-horizon',
    stoppedBy: 'horizon',
    bound: { horizon: 40, maxStates: 100_000_000, maxMemoryMB: 4096 },
    scope: { supernodes: 3, clients: 8, onlineAtStart: 7, faultBudget: 2, churnBudget: null, reason: null, parameters: null, full: false },
    states: 0,
    branchingStates: 0,
    transitions: 3_000_000,
    depth: 12,
    ticks: 80,
    healTicks: 40,
    ms: 0,
    statesPerSecond: 0,
    bytesPerState: 0,
    collisionProbability: 1e-7,
    eventsInCounterexample: null,
    shortest: false,
    counterexample: null,
    saved: null,
    met: true,
    ...fields,
  };
}

/** A suite file with a full tier whose config is `config`. */
const OWN_TIER = (config: string) => `export default ({ defineSuite }) =>
  defineSuite({
    id: 'own-tier',
    title: 'the feedback loop at a larger scope',
    kinds: ['crash', 'reboot'],
    properties: ['no-cascade'],
    variants: { 'skype-2010': null },
    exhaustive: {
      variants: ['skype-2010'],
      horizon: 2,
      maxStates: 100000,
      full: { config: ${config}, scope: 'ten peers', cost: 'a few seconds', horizon: 3, maxStates: 300000, maxMemoryMB: 512 },
    },
  });
`;

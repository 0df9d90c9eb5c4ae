/**
 * Bad parameters, on the command line (`--set`) and in config files (`--config`), for every command
 * that takes them: one line naming the key, exit code 2, and no file written or changed.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runInProcess } from '../support/inProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-parameters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const BAD: [string, string[], RegExp][] = [
  ['unknown key', ['--set', 'faultBudgte=3'], /--set faultBudgte=3: unknown parameter 'faultBudgte': parameters are seed, peers/],
  ['no value', ['--set', 'faultBudget'], /--set faultBudget: expected key=value/],
  ['wrong type', ['--set', 'faultBudget=three'], /--set faultBudget: expected a number, got 'three'/],
  ['not whole', ['--set', 'faultBudget=1.5'], /faultBudget: .*int/i],
  ['negative', ['--set', 'faultBudget=-1'], /faultBudget: .*(>=|at least|too small)/i],
  ['infeasible', ['--set', 'supernodeCapacity=1'], /--set supernodeCapacity=1: config.supernodeCapacity: leaves no steady state/],
  ['infeasible pair', ['--set', 'supernodes=6', '--set', 'eligible=5'], /supernodes: must be at most eligible \(5\)/],
  ['huge', ['--set', 'peers=1e9'], /--set peers=1e9: config.peers: .*200000/],
  ['huger', ['--set', 'faultBudget=99999999999999999999'], /faultBudget: /],
  ['prototype name', ['--set', '__proto__=1'], /unknown parameter '__proto__'/],
  ['list of junk', ['--set', 'megaCounts=1,,2'], /--set megaCounts: expected a comma-separated list of numbers/],
  ['unknown key in a file', ['--config', config('unknown.json', '{ "faultBudget": 1, "fautBudget": 2 }')], /unknown\.json: unknown parameter 'fautBudget'/],
  ['not an object', ['--config', config('array.json', '[1, 2]')], /array\.json: must be a JSON object of parameters/],
  ['not JSON', ['--config', config('broken.json', '{ "faultBudget": ')], /broken\.json: /],
  ['prototype in a file', ['--config', config('proto.json', '{"__proto__": {"faultBudget": 9}}')], /unknown parameter '__proto__'/],
  ['wrong type in a file', ['--config', config('type.json', '{ "faultBudget": "3" }')], /faultBudget: .*number/i],
  ['missing file', ['--config', join(dir, 'nowhere.json')], /nowhere\.json: cannot read/],
  ['a directory', ['--config', dir], /is a directory/],
  ['too big', ['--config', config('big.json', `{ "seed": 1${' '.repeat(70_000)}}`)], /more than the 65,536 read/],
];

const COMMANDS: [string, string[]][] = [
  ['check', ['--suite', 'feedback-loop', '--runs', '5']],
  ['explore', ['--suite', 'feedback-loop', '--property', 'no-cascade', '--variant', 'fixed', '--horizon', '2']],
  ['simulate', ['--scenario', 'outage-2010', '--variant', 'fixed', '--ticks', '3']],
  ['sweep', ['--scenario', 'outage-2010', '--param', 'buggyReleasePercent', '--from', '0', '--to', '10', '--steps', '2', '--seeds', '1']],
];

describe('bad parameters', () => {
  for (const [command, base] of COMMANDS) {
    it.each(BAD)(`${command}, %s: one line naming the key, exit 2, nothing written`, async (_what, args, message) => {
      const out = join(dir, 'out', command);
      mkdirSync(out, { recursive: true });
      const target = command === 'sweep' ? ['--out', join(out, 'sweeps')] : command === 'simulate' ? [] : ['--dir', join(out, 'cx')];
      const r = await runInProcess([command, ...base, ...args, ...target]);
      expect(r.crash).toBeNull();
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
      expect(looksLikeStackTrace(r.err)).toBe(false);
      expect(readdirSync(out)).toEqual([]);
    });
  }

  it('parameters are checked against every selected suite before any pair runs', async () => {
    const out = join(dir, 'out', 'all');
    const r = await runInProcess(['check', '--set', 'offlineAtStart=0', '--set', 'supernodeCapacity=2', '--runs', '5', '--dir', out]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/leaves no steady state: 8 online clients exceed 3 supernodes x 2 \(on suite crash-cascade-2010\)/)]);
    expect(() => readdirSync(out)).toThrow();
  });

  it('good parameters are printed with the derived quantities a reviewer thinks in', async () => {
    const r = await runInProcess([
      'check',
      '--suite',
      'feedback-loop',
      '--variant',
      'fixed',
      '--set',
      'supernodeCapacity=4',
      '--config',
      config('good.json', '{ "faultBudget": 1 }'),
      '--runs',
      '20',
      '--dir',
      join(dir, 'good'),
    ]);
    expect(r.out[0]).toBe(
      `parameters: --config ${join(dir, 'good.json')} --set supernodeCapacity=4 over each suite's own; verdicts are reported as found (the suites' expectations are stated for their own parameters)`,
    );
    expect(r.out[1]).toMatch(/feedback-loop: utilisation 58% \(7 clients online on 3 supernodes x 4 places\)/);
    expect([0, 4]).toContain(r.code);
  });
});

/**
 * Every command answers `--help` (exit 0, its usage on stdout) and answers an unknown flag with one
 * line on stderr and exit code 2; `cascade` alone names the commands in one line, exit code 2. Most
 * run in this process; one of each runs as a real process (through the worker that runs commands).
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inProcess.ts';
import { cli } from './run.ts';

const COMMANDS = ['start', 'check', 'explore', 'fixes', 'sweep', 'merge', 'replay', 'simulate', 'report'];

describe('the command line', () => {
  it.each(COMMANDS)('%s --help prints its usage', async (command) => {
    const r = await runInProcess([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(new RegExp(`^Usage: cascade ${command}`));
    expect(r.err).toEqual([]);
  });

  it.each(COMMANDS)('%s --no-such-flag is one line and exit 2', async (command) => {
    const r = await runInProcess([command, '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`cascade ${command}: Unknown option '--no-such-flag'`]);
    expect(r.out).toEqual([]);
  });

  it('the same, as a real process', () => {
    const help = cli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cascade check/);
    const bad = cli(['replay', '--no-such-flag']);
    expect(bad.code).toBe(2);
    expect(bad.errors).toEqual([`cascade replay: Unknown option '--no-such-flag'`]);
  });

  it('names the commands in one line when none is given, and refuses an unknown one', () => {
    const bare = cli([]);
    expect(bare.code).toBe(2);
    expect(bare.errors).toHaveLength(1);
    for (const command of COMMANDS) expect(bare.errors[0]).toContain(command);
    const unknown = cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.errors).toEqual([expect.stringMatching(/unknown command 'frobnicate'/)]);
  });
});

/**
 * Every command answers `--help` (exit 0, its usage on stdout) and answers an unknown flag with one
 * line on stderr and exit code 2; the bare command prints its usage to stderr with exit code 2.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run.ts';

const COMMANDS = ['start', 'check', 'explore', 'replay', 'simulate', 'report'];

describe('the command line', () => {
  it.each(COMMANDS)('%s --help prints its usage', (command) => {
    const r = cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: cascade ${command}`));
    expect(r.errors).toEqual([]);
  });

  it.each(COMMANDS)('%s --no-such-flag is one line and exit 2', (command) => {
    const r = cli([command, '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([`cascade ${command}: Unknown option '--no-such-flag'`]);
    expect(r.stdout).toBe('');
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

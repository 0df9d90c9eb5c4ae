/** `--workers` and CASCADE_WORKERS are cut to the machine's cores, with one note line saying so. */
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError, workersFlag } from '../../src/cli/args.ts';

const before = process.env.CASCADE_WORKERS;
afterEach(() => {
  if (before === undefined) delete process.env.CASCADE_WORKERS;
  else process.env.CASCADE_WORKERS = before;
});

function flag(value: string | undefined, cores: number, env?: string): { workers: number; notes: string[] } {
  if (env === undefined) delete process.env.CASCADE_WORKERS;
  else process.env.CASCADE_WORKERS = env;
  const notes: string[] = [];
  return { workers: workersFlag(value, (line) => notes.push(line), cores), notes };
}

describe('workersFlag', () => {
  it('keeps a number up to the cores, and the cores when none is given', () => {
    expect(flag('2', 2)).toEqual({ workers: 2, notes: [] });
    expect(flag('1', 8)).toEqual({ workers: 1, notes: [] });
    expect(flag(undefined, 6)).toEqual({ workers: 6, notes: [] });
    expect(flag(undefined, 6, '3')).toEqual({ workers: 3, notes: [] });
  });

  it('cuts more workers than cores to the cores, with one note', () => {
    expect(flag('64', 2)).toEqual({
      workers: 2,
      notes: ["cascade: --workers 64 is more than this machine's 2 cores: using 2 (more threads than cores only add start-up time and memory)"],
    });
    expect(flag('256', 1)).toEqual({
      workers: 1,
      notes: ["cascade: --workers 256 is more than this machine's 1 core: using 1 (more threads than cores only add start-up time and memory)"],
    });
    expect(flag(undefined, 4, '16').workers).toBe(4);
    expect(flag(undefined, 4, '16').notes).toEqual([expect.stringMatching(/^cascade: CASCADE_WORKERS=16 is more than this machine's 4 cores: using 4/)]);
  });

  it('still refuses what is not a number of workers, in one line', () => {
    expect(() => flag('257', 2)).toThrow(UsageError);
    expect(() => flag('0', 2)).toThrow(/--workers must be between 1 and 256, got 0/);
    expect(() => flag('abc\n', 2)).toThrow(/^--workers must be a whole number, got 'abc\\u000a'$/);
    expect(() => flag(undefined, 2, 'many')).toThrow(/^CASCADE_WORKERS must be a whole number between 1 and 256, got 'many'$/);
  });
});

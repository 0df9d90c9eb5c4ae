import { describe, expect, it } from 'vitest';
import { ConfigSchema, defaultConfig, parseConfig, populationConfig, smallConfig } from '../../src/model/config.ts';

/** The error of a config that must be rejected. */
function rejected(input: unknown): string {
  const result = parseConfig(input);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
  return result.error;
}

describe('parseConfig', () => {
  it.each([
    [{ supernodeCapacity: 0 }, 'supernodeCapacity'],
    [{ peers: 'ten' }, 'peers'],
    [{ peers: 2.5 }, 'peers'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2 ** 32 }, 'seed'],
    [{ buggyReleasePercent: 101 }, 'buggyReleasePercent'],
    [{ eligible: 20 }, 'eligible'],
    [{ supernodes: 6 }, 'supernodes'],
    [{ offlineAtStart: 9 }, 'offlineAtStart'],
    [{ supernodeCapacity: 1 }, 'supernodeCapacity'],
    [{ massRebootPercents: [] }, 'massRebootPercents'],
    [{ degradeLevels: [9] }, 'degradeLevels'],
    [{ bogus: 1 }, 'bogus'],
    [{ seed: 3, colour: 'red' }, 'colour'],
  ])('rejects %j in one line naming %s', (input, field) => {
    const error = rejected(input);
    expect(error).not.toContain('\n');
    expect(error).toContain(field);
  });

  it('names only the offending field, not a valid neighbour', () => {
    expect(rejected({ supernodeCapacity: 0 })).not.toMatch(/\bpeers\b/);
    expect(rejected({ peers: 'ten' })).not.toMatch(/supernodeCapacity/);
  });

  it('explains the cross-field rules', () => {
    expect(rejected({ eligible: 20 })).toMatch(/eligible.*at most peers \(11\)/);
    expect(rejected({ supernodeCapacity: 1 })).toMatch(/7 online clients exceed 3 supernodes x 1/);
  });

  it.each([null, [], 'config', 42])('rejects %j, which is not an object', (input) => {
    const error = rejected(input);
    expect(error).not.toContain('\n');
    expect(error).toMatch(/object/);
  });

  it('merges a good partial config over the small defaults', () => {
    const result = parseConfig({ seed: 7, faultBudget: 5, massRebootPercents: [25, 50] });
    expect(result).toEqual({ ok: true, value: { ...smallConfig, seed: 7, faultBudget: 5, massRebootPercents: [25, 50] } });
  });

  it('merges over the population defaults when asked', () => {
    const result = parseConfig({ seed: 9 }, 'population');
    expect(result).toEqual({ ok: true, value: { ...populationConfig, seed: 9 } });
  });

  it('accepts the empty config as the defaults', () => {
    expect(parseConfig({})).toEqual({ ok: true, value: smallConfig });
  });
});

describe('defaultConfig', () => {
  it('both scales satisfy the schema', () => {
    expect(ConfigSchema.safeParse(defaultConfig('small')).success).toBe(true);
    expect(ConfigSchema.safeParse(defaultConfig('population')).success).toBe(true);
  });

  it('has the documented sizes', () => {
    expect(defaultConfig('small')).toMatchObject({ peers: 11, supernodes: 3 });
    expect(defaultConfig('population')).toMatchObject({ peers: 100_000, supernodes: 1_000 });
  });

  it('returns a fresh copy each time', () => {
    const first = defaultConfig('small');
    first.massRebootPercents.push(99);
    first.peers = 1;
    expect(defaultConfig('small')).toEqual(smallConfig);
    expect(smallConfig.massRebootPercents).toEqual([50]);
  });
});

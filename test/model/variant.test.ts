import { describe, expect, it } from 'vitest';
import { BASES, FIXES, parseVariant, variant } from '../../src/model/variant.ts';

function rejected(name: string): string {
  const result = parseVariant(name);
  if (result.ok) throw new Error(`accepted '${name}' as ${result.value.name}`);
  return result.error;
}

describe('parseVariant', () => {
  it('expands fixed to the 2010 base with every fix on', () => {
    const result = parseVariant('fixed');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe(['skype-2010', ...FIXES].join('+'));
    expect(result.value).toMatchObject({
      base: 'skype-2010',
      fixes: [...FIXES],
      hasBuggyRelease: true,
      crashOnLateReply: false,
      retry: 'backoff-jitter',
      retryBudget: true,
      admissionControl: true,
      loadAwarePromotion: true,
      megaSupernodes: true,
    });
  });

  it('parses a base with two fixes', () => {
    const result = parseVariant('skype-2010+robust-client+backoff-jitter');
    expect(result.ok && result.value).toMatchObject({
      name: 'skype-2010+robust-client+backoff-jitter',
      base: 'skype-2010',
      fixes: ['robust-client', 'backoff-jitter'],
      crashOnLateReply: false,
      retry: 'backoff-jitter',
      admissionControl: false,
      megaSupernodes: false,
    });
  });

  it('orders fixes canonically and drops repeats', () => {
    expect(variant('skype-2010+backoff-jitter+robust-client').name).toBe('skype-2010+robust-client+backoff-jitter');
    expect(variant('skype-2007+mega-supernodes+admission-control+admission-control').name).toBe('skype-2007+admission-control+mega-supernodes');
  });

  it('compiles the bases to their defects', () => {
    expect(variant('skype-2007')).toMatchObject({
      hasBuggyRelease: false,
      retry: 'fixed-interval',
      admissionControl: false,
      loadAwarePromotion: false,
      fixes: [],
    });
    expect(variant('skype-2010')).toMatchObject({ hasBuggyRelease: true, crashOnLateReply: true, retry: 'immediate', fixes: [] });
  });

  it.each(BASES.flatMap((base) => FIXES.map((fix) => [base, fix] as const)))('%s+%s flips exactly one switch', (base, fix) => {
    const protocol = variant(`${base}+${fix}`);
    expect(protocol.name).toBe(`${base}+${fix}`);
    expect(protocol.fixes).toEqual([fix]);
    const plain = variant(base);
    const changed = (Object.keys(plain) as (keyof typeof plain)[]).filter((k) => k !== 'name' && k !== 'fixes' && plain[k] !== protocol[k]);
    expect(changed).toHaveLength(1);
  });

  it.each(['skype-2008', 'skype', '', 'FIXED'])('rejects the unknown base %j in one line naming it', (name) => {
    const error = rejected(name);
    expect(error).not.toContain('\n');
    expect(error).toContain(`'${name}'`);
    expect(error).toMatch(/base/);
  });

  it('names the unknown base of a compound name', () => {
    const error = rejected('skype-2008+robust-client');
    expect(error).not.toContain('\n');
    expect(error).toContain('skype-2008');
  });

  it.each([
    ['skype-2010+foo', 'foo'],
    ['skype-2007+robust-client+bakoff-jitter', 'bakoff-jitter'],
    ['skype-2010+', ''],
  ])('rejects %j in one line naming the unknown fix %j', (name, part) => {
    const error = rejected(name);
    expect(error).not.toContain('\n');
    expect(error).toContain(`unknown fix '${part}'`);
  });

  it('variant() throws the same one-line error', () => {
    expect(() => variant('skype-2010+foo')).toThrow(/unknown fix 'foo'/);
  });
});

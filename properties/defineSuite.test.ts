/**
 * `defineSuite` refuses, with one line naming the field, what a suite file gets wrong: a mistyped
 * event kind is refused, never narrowed away; so are unknown variants, properties and parameters,
 * and ids that would shadow the project's own. What it accepts runs like a built-in suite.
 */
import { describe, expect, it } from 'vitest';
import { defineProperty, DefinitionError } from '../src/propertyLanguage/index.ts';
import { selectPairs, explorePairs } from '../src/runner/index.ts';
import { defineSuite, suiteVariants, type SuiteSpec } from './index.ts';

const base: SuiteSpec = {
  id: 'mine',
  title: 'a suite of my own',
  kinds: ['crash', 'reboot'],
  properties: ['no-cascade'],
  variants: { 'skype-2010': 'violated', fixed: 'holds' },
};

describe('defineSuite', () => {
  it.each<[string, Partial<SuiteSpec> & Record<string, unknown>, RegExp]>([
    ['a mistyped event kind', { kinds: ['crash', 'rebot'] }, /suite 'mine': kinds\.1: unknown event kind 'rebot': choose from crash, reboot, massReboot/],
    ['tick as an adversary kind', { kinds: ['tick'] }, /unknown event kind 'tick'/],
    ['no kinds', { kinds: [] }, /kinds/],
    ['an unknown variant', { variants: { 'skype-2011': 'holds' } }, /suite 'mine': variants: unknown variant 'skype-2011'/],
    ['an unknown fix', { variants: ['skype-2010+magic'] }, /unknown fix 'magic'/],
    ['an unknown expectation', { variants: { fixed: 'passes' } as never }, /variants/],
    ['an unknown built-in property', { properties: ['no-cascades'] }, /properties\.0: unknown property 'no-cascades'/],
    ['an unknown parameter', { config: { faultBugdet: 1 } }, /suite 'mine': config: .*faultBugdet/],
    ['an infeasible parameter', { config: { supernodeCapacity: 1 } }, /suite 'mine': config\.?supernodeCapacity: leaves no steady state/],
    ['a built-in id', { id: 'feedback-loop' }, /'feedback-loop' is a built-in suite; choose another id/],
    ['an unknown field', { horizon: 3 }, /horizon/],
    ['no variants', { variants: {} }, /variants: none given/],
    [
      'a variant twice under two names',
      { variants: ['fixed', 'skype-2010+robust-client+backoff-jitter+admission-control+retry-budget+load-aware-promotion+mega-supernodes'] },
      /are the same variant/,
    ],
    ['a kind twice', { kinds: ['crash', 'crash'] }, /kinds\.1: 'crash' is listed twice/],
    ['a property twice', { properties: ['no-cascade', 'no-cascade'] }, /properties\.1: 'no-cascade' is listed twice/],
    [
      'a window longer than any run',
      { properties: [defineProperty({ id: 'long', summary: 'long', never: () => true, forMoreThan: 100 })] },
      /'long' watches a window of 101 ticks, longer than any run of this suite \(at most 30 events and 40 heal ticks\)/,
    ],
    [
      'a property shadowing a built-in one',
      { properties: [defineProperty({ id: 'no-cascade', summary: 'mine', always: () => null })] },
      /'no-cascade' is a built-in property's id/,
    ],
  ])('refuses %s', (_what, change, message) => {
    const spec = { ...base, ...change } as SuiteSpec;
    expect(() => defineSuite(spec)).toThrow(DefinitionError);
    expect(() => defineSuite(spec)).toThrow(message);
  });

  it('returns a frozen suite: a suite file cannot change it after the check', () => {
    const suite = defineSuite(base);
    expect(() => {
      (suite as { id: string }).id = '../../escaped';
    }).toThrow(TypeError);
    expect(() => (suite.kinds as string[]).push('tick')).toThrow(TypeError);
    expect(suite.id).toBe('mine');
  });

  it('fills defaults, keeps variants without an expectation apart, and runs like a built-in suite', () => {
    const own = defineProperty({ id: 'some-supernode', summary: 'a supernode serves', always: () => null });
    const suite = defineSuite({
      ...base,
      properties: ['no-cascade', own],
      variants: ['skype-2010+robust-client'],
      exhaustive: { variants: ['fixed'], horizon: 3 },
    });
    expect(suite.bounds.healTicks).toBe(40);
    expect(suite.ownProperties).toEqual({ 'some-supernode': own });
    expect(suiteVariants(suite)).toEqual(['skype-2010+robust-client']);
    const pairs = selectPairs([suite], {});
    expect(pairs.map((p) => [p.property, p.variant, p.expected])).toEqual([
      ['no-cascade', 'skype-2010+robust-client', null],
      ['some-supernode', 'skype-2010+robust-client', null],
    ]);
    expect(explorePairs([suite], {}).map((p) => p.variant)).toEqual(['fixed', 'fixed']);
  });
});

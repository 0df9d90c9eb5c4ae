/**
 * The suites as the results keep them (`SuiteRecord`): what formatters say of each suite (its order,
 * expectations, config, bounds, budgets and full tier) taken from the suite here, once, so that the
 * report reads figures and ids and never loads suite code.
 */
import { expectation, suiteModel, suiteVariants, type Expected, type Suite } from '../../properties/index.ts';
import type { SuiteRecord } from '../results/results.ts';
import { fullTierOf } from './explorePair.ts';

export function suiteRecord(suite: Suite): SuiteRecord {
  const variants = suiteVariants(suite).map((variant) => {
    const expected: Record<string, Expected> = {};
    for (const p of suite.properties) {
      const e = expectation(suite, p, variant);
      if (e !== undefined) expected[p] = e;
    }
    return { variant, expected };
  });
  return {
    id: suite.id,
    title: suite.title,
    assumptions: suite.assumptions,
    scale: suite.scale,
    properties: [...suite.properties],
    variants,
    // The config does not depend on the variant (suiteModel): the first one's stands for all.
    config: suiteModel(suite, variants[0]!.variant).config,
    bounds: { ...suite.bounds },
    kinds: [...suite.kinds],
    exhaustiveKinds: [...(suite.exhaustive.kinds ?? suite.kinds)],
    maxEvents: suite.maxEvents,
    seed: suite.seed,
    budget: { ...suite.budget },
    fullTier: fullTierOf(suite),
  };
}

/** The records of `suites`, in their order. */
export function suiteRecords(suites: readonly Suite[]): SuiteRecord[] {
  return suites.map(suiteRecord);
}

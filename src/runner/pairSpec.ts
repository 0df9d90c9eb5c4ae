/**
 * A pair as plain data, to cross into a worker thread or a shard file: the suite by id (or by the
 * file it was loaded from), the property, the variant and the expectation. A worker loads a suite
 * file once and keeps it.
 */
import { SUITES, type Suite } from '../../properties/index.ts';
import type { Pair } from './select.ts';
import { loadSuiteFile } from './suites.ts';

export interface PairSpec {
  suite: string;
  suiteFile?: string;
  property: string;
  variant: string;
  expected: Pair['expected'];
}

export function pairSpec(pair: Pair): PairSpec {
  return {
    suite: pair.suite.id,
    ...(pair.suite.file === undefined ? {} : { suiteFile: pair.suite.file }),
    property: pair.property,
    variant: pair.variant,
    expected: pair.expected,
  };
}

const loaded = new Map<string, Promise<Suite>>();

/** The suite a spec names: a built-in one, or its file loaded (once per thread). */
export function suiteOf(spec: Pick<PairSpec, 'suite' | 'suiteFile'>): Promise<Suite> {
  if (spec.suiteFile === undefined) {
    const suite = SUITES.find((s) => s.id === spec.suite);
    if (!suite) return Promise.reject(new Error(`unknown suite '${spec.suite}'`));
    return Promise.resolve(suite);
  }
  let suite = loaded.get(spec.suiteFile);
  if (!suite) loaded.set(spec.suiteFile, (suite = loadSuiteFile(spec.suiteFile)));
  return suite;
}

export async function pairOf(spec: PairSpec): Promise<Pair> {
  return { suite: await suiteOf(spec), property: spec.property, variant: spec.variant, expected: spec.expected };
}

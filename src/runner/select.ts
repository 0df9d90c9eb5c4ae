/**
 * Which (suite, property, variant) triples a run covers, and what each is expected to give. A
 * variant a suite does not list is checked on every selected suite with no expectation (its verdict
 * is reported as found), as are all pairs run with parameter overrides: a suite's expectations are
 * stated for its own parameters.
 */
import { expectation, suiteVariants, type Expected, type Suite } from '../../properties/index.ts';
import { parseVariant } from '../model/index.ts';
import { PROPERTIES } from '../propertyLanguage/index.ts';
import { Refusal } from '../io/refusal.ts';
import type { Overrides } from './overrides.ts';
import { SUITE_FILE_EXTENSIONS } from './suiteFile.ts';

/** One unit of work: a property of a suite on a variant, and the verdict the suite expects (null: none). */
export interface Pair {
  suite: Suite;
  property: string;
  variant: string;
  expected: Expected | null;
}

export interface Selection {
  /** A suite id among `suites`. */
  suite?: string;
  property?: string;
  /** Any base plus any fixes, e.g. `skype-2010+robust-client`, or `fixed`. */
  variant?: string;
}

function canonical(name: string): string {
  const parsed = parseVariant(name);
  return parsed.ok ? parsed.value.name : name;
}

/** The suites a selection names (all when it names none); a Refusal when the name is unknown. */
export function selectSuites(suites: readonly Suite[], id: string | undefined): Suite[] {
  if (id === undefined) return [...suites];
  const found = suites.filter((s) => s.id === id);
  if (found.length === 0)
    throw new Refusal(
      `unknown suite '${id.slice(0, 80)}': choose ${suites.map((s) => s.id).join(', ')}, or give a suite file (a path ending in ${SUITE_FILE_EXTENSIONS.join(', ')})`,
    );
  return found;
}

function checkedVariant(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const parsed = parseVariant(name);
  if (!parsed.ok) throw new Refusal(parsed.error);
  return parsed.value.name;
}

function checkedProperty(suites: readonly Suite[], property: string | undefined): void {
  if (property === undefined) return;
  if (!suites.some((s) => s.properties.includes(property))) {
    const known = [...new Set(suites.flatMap((s) => s.properties))];
    const exists = Object.hasOwn(PROPERTIES, property) || suites.some((s) => s.ownProperties && Object.hasOwn(s.ownProperties, property));
    throw new Refusal(`${exists ? 'no selected suite checks' : 'unknown'} property '${property.slice(0, 80)}': choose ${known.join(', ')}`);
  }
}

/** The expected verdict of a pair: the suite's, unless overrides change the parameters it was stated for. */
function expected(suite: Suite, property: string, variant: string, overrides: Overrides): Expected | null {
  if (Object.keys(overrides).length > 0) return null;
  return expectation(suite, property, variant) ?? null;
}

/** The pairs of the selected suites: `variantsOf` a suite's, or the one variant asked for, on each. */
function pairsFor(suites: readonly Suite[], selection: Selection, overrides: Overrides, variantsOf: (suite: Suite) => string[]): Pair[] {
  const chosen = selectSuites(suites, selection.suite);
  checkedProperty(chosen, selection.property);
  const wanted = checkedVariant(selection.variant);
  const pairs: Pair[] = [];
  for (const suite of chosen) {
    // A variant the suite lists keeps the suite's spelling; another is named canonically (fixes in order, once).
    const variants = wanted === undefined ? variantsOf(suite) : [suiteVariants(suite).find((v) => canonical(v) === wanted) ?? wanted];
    for (const property of suite.properties) {
      if (selection.property !== undefined && property !== selection.property) continue;
      for (const variant of variants) pairs.push({ suite, property, variant, expected: expected(suite, property, variant, overrides) });
    }
  }
  return pairs;
}

/** The random engine's pairs: every listed variant of each suite, or the one asked for. */
export function selectPairs(suites: readonly Suite[], selection: Selection, overrides: Overrides = {}): Pair[] {
  return pairsFor(suites, selection, overrides, suiteVariants);
}

/**
 * The exhaustive engine's pairs: the variants of each suite's exhaustive section, or the one asked
 * for. With `full`, only the suites whose section has a full tier (a suite named that has none is refused).
 */
export function explorePairs(suites: readonly Suite[], selection: Selection, overrides: Overrides = {}, full = false): Pair[] {
  if (full) {
    const without = suites.filter((s) => !s.exhaustive.full);
    if (selection.suite !== undefined && without.length > 0)
      throw new Refusal(`--budget full: suite ${without[0]!.id} has no full tier (its exhaustive section already searches its own budgets)`);
    suites = suites.filter((s) => s.exhaustive.full);
  }
  const pairs = pairsFor(suites, selection, overrides, (suite) => suite.exhaustive.variants);
  if (pairs.length === 0) throw new Refusal(`no exhaustive search is set for ${selection.suite ?? 'these suites'}: name a --variant`);
  return pairs;
}

/** Every (suite, property, variant) of the suites' exhaustive sections, with the suites' expectations. */
export function exhaustiveSections(suites: readonly Suite[]): Pair[] {
  return pairsFor(suites, {}, {}, (suite) => suite.exhaustive.variants);
}

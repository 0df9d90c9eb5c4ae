/**
 * What a property suite declares: the properties it checks, at which scale and config, under which
 * assumptions (fault budget, event kinds, bounds, heal horizon), the variants with the verdict the
 * model is expected to give for each, and the run budgets for `npm test` and `npm start`.
 */
import { defaultConfig, lookup, parseVariant, type AdversaryKind, type Config, type Model, type Scale } from '../src/model/index.ts';
import { PROPERTIES, type Bounds, type Property } from '../src/propertyLanguage/index.ts';

export type Expected = 'violated' | 'holds';

export interface Suite {
  /** Stable id, also the file name. */
  id: string;
  /** The concern, in one line. */
  title: string;
  /** What the suite assumes, in words, for the report (the numbers are in config and bounds). */
  assumptions: string;
  scale: Scale;
  /** Overrides of the scale's default config. */
  config: Partial<Config>;
  bounds: Bounds;
  /** Event kinds the adversary may use besides tick. */
  kinds: AdversaryKind[];
  /** Most safety-phase events per run. */
  maxEvents: number;
  properties: string[];
  /** Variant name -> expected verdict, for every property of the suite. */
  variants: Record<string, Expected | Partial<Record<string, Expected>>>;
  /** Variants the suite checks with no expected verdict: the verdict is reported as found. */
  unexpected?: string[];
  budget: { test: number; start: number };
  /** The exhaustive section: which variants are searched breadth-first, and how deep. */
  exhaustive: ExhaustiveSection;
  /** Default seed, so that `npm start` and `npm test` are reproducible. */
  seed: number;
  /** Properties the suite defines itself (`defineProperty`), by id; the others are the built-in ones. */
  ownProperties?: Record<string, Property>;
  /** The suite file it was loaded from (`--suite FILE`), as the user named it; absent for the project's suites. */
  file?: string;
}

/** Every variant a suite checks: those with an expected verdict, then those without. */
export function suiteVariants(suite: Suite): string[] {
  return [...Object.keys(suite.variants), ...(suite.unexpected ?? [])];
}

/** The properties counterexamples may name: the built-in ones and those the given suites define. */
export function propertiesOf(suites: readonly Suite[]): Record<string, Property> {
  return Object.assign({}, PROPERTIES, ...suites.map((s) => s.ownProperties ?? {}));
}

/** A property a suite checks, by id: its own, or a built-in one. */
export function propertyOf(suite: Suite, id: string): Property | undefined {
  return (suite.ownProperties && lookup(suite.ownProperties, id)) ?? lookup(PROPERTIES, id);
}

/**
 * Bounds of a breadth-first search: the tick horizon T (the adversary acts at ticks 0..T, then the
 * heal phase runs), and the most distinct states before the search stops without a verdict.
 */
export interface SearchBound {
  horizon: number;
  maxStates: number;
}

export interface ExhaustiveSection {
  /** Variants searched exhaustively; their expectation is the suite's (holds -> holds or holds-within-horizon). */
  variants: string[];
  /**
   * Overrides of the suite's config for the exhaustive search (a smaller scope or smaller budgets,
   * where the suite's own cannot be searched to a useful horizon), with the reason in words. The
   * report states the scope each exhaustive verdict covers.
   */
  config?: Partial<Config>;
  scope?: string;
  /** Event kinds for the search (default: the suite's kinds). */
  kinds?: AdversaryKind[];
  /**
   * The bound used by `npm test` and by `npm start`: one for all, or keyed by `property@variant`
   * or by `property` (the most specific key wins).
   */
  test: SearchBound | Record<string, SearchBound>;
  start: SearchBound | Record<string, SearchBound>;
  /**
   * The full tier, where the section's scope is smaller than the suite's own budgets: the largest
   * scope at which the suite's budgets finish (measured), its bound and the reason in words. It is
   * searched by `explore --budget full`, not by `npm start` (which must stay under 5 minutes); the
   * report states it next to the section's verdicts.
   */
  full?: FullTier;
}

/** An exhaustive scope of its own (config over the suite's, not over the section's), with its bound. */
export interface FullTier extends SearchBound {
  config: Partial<Config>;
  scope: string;
  /** What a search of it costs, measured, in words (printed before the search and in the report; not a verdict). */
  cost: string;
  /** The memory bound its searches need (MB), the default of `explore --budget full --max-memory`. */
  maxMemoryMB: number;
}

/** Which exhaustive bound and scope: npm test's, npm start's, or the full tier's. */
export type ExhaustiveBudget = 'test' | 'start' | 'full';

/** The bound of one (property, variant) for a budget. */
export function searchBound(section: ExhaustiveSection, budget: ExhaustiveBudget, property: string, variant: string): SearchBound {
  if (budget === 'full') {
    if (!section.full) throw new Error('suite bound: the section has no full tier');
    return { horizon: section.full.horizon, maxStates: section.full.maxStates };
  }
  const b = section[budget];
  if ('horizon' in b) return b as SearchBound;
  const keyed = b as Record<string, SearchBound>;
  const found = lookup(keyed, `${property}@${variant}`) ?? lookup(keyed, property);
  if (!found) throw new Error(`suite bound: no ${budget} bound for ${property} on ${variant}`);
  return found;
}

/** The expected verdict of one (property, variant) in a suite. */
export function expectation(suite: Suite, property: string, variant: string): Expected | undefined {
  const entry = lookup(suite.variants, variant);
  return typeof entry === 'string' ? entry : entry === undefined ? undefined : lookup(entry, property);
}

/** Which scope a model is built for: the suite's own (false), its exhaustive section's (true), or its full tier's. */
export type Scope = boolean | 'full';

/**
 * The model a suite checks a variant on (with `exhaustive`, the scope of its exhaustive section, or
 * with 'full' that of its full tier), with a user's `overrides` (`--set`, `--config`) last.
 * Overrides are validated by the runner.
 */
export function suiteModel(suite: Suite, variant: string, exhaustive: Scope = false, overrides: Partial<Config> = {}): Model {
  const protocol = parseVariant(variant);
  if (!protocol.ok) throw new Error(protocol.error);
  const scope = exhaustive === 'full' ? suite.exhaustive.full!.config : exhaustive ? (suite.exhaustive.config ?? {}) : {};
  return { config: { ...defaultConfig(suite.scale), ...suite.config, ...scope, ...overrides }, protocol: protocol.value };
}

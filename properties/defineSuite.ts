/**
 * `defineSuite`: a suite a user writes in a file of their own (`check --suite FILE`). It is checked
 * field by field, with one line naming the first problem: unknown event kinds, variants, properties
 * or config keys are refused, never narrowed silently. Defaults fill what a what-if suite rarely
 * needs (bounds, budgets, seed); a variant with no expected verdict is reported as found.
 */
import { z } from 'zod';
import { ADVERSARY_KINDS, firstIssue, parseConfig, parseVariant, type AdversaryKind, type Config } from '../src/model/index.ts';
import { DEFAULT_BOUNDS, DefinitionError, PROPERTIES, type Property } from '../src/propertyLanguage/index.ts';
import { BoundsSchema, FILE_LIMITS } from '../src/trace/schema.ts';
import { SUITES } from './index.ts';
import type { Expected, Suite } from './suite.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and hyphens (at most 64)');
const expected = z.enum(['holds', 'violated']).nullable();

const SuiteSpecSchema = z
  .object({
    id: slug,
    title: z.string().min(1).max(300),
    assumptions: z.string().max(2_000).default(''),
    scale: z.enum(['small', 'population']).default('small'),
    config: z.record(z.string(), z.unknown()).default({}),
    bounds: BoundsSchema.partial().default({}),
    kinds: z.array(z.string()).min(1).max(ADVERSARY_KINDS.length),
    maxEvents: z.number().int().min(1).max(FILE_LIMITS.events).default(30),
    properties: z
      .array(
        z.union([
          z.string(),
          z.custom<Property>((p) => typeof p === 'object' && p !== null && 'kind' in p && 'id' in p, 'must be a property id or a defineProperty(...) result'),
        ]),
      )
      .min(1)
      .max(50),
    /** Variant -> expected verdict (null: none, the verdict is reported as found), or a list of variants. */
    variants: z.union([z.array(z.string()).min(1).max(200), z.record(z.string(), expected)]),
    budget: z
      .object({ test: z.number().int().min(1).max(10_000_000), start: z.number().int().min(1).max(10_000_000) })
      .strict()
      .default({ test: 200, start: 1_000 }),
    exhaustive: z
      .object({
        variants: z.array(z.string()).max(200).default([]),
        horizon: z.number().int().min(0).max(10_000).default(10),
        maxStates: z.number().int().min(1).max(1_000_000_000).default(2_000_000),
        config: z.record(z.string(), z.unknown()).default({}),
        scope: z.string().max(500).optional(),
        /** A larger search only `explore --budget full` runs (see `FullTier`): its config is over the suite's own, not the section's. */
        full: z
          .object({
            config: z.record(z.string(), z.unknown()).default({}),
            scope: z.string().min(1).max(500),
            cost: z.string().max(500).default('its cost is not stated'),
            horizon: z.number().int().min(0).max(10_000),
            maxStates: z.number().int().min(1).max(1_000_000_000),
            maxMemoryMB: z.number().int().min(16).max(1_000_000_000).default(4096),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({ variants: [], horizon: 10, maxStates: 2_000_000, config: {} }),
    seed: z.number().int().min(-0x80000000).max(0x7fffffff).default(1),
  })
  .strict();

export type SuiteSpec = z.input<typeof SuiteSpecSchema>;

/** Suites `defineSuite` made: a suite file may export one, or the spec to make it from. */
const DEFINED = new WeakSet<Suite>();

/** Whether a value is a suite `defineSuite` returned. */
export function isDefinedSuite(value: unknown): value is Suite {
  return typeof value === 'object' && value !== null && DEFINED.has(value as Suite);
}

/** Checks a suite definition and returns the suite the runner runs; throws DefinitionError (one line). */
export function defineSuite(spec: SuiteSpec, file?: string): Suite {
  const parsed = SuiteSpecSchema.safeParse(spec);
  const name = typeof (spec as { id?: unknown })?.id === 'string' ? `suite '${(spec as { id: string }).id.slice(0, 64)}'` : 'defineSuite';
  if (!parsed.success) throw new DefinitionError(`${name}: ${firstIssue(parsed.error, spec)}`);
  const s = parsed.data;
  const where = `suite '${s.id}'`;
  if (SUITES.some((b) => b.id === s.id)) throw new DefinitionError(`${where}: id: '${s.id}' is a built-in suite; choose another id`);
  const kinds = s.kinds.map((k, i) => {
    if (!(ADVERSARY_KINDS as readonly string[]).includes(k))
      throw new DefinitionError(`${where}: kinds.${i}: unknown event kind '${k.slice(0, 64)}': choose from ${ADVERSARY_KINDS.join(', ')}`);
    if (s.kinds.indexOf(k) !== i) throw new DefinitionError(`${where}: kinds.${i}: '${k}' is listed twice`);
    return k as AdversaryKind;
  });
  const bounds = { ...DEFAULT_BOUNDS, ...s.bounds };
  const config = checkConfig(s.config, s.scale, `${where}: config`);
  checkConfig({ ...s.config, ...s.exhaustive.config }, s.scale, `${where}: exhaustive.config`);
  const full = s.exhaustive.full;
  if (full) checkConfig({ ...s.config, ...full.config }, s.scale, `${where}: exhaustive.full.config`);
  const own: Record<string, Property> = {};
  const ids = s.properties.map((p, i) => {
    if (typeof p === 'string') {
      if (!Object.hasOwn(PROPERTIES, p))
        throw new DefinitionError(
          `${where}: properties.${i}: unknown property '${p.slice(0, 64)}': built-in properties are ${Object.keys(PROPERTIES).join(', ')}, or give defineProperty(...)`,
        );
      return p;
    }
    if (Object.hasOwn(PROPERTIES, p.id)) throw new DefinitionError(`${where}: properties.${i}: '${p.id}' is a built-in property's id; choose another`);
    if (Object.hasOwn(own, p.id)) throw new DefinitionError(`${where}: properties.${i}: '${p.id}' is defined twice`);
    // A window longer than any run can never be violated: refused rather than reported as holding.
    const longest = s.maxEvents + bounds.healTicks;
    if (p.kind === 'always' && p.history && p.history.limit > longest) {
      throw new DefinitionError(
        `${where}: properties.${i}: '${p.id}' watches a window of ${p.history.limit} ticks, longer than any run of this suite (at most ${s.maxEvents} events and ${bounds.healTicks} heal ticks)`,
      );
    }
    own[p.id] = p;
    return p.id;
  });
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw new DefinitionError(`${where}: properties.${i}: '${id}' is listed twice`);
  });
  const variants: Record<string, Expected | Partial<Record<string, Expected>>> = {};
  const none: string[] = [];
  const entries: [string, Expected | null][] = Array.isArray(s.variants) ? s.variants.map((v) => [v, null]) : Object.entries(s.variants);
  if (entries.length === 0) throw new DefinitionError(`${where}: variants: none given; name at least one (e.g. { fixed: 'holds' } or ['fixed'])`);
  const seen = new Map<string, string>();
  for (const [v, verdict] of entries) {
    const protocol = parseVariant(v);
    if (!protocol.ok) throw new DefinitionError(`${where}: variants: ${protocol.error}`);
    const same = seen.get(protocol.value.name);
    if (same !== undefined) throw new DefinitionError(`${where}: variants: '${v}' and '${same}' are the same variant`);
    seen.set(protocol.value.name, v);
    if (verdict === null) none.push(v);
    else variants[v] = verdict;
  }
  for (const v of s.exhaustive.variants) {
    const protocol = parseVariant(v);
    if (!protocol.ok) throw new DefinitionError(`${where}: exhaustive.variants: ${protocol.error}`);
  }
  const b = { horizon: s.exhaustive.horizon, maxStates: s.exhaustive.maxStates };
  const suite: Suite = {
    id: s.id,
    title: s.title,
    assumptions: s.assumptions,
    scale: s.scale,
    config,
    bounds,
    kinds,
    maxEvents: s.maxEvents,
    properties: ids,
    variants,
    unexpected: none,
    budget: s.budget,
    exhaustive: {
      variants: s.exhaustive.variants,
      config: s.exhaustive.config as Partial<Config>,
      scope: s.exhaustive.scope,
      test: b,
      start: b,
      ...(full ? { full: { ...full, config: full.config as Partial<Config> } } : {}),
    },
    seed: s.seed,
    ownProperties: own,
    ...(file === undefined ? {} : { file }),
  };
  DEFINED.add(suite);
  return deepFreeze(suite);
}

/**
 * Freezes a suite and everything in it but its properties' functions: a suite file cannot change a
 * checked suite after `defineSuite` returned it (an assignment throws, and is reported as such).
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A suite's config overrides, checked over its scale's defaults; returns the overrides. */
function checkConfig(overrides: Record<string, unknown>, scale: 'small' | 'population', where: string): Partial<Config> {
  const checked = parseConfig(overrides, scale);
  if (!checked.ok) throw new DefinitionError(`${where}${checked.error.replace(/^config/, '')}`);
  return overrides as Partial<Config>;
}

/**
 * Variants: a base protocol plus a set of fixes, named like `skype-2010+robust-client+backoff-jitter`.
 * A variant compiles to `Protocol`, the switches the step function reads.
 */
import type { Checked } from './config.ts';
import { lookup } from './lookup.ts';

export const BASES = ['skype-2007', 'skype-2010'] as const;
export type Base = (typeof BASES)[number];

/** The fixes, each a switch on top of a base. */
export const FIXES = ['robust-client', 'backoff-jitter', 'admission-control', 'retry-budget', 'load-aware-promotion', 'mega-supernodes'] as const;
export type Fix = (typeof FIXES)[number];

/** The switches of one variant, as the step function reads them. */
export interface Protocol {
  /** Canonical variant name (base, then fixes in FIXES order). */
  name: string;
  base: Base;
  fixes: readonly Fix[];
  /** Part of the population runs the `buggy` release (2010 base only). */
  hasBuggyRelease: boolean;
  /** A `buggy` client crashes on a late offline-message reply (off with `robust-client`). */
  crashOnLateReply: boolean;
  /** Retry schedule without `backoff-jitter`: the 2007 fixed pause or the 2010 immediate reconnect. */
  retry: 'fixed-interval' | 'immediate' | 'backoff-jitter';
  retryBudget: boolean;
  /** Supernodes reject past capacity cheaply instead of accepting and collapsing. */
  admissionControl: boolean;
  /** Promotion counts only serving, non-overloaded capacity against the demand of all who want in. */
  loadAwarePromotion: boolean;
  /** The operator adds dedicated capacity (runbook and `addMegaSupernodes`). */
  megaSupernodes: boolean;
}

/** Named shorthands: `fixed` is every fix on (on the 2010 base, whose population has the buggy release). */
export const ALIASES: Record<string, string> = {
  fixed: ['skype-2010', ...FIXES].join('+'),
};

/** Parses a variant name; an error is one line naming the unknown part. */
export function parseVariant(name: string): Checked<Protocol> {
  const [first, ...more] = name.split('+');
  const [base, ...rest] = [...(lookup(ALIASES, first!) ?? first!).split('+'), ...more];
  if (!(BASES as readonly string[]).includes(base!)) {
    return { ok: false, error: `unknown variant '${name}': base must be one of ${BASES.join(', ')} (or 'fixed')` };
  }
  const fixes = new Set<Fix>();
  for (const part of rest) {
    if (part === 'fixed') FIXES.forEach((f) => fixes.add(f));
    else if ((FIXES as readonly string[]).includes(part)) fixes.add(part as Fix);
    else return { ok: false, error: `unknown fix '${part}' in variant '${name}': fixes are ${FIXES.join(', ')}` };
  }
  return {
    ok: true,
    value: compile(
      base as Base,
      FIXES.filter((f) => fixes.has(f)),
    ),
  };
}

/** Like parseVariant, for names known to be good (tests, suites). */
export function variant(name: string): Protocol {
  const parsed = parseVariant(name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function compile(base: Base, fixes: Fix[]): Protocol {
  const on = (f: Fix) => fixes.includes(f);
  return {
    name: [base, ...fixes].join('+'),
    base,
    fixes,
    hasBuggyRelease: base === 'skype-2010',
    crashOnLateReply: !on('robust-client'),
    retry: on('backoff-jitter') ? 'backoff-jitter' : base === 'skype-2007' ? 'fixed-interval' : 'immediate',
    retryBudget: on('retry-budget'),
    admissionControl: on('admission-control'),
    loadAwarePromotion: on('load-aware-promotion'),
    megaSupernodes: on('mega-supernodes'),
  };
}

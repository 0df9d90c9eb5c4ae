/**
 * Replay: re-derives a counterexample's verdict from its events alone, on its own variant or on
 * another one, with the file's config and bounds.
 */
import { lookup, parseVariant, type Checked, type Model } from '../model/index.ts';
import { checkRun, PROPERTIES, type Property, type RunOutcome } from '../propertyLanguage/index.ts';
import type { CounterexampleFile } from '../trace/schema.ts';

export interface ReplayResult {
  property: string;
  variant: string;
  /** The model the events were replayed on. */
  model: Model;
  /** Whether this is the file's own variant. */
  ownVariant: boolean;
  verdict: 'violated' | 'holds';
  outcome: RunOutcome;
  /** On the file's own variant: whether the recorded violation (step and sentence) came out again. */
  reproduces: boolean;
}

export function replay(file: CounterexampleFile, variantName = file.variant, properties: Record<string, Property> = PROPERTIES): Checked<ReplayResult> {
  const protocol = parseVariant(variantName);
  if (!protocol.ok) return protocol;
  const property = lookup(properties, file.property);
  if (!property) return { ok: false, error: `unknown property '${file.property}'` };
  const own = parseVariant(file.variant);
  const model = { config: file.config, protocol: protocol.value };
  const outcome = checkRun(model, property, file.bounds, file.events);
  const v = outcome.violation;
  return {
    ok: true,
    value: {
      property: file.property,
      variant: protocol.value.name,
      model,
      ownVariant: own.ok && own.value.name === protocol.value.name,
      verdict: v ? 'violated' : 'holds',
      outcome,
      reproduces: v !== null && v.step === file.violation.step && v.message === file.violation.message,
    },
  };
}

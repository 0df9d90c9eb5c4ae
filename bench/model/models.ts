/** The variants the model benchmarks compare, and their models at a scale. */
import { defaultConfig, variant, type Model, type Scale } from '../../src/model/index.ts';

/** The two historical bases and the fully fixed protocol (shown by these short names). */
export const VARIANTS = ['skype-2010', 'skype-2007', 'fixed'] as const;

export function modelOf(name: string, scale: Scale): Model {
  return { config: defaultConfig(scale), protocol: variant(name) };
}

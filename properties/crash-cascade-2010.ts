/**
 * The 2010 crash cascade: the offline-message cluster degrades, its late replies crash the buggy
 * client release, supernode hosts among them take their supernodes down, and the survivors overload.
 */
import { DEFAULT_BOUNDS } from '../src/propertyLanguage/index.ts';
import type { Suite } from './suite.ts';

export const crashCascade2010: Suite = {
  id: 'crash-cascade-2010',
  title: 'late offline-message replies crash the buggy release and cascade through supernode overload',
  assumptions:
    'small scope (3 supernodes, 11 peers, half on the buggy release); the only fault is degradeOfflineMessages (fault budget 2); no supernode may be lost to the protocol unless one was lost to a fault (cascade factor 1); invariants are also checked over a 40-tick heal phase',
  scale: 'small',
  config: {},
  bounds: DEFAULT_BOUNDS,
  kinds: ['degradeOfflineMessages'],
  maxEvents: 30,
  properties: ['no-client-crash', 'no-cascade'],
  variants: {
    'skype-2010': 'violated',
    'skype-2010+robust-client': 'holds',
    'skype-2010+backoff-jitter': 'violated',
    'skype-2010+admission-control': 'violated',
    'skype-2010+retry-budget': 'violated',
    'skype-2010+load-aware-promotion': 'violated',
    'skype-2010+mega-supernodes': 'violated',
    fixed: 'holds',
  },
  budget: { test: 1000, start: 5000 },
  exhaustive: {
    variants: ['skype-2010', 'skype-2010+robust-client', 'fixed'],
    test: { horizon: 40, maxStates: 100_000 },
    start: { horizon: 40, maxStates: 1_000_000 },
  },
  seed: 2010,
};

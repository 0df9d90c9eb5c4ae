/** The six properties of MODEL.md by stable id: what a suite names and a report lists, without the machinery that checks them along a run. */
import { boundedLoginLoad } from './boundedLoginLoad.ts';
import { consistentDirectory } from './consistentDirectory.ts';
import { loginCompletes } from './loginCompletes.ts';
import { noCascade } from './noCascade.ts';
import { noClientCrash } from './noClientCrash.ts';
import type { Property } from './property.ts';
import { recovers } from './recovers.ts';

export const PROPERTIES: Record<string, Property> = Object.fromEntries(
  [consistentDirectory, noClientCrash, noCascade, boundedLoginLoad, recovers, loginCompletes].map((p) => [p.id, p]),
);

export const PROPERTY_IDS = Object.keys(PROPERTIES);

/** Every property suite, in the order `check` runs them. */
import { crashCascade2010 } from './crash-cascade-2010.ts';
import { directory } from './directory.ts';
import { feedbackLoop } from './feedback-loop.ts';
import { loginFlood2007 } from './login-flood-2007.ts';
import type { Suite } from './suite.ts';

export * from './suite.ts';
export { defineSuite, isDefinedSuite, type SuiteSpec } from './defineSuite.ts';

export const SUITES: Suite[] = [crashCascade2010, loginFlood2007, feedbackLoop, directory];

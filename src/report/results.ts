/**
 * The results of a full check, as `start` gathers them and the report reads them: what was run
 * with which tool and model version, the scripted outages, and every verdict of both engines.
 * `start` saves them as `report/results.json` so that `report` can render them again without
 * re-running the searches.
 */
import type { PairResult } from '../cli/check.ts';
import type { ExplorePairResult } from '../cli/explore.ts';
import type { ScenarioSummary } from '../explore/scenarioSummary.ts';

export interface LengthRatio {
  suite: string;
  property: string;
  variant: string;
  random: number;
  shortest: number;
  ratio: number;
}

export interface Results {
  tool: { name: 'cascade'; version: string; node: string };
  /** Budget the random engine used (`test` or `start`) and bound set of the exhaustive engine. */
  budget: 'test' | 'start';
  scenarios: ScenarioSummary[];
  random: PairResult[];
  exhaustive: ExplorePairResult[];
  ratios: LengthRatio[];
}

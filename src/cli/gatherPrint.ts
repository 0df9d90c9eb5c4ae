/** How `start` (and `report`, when it runs the suites) prints a gathering run as it goes. */
import {
  exhaustiveJsonLine,
  exploreCommandLine,
  projectFullTier,
  jsonLine,
  randomJsonLine,
  type GatherListener,
  type PairResult,
  type ScenarioSummary,
} from '../runner/index.ts';
import { describeCheck } from './check.ts';
import { describeEnough, describeFixSets } from './fixes.ts';
import { printExplore, tierNotSearched } from './explore.ts';
import { progress } from './progress.ts';
import { printPairSummary } from './print.ts';

/** A listener that prints sections, scenario lines and verdicts (JSON lines with `json`). */
export function gatherPrinter(budget: 'test' | 'start', out: (line: string) => void, json: boolean): GatherListener {
  const bar = progress();
  const headings = {
    scenarios:
      '== The two outages, scripted (buggy variant vs fixed) ==\nscenario      variant       scale        supernodes start>min>end  online end     late share  crashes  shutdowns  back after',
    fidelity: '\n== The population against the public record (seed 1, for the report) ==',
    random: `\n== Property suites: random engine (fast-check, swarm testing), ${budget} budget ==`,
    exhaustive: `\n== Property suites: exhaustive engine (breadth-first, shortest counterexamples), ${budget} bounds ==`,
    ratios: '\n== Shrunk random counterexamples against the shortest that exist ==',
    fixes: `\n== Which fixes are enough: the subsets of the six fixes, per suite and base, both engines, test budget and bounds${budget === 'start' ? ' (stage 1: the candidates)' : ''} ==`,
    enough: `\n== Which fixes are enough for every suite: the candidates searched again, both engines, ${budget} budget and bounds (stage 2) ==`,
  };
  const random: PairResult[] = [];
  const explored = new Set<string>();
  return {
    section: (name) => {
      if (name === 'exhaustive' && !json) printPairSummary(random, out);
      if (name === 'ratios' && !json) {
        for (const id of explored) {
          const tier = projectFullTier(id);
          if (tier) out(tierNotSearched(id, tier));
        }
      }
      if (!json) out(headings[name]);
    },
    scenario: (s) => out(json ? jsonLine('scenario', s) : scenarioLine(s)),
    fidelity: (r, reduction) =>
      out(
        json
          ? jsonLine('fidelity', { seeds: r.seeds, reduction, within: r.within, figures: r.figures.length })
          : `${r.config.peers.toLocaleString('en-US')} peers (the population reduced ${reduction} times): ${r.within} of ${r.figures.length} figures within tolerance ('cascade fidelity' runs the whole population)`,
      ),
    random: {
      progress: (done, total, text) => bar.update(done, total, text),
      result: (r) => {
        bar.done();
        random.push(r);
        out(json ? randomJsonLine(r) : describeCheck(r));
      },
    },
    exhaustive: {
      progress: (states, max, text) => bar.update(states, max, text),
      result: (r) => {
        bar.done();
        explored.add(r.suite);
        if (json) out(exhaustiveJsonLine(r));
        else printExplore(r, exploreCommandLine(r), out);
      },
    },
    fixProgress: (done, total, text) => bar.update(done, total, text),
    fixSets: (a) => {
      bar.done();
      if (json) out(jsonLine('fix-sets', a));
      else describeFixSets(a).forEach((line) => out(line));
    },
    enough: (e) => {
      bar.done();
      if (json) out(jsonLine('enough', e));
      else describeEnough(e).forEach((line) => out(line));
    },
    drift: (line) => out(json ? jsonLine('manifest-drift', { line }) : line),
    ratio: (r) =>
      out(
        json
          ? jsonLine('shrink-ratio', r)
          : `${r.suite} / ${r.property} on ${r.variant}: random ${r.random} events, shortest ${r.shortest}, ratio ${r.ratio.toFixed(2)}`,
      ),
  };
}

function scenarioLine(s: ScenarioSummary): string {
  return [
    s.scenario.padEnd(13),
    s.variant.replace(/^skype-2010\+robust-client.*mega-supernodes$/, 'fixed').padEnd(13),
    s.scale.padEnd(12),
    `${s.startSupernodes}>${s.minSupernodes}>${s.endSupernodes}`.padEnd(26),
    `${s.endOnline}/${s.wantOnline}`.padEnd(14),
    `${(100 * s.lateOnlineShare).toFixed(0)}%`.padEnd(11),
    String(s.crashes).padEnd(8),
    String(s.overloadShutdowns).padEnd(10),
    s.recoveredAfter === null ? 'never' : `${s.recoveredAfter} ticks`,
  ].join(' ');
}

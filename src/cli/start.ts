/**
 * `cascade start`, the main job behind `npm start`: both outage scenarios on their buggy variant and
 * on `fixed`, side by side, then every property suite with its start budget. Exit code as `check`.
 */
import { summarizeScenario } from '../explore/scenarioSummary.ts';
import { defaultConfig, variant } from '../model/index.ts';
import { checkCommand } from './check.ts';
import { parse } from './args.ts';

export const startHelp = `Usage: cascade start [--json]

The main job: replays both outages on their buggy variant and on fixed (small scope and population
scale), then runs every property suite with its start budget and stores the counterexamples.`;

const PAIRS = [
  ['outage-2010', 'skype-2010'],
  ['outage-2010', 'fixed'],
  ['outage-2007', 'skype-2007'],
  ['outage-2007', 'fixed'],
] as const;

export function startCommand(argv: string[], out: (line: string) => void): number {
  const { values } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean' } });
  if (values.help) {
    out(startHelp);
    return 0;
  }
  if (!values.json) out('== The two outages, scripted (buggy variant vs fixed) ==');
  if (!values.json) out('scenario      variant       scale        supernodes start>min>end  online end     late share  crashes  shutdowns  back after');
  for (const scale of ['small', 'population'] as const) {
    for (const [scenario, name] of PAIRS) {
      const s = summarizeScenario({ config: defaultConfig(scale), protocol: variant(name) }, scenario, scale);
      if (values.json) {
        out(JSON.stringify({ kind: 'scenario', ...s }));
        continue;
      }
      out(
        [
          scenario.padEnd(13),
          name.padEnd(13),
          scale.padEnd(12),
          `${s.startSupernodes}>${s.minSupernodes}>${s.endSupernodes}`.padEnd(26),
          `${s.endOnline}/${s.wantOnline}`.padEnd(14),
          `${(100 * s.lateOnlineShare).toFixed(0)}%`.padEnd(11),
          String(s.crashes).padEnd(8),
          String(s.overloadShutdowns).padEnd(10),
          s.recoveredAfter === null ? 'never' : `${s.recoveredAfter} ticks`,
        ].join(' '),
      );
    }
  }
  if (!values.json) out('\n== Property suites (random engine, start budget) ==');
  return checkCommand(values.json ? ['--json'] : [], out);
}

/**
 * `cascade merge FILES... [--json] [--junit FILE] [--dir D] [--out DIR] [--update]`: reads the N
 * shard files of one `check`, `explore`, `fixes`, `sweep` or `start --shard K/N` run and prints (and writes) exactly
 * what the command run whole prints (and writes). A set that is not one whole run (another
 * selection, a shard missing or given twice, another N, a damaged or truncated shard) is one line
 * and exit code 2, with nothing written.
 */
import {
  checkJunitTarget,
  prepareCheckMerge,
  prepareExploreMerge,
  type ExploreShardFile,
  prepareFixesMerge,
  prepareStartMerge,
  prepareSweepMerge,
  readShardSet,
  retell,
  type StartShardFile,
  type CheckShardFile,
  type FixesShardFile,
  type ShardSet,
  type SweepShardFile,
} from '../runner/index.ts';
import { directoryFlag, parse, UsageError } from './args.ts';
import { printChecks } from './check.ts';
import { printExplores } from './explore.ts';
import { printFixSets } from './fixes.ts';
import { printSweepRun } from './sweep.ts';
import { gatherPrinter } from './gatherPrint.ts';
import { finishStart } from './start.ts';

export const mergeHelp = `Usage: cascade merge FILES... [options]

Merges the shard files of one run of 'check', 'explore', 'fixes', 'sweep' or 'start' with --shard K/N (all N of them,
in any order) and prints what the command run whole on one machine prints: the same lines (or
--json objects), the same counterexample files, JUnit report, sweep chart and data, and the same
exit code. Refuses, in one line with nothing written, files that are not one whole run: another
selection (suite, property, variant, parameters, budget, runs, seed, ...), a shard missing or given
twice, another N, another cascade version, a damaged file, or a shard that searched less than its
share without a failure (a killed or truncated shard: run it again). Explore's swarm shards merge
into one search's verdict and shortest counterexample length; their states, transitions and time
are the shards' sums (their spaces overlap), and each result says how many shards it merges.
Start's shards merge into the results file, the report and the finding a whole 'npm start' writes
(report/results.json, report/), with the counterexample files a shard stored and this directory
lacks; their times and counts of searches reused are the shards' own.

Options:
  --json         the command's JSON lines (check: one per pair, then the summary)
  --junit FILE   check, explore and start shards: also write the JUnit XML report, as --junit does
  --dir D        check and explore shards: where counterexamples are stored (default: the shards'
                 --dir)
  --out DIR      sweep shards: where the chart and data go (default sweeps)
  --update       check and explore shards: replace a stored counterexample that differs; sweep shards: replace
                 files in DIR cascade did not write
  --help         this text

Exit code: that of the command run whole (check: 0 every expectation met, 1 some not, 4 a pair
without an expectation violated; fixes: 0 or 1; sweep: 0), 2 bad input.`;

export async function mergeCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      json: { type: 'boolean' },
      junit: { type: 'string' },
      dir: { type: 'string' },
      out: { type: 'string' },
      update: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    true,
  );
  if (values.help) {
    out(mergeHelp);
    return 0;
  }
  const set = readShardSet(positionals);
  const json = values.json === true;
  const only = (flag: string, given: unknown, command: string) => {
    if (given !== undefined && set.command !== command) throw new UsageError(`${flag} goes with the shards of ${command}, these are of ${set.command}`);
  };
  const onlySearch = (flag: string, given: unknown) => {
    if (given !== undefined && set.command !== 'check' && set.command !== 'explore')
      throw new UsageError(`${flag} goes with the shards of check or explore, these are of ${set.command}`);
  };
  if (values.junit !== undefined && set.command !== 'check' && set.command !== 'explore' && set.command !== 'start')
    throw new UsageError(`--junit goes with the shards of check, explore or start, these are of ${set.command}`);
  onlySearch('--dir', values.dir);
  only('--out', values.out, 'sweep');
  if (values.update && set.command === 'fixes') throw new UsageError('--update: a merge of fixes shards writes no file');
  if (values.update && set.command === 'start')
    throw new UsageError('--update: a merge of start shards keeps the counterexamples it finds stored, as start does');
  if (set.command === 'start') {
    if (values.junit !== undefined) checkJunitTarget(values.junit);
    const merged = prepareStartMerge(set as ShardSet<StartShardFile>);
    retell(merged.results, merged.drift, gatherPrinter('start', out, json));
    return finishStart(merged.results, merged.code, json, values.junit, out);
  }
  if (set.command === 'check') {
    if (values.junit !== undefined) checkJunitTarget(values.junit);
    const dir = values.dir === undefined ? undefined : directoryFlag('dir', values.dir, 'counterexamples');
    const merge = await prepareCheckMerge(set as ShardSet<CheckShardFile>, dir, values.update === true);
    return printChecks(merge.pairs, merge.options.overrides ?? {}, { json, junit: values.junit }, out, (listener) => merge.run(listener));
  }
  if (set.command === 'explore') {
    if (values.junit !== undefined) checkJunitTarget(values.junit);
    const dir = values.dir === undefined ? undefined : directoryFlag('dir', values.dir, 'counterexamples');
    const merge = await prepareExploreMerge(set as ShardSet<ExploreShardFile>, dir, values.update === true);
    return printExplores(merge.pairs, merge.options.overrides ?? {}, { json, junit: values.junit }, out, (listener) => merge.run(listener));
  }
  if (set.command === 'fixes') {
    const merge = await prepareFixesMerge(set as ShardSet<FixesShardFile>);
    return printFixSets(json, out, (onResult) => merge.run(onResult));
  }
  const merge = await prepareSweepMerge(set as ShardSet<SweepShardFile>, directoryFlag('out', values.out, 'sweeps'), values.update === true);
  return printSweepRun(merge.spec, merge.output, json, out, () => merge.run());
}

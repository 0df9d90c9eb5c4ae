/**
 * `cascade sweep --param NAME --from A --to B [--steps N | --bisect] (--scenario S | --suite S
 * --property P) --variant V [--seeds K]`: parses the flags, lets the runner sweep, prints a table
 * (or JSON) and the tipping point, and writes the chart and data.
 */
import {
  checkShardTarget,
  checkSweep,
  lookup,
  openSweepOutput,
  parseShard,
  plural,
  readOverrides,
  runSweep,
  runSweepShard,
  SCENARIO_NAMES,
  SCENARIOS,
  suitesNamed,
  type SweepOutput,
  type SweepPoint,
  type SweepResult,
  type SweepSpec,
  type SweepTarget,
} from '../runner/index.ts';
import { directoryFlag, integer, oneOf, parse, UsageError, workersFlag } from './args.ts';
import { printShard } from './check.ts';
import { progress } from './progress.ts';

export const sweepHelp = `Usage: cascade sweep --param NAME --from A --to B [--steps N | --bisect]
                    (--scenario S [--scale small|population] | --suite S --property P)
                    --variant V [--seeds K] [options]

Moves one model parameter from A to B and records the outcome at each value over seeds 1..K: for a
scenario, whether the network collapsed (under half the clients that want to be online are, on
average, over the second half of its heal phase) and the late online share; for a suite's
property, whether the random engine finds a violation. With --bisect, finds per seed the first
value at which the outcome flips (the tipping point), to a precision of 1, and prints the median and
range over seeds. Writes a chart (SVG) and the data (JSON).

Options:
  --param NAME      the parameter (a numeric config key, e.g. buggyReleasePercent, supernodeCapacity)
  --from A, --to B  the range, A below B
  --steps N         N evenly spaced values, ends included (default 7)
  --bisect          bisect to the tipping point instead (assumes one flip between A and B per seed)
  --scenario S      ${SCENARIO_NAMES.join(' or ')}; --scale small (default) or population
  --suite S         a built-in suite id or a suite file, with --property P
  --property P      the property (with --suite)
  --variant V       the variant (default: skype-2010 for outage-2010, skype-2007 for outage-2007;
                    required with --suite)
  --seeds K         seeds per value (default 3)
  --runs N          random-engine runs per value and seed with --suite (default: the suite's test budget)
  --set K=V         other parameters (repeatable); --config FILE reads them from JSON
  --out DIR         where the chart and data go (default sweeps); with --shard, the shard file
  --update          replace files in DIR of the same name that cascade did not write
  --json            the result as one JSON object
  --workers N       worker threads (default: this machine's cores): a step sweep's points all at
                    once, a bisection's seeds in lock step; the result is the same for any number
  --shard K/N       evaluate only shard K of N and write it to the shard file --out FILE (then --out
                    names that file, not a directory): a step sweep's points are cut into N shares;
                    a bisection is cut by seeds (each seed's next value depends on its last outcome,
                    so its points cannot be split), so N above --seeds leaves shards empty.
                    'cascade merge' of the N files prints and writes what one sweep does

Exit code: 0 done (a tipping point found, or the ends agree and that is said), 2 bad input; with
--shard, 0 once the shard file is written.`;

export async function sweepCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parse(argv, {
    param: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    steps: { type: 'string' },
    bisect: { type: 'boolean' },
    scenario: { type: 'string' },
    scale: { type: 'string' },
    suite: { type: 'string' },
    property: { type: 'string' },
    variant: { type: 'string' },
    seeds: { type: 'string' },
    runs: { type: 'string' },
    set: { type: 'string', multiple: true },
    config: { type: 'string' },
    out: { type: 'string' },
    update: { type: 'boolean' },
    json: { type: 'boolean' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    out(sweepHelp);
    return 0;
  }
  if (values.param === undefined) throw new UsageError('--param is required (e.g. --param buggyReleasePercent)');
  if (values.from === undefined || values.to === undefined) throw new UsageError('--from and --to are required');
  if (values.bisect && values.steps !== undefined) throw new UsageError('give --steps or --bisect, not both');
  if ((values.scenario === undefined) === (values.suite === undefined)) throw new UsageError('give --scenario S, or --suite S with --property P');
  const overrides = readOverrides(values.config, values.set ?? []);
  let target: SweepTarget;
  let variant = values.variant;
  if (values.scenario !== undefined) {
    if (!lookup(SCENARIOS, values.scenario)) throw new UsageError(`unknown scenario '${values.scenario}': choose ${SCENARIO_NAMES.join(' or ')}`);
    if (values.property !== undefined) throw new UsageError('--property goes with --suite, not --scenario');
    if (values.runs !== undefined) throw new UsageError('--runs goes with --suite (a scenario is one scripted run per value and seed)');
    target = { kind: 'scenario', scenario: values.scenario, scale: oneOf('scale', values.scale, ['small', 'population'] as const, 'small') };
    variant ??= values.scenario === 'outage-2007' ? 'skype-2007' : 'skype-2010';
  } else {
    if (values.property === undefined) throw new UsageError('--property is required with --suite');
    if (variant === undefined) throw new UsageError('--variant is required with --suite');
    if (values.scale !== undefined) throw new UsageError('--scale goes with --scenario (a suite has its own scale)');
    const [suite] = await suitesNamed(values.suite);
    if (!suite!.properties.includes(values.property))
      throw new UsageError(`suite ${suite!.id} does not check '${values.property}': choose ${suite!.properties.join(', ')}`);
    target = {
      kind: 'property',
      suite: suite!,
      property: values.property,
      runs: values.runs === undefined ? undefined : integer('runs', values.runs, 0, 1, 1_000_000),
    };
  }
  const limit = 1_000_000_000;
  const spec: SweepSpec = {
    param: values.param as SweepSpec['param'],
    from: integer('from', values.from, 0, -limit, limit),
    to: integer('to', values.to, 0, -limit, limit),
    mode: values.bisect ? { kind: 'bisect' } : { kind: 'steps', steps: integer('steps', values.steps, 7, 2, 1_000) },
    target,
    variant,
    seeds: integer('seeds', values.seeds, 3, 1, 1_000),
    overrides,
  };
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  const workers = workersFlag(values.workers);
  const json = values.json === true;
  checkSweep(spec);
  if (shard) {
    if (values.out === undefined) throw new UsageError('--shard needs --out FILE, the shard file to write');
    if (values.update) throw new UsageError('--update goes with merge: a shard writes no chart or data');
    checkShardTarget(values.out);
    const bar = progress();
    const points = await runSweepShard(spec, shard, workers, values.out, (p, done) =>
      bar.update(done, done + 1, `${spec.param} = ${p.value}, seed ${p.seed}: ${p.outcome ? 'yes' : 'no'}`),
    );
    bar.done();
    printShard('sweep', shard, values.out, `${plural(points, 'point')} evaluated`, json, out);
    return 0;
  }
  const output = openSweepOutput(spec, directoryFlag('out', values.out, 'sweeps'), values.update === true);
  return printSweepRun(spec, output, json, out, (onPoint) => runSweep(spec, workers, onPoint));
}

/**
 * Runs a sweep and prints it as `sweep` does (the line saying what is swept, the table or the JSON
 * object, the tipping point), writing its chart and data; `merge` prints through it too.
 */
export async function printSweepRun(
  spec: SweepSpec,
  output: SweepOutput,
  json: boolean,
  out: (line: string) => void,
  run: (onPoint: (p: SweepPoint, done: number) => void) => Promise<SweepResult> | SweepResult,
): Promise<number> {
  const target = spec.target;
  if (!json)
    out(
      `sweep ${spec.param} from ${spec.from} to ${spec.to} on ${target.kind === 'scenario' ? `${target.scenario} (${target.scale} scale)` : `${target.suite.id} / ${target.property}`}, ${spec.variant}, seeds 1..${spec.seeds}${spec.mode.kind === 'bisect' ? ', bisecting' : ''}`,
    );
  const bar = progress();
  const result = await run((p, done) => bar.update(done, done + 1, `${spec.param} = ${p.value}, seed ${p.seed}: ${p.outcome ? 'yes' : 'no'}`));
  bar.done();
  const files = await output.write(result);
  if (json) out(JSON.stringify({ ...result, files }));
  else printSweep(result, files, out);
  return 0;
}

function printSweep(r: SweepResult, files: { chart: string; data: string }, out: (line: string) => void): void {
  const outcome = r.outcomeName.split(' (')[0];
  out(`${r.param.padEnd(24)} ${outcome} (seeds)   ${r.measureName} (median)`);
  const values = [...new Set(r.points.map((p) => p.value))];
  for (const v of values) {
    const at = r.points.filter((p) => p.value === v);
    const yes = at.filter((p) => p.outcome).length;
    const measures = at.map((p) => p.measure).sort((a, b) => a - b);
    out(`${String(v).padEnd(24)} ${`${yes}/${at.length}`.padEnd(outcome!.length + 10)} ${measures[Math.floor((measures.length - 1) / 2)]}`);
  }
  out(`outcome: ${r.outcomeName}`);
  if (r.tipping) {
    const t = r.tipping;
    const seeds = t.perSeed.map((v, i) => `seed ${i + 1}: ${v === null ? 'none in range' : v}`).join(', ');
    const flipped = t.perSeed.filter((v) => v !== null).length;
    const over = flipped === r.seeds ? `${r.seeds} seed${r.seeds === 1 ? '' : 's'}` : `the ${flipped} of ${r.seeds} seeds whose outcome flips in the range`;
    if (t.median === null) out(`tipping point: none between ${r.from} and ${r.to} (the outcome is the same at both ends for every seed; ${seeds})`);
    else
      out(
        `tipping point: ${r.param} = ${t.median} (median over ${over}; range ${t.min} to ${t.max}; precision ${t.precision}): below it the outcome is that at ${r.from}, from it on that at ${r.to} (${seeds})`,
      );
  }
  out(`chart: ${files.chart}; data: ${files.data}`);
}

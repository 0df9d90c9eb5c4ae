/**
 * Replaying a counterexample file: loaded (with the properties of a suite file the user named),
 * judged again from its events alone on its own variant or another, told as a numbered narrative,
 * and optionally exported as an ITF trace. The exit code: 0 reproduced (or holds on another
 * variant), 1 not reproduced (or violated there).
 */
import type { Suite } from '../../properties/index.ts';
import { replay, type ReplayResult } from '../search/replay.ts';
import { checkExportTarget } from '../io/exportTarget.ts';
import { Refusal } from '../io/refusal.ts';
import { writeAtomically } from '../io/writeAtomically.ts';
import { toItf } from '../trace/itf.ts';
import { loadCounterexample } from '../trace/load.ts';
import { narrate, type NarrativeStep } from '../trace/narrative.ts';
import { FILE_LIMITS, replaySteps, stateSize, type CounterexampleFile } from '../trace/schema.ts';
import { propertiesOf } from './suites.ts';

export interface ReplayOptions {
  /** Judge the events on this variant instead of the file's own. */
  variant?: string;
  /** The suite a user property came from (loaded by the caller from the file the user named). */
  suite?: Suite;
  /** Write the trace as ITF to this path (checked before anything runs). */
  itf?: { path: string; update: boolean };
}

export interface Replayed {
  file: CounterexampleFile;
  result: ReplayResult;
  /** The numbered narrative, events then heal ticks (computed when asked). */
  narrative(): NarrativeStep[];
  /** States in the ITF trace written, when one was asked for. */
  itfStates: number | null;
  code: 0 | 1;
}

export function replayFile(path: string, options: ReplayOptions = {}): Replayed {
  if (options.itf) checkExportTarget(options.itf.path, { flag: '--itf', update: options.itf.update, inputs: [path] });
  const properties = propertiesOf(options.suite ? [options.suite] : []);
  const loaded = loadCounterexample(path, properties);
  if (!loaded.ok) throw new Refusal(loaded.error);
  const file = loaded.value;
  const itfWork = (replaySteps(file) + 1) * stateSize(file.config);
  if (options.itf && itfWork > FILE_LIMITS.itfWork) {
    throw new Refusal(
      `--itf: ${path} would export ${replaySteps(file) + 1} states of ${stateSize(file.config)} entries (${itfWork.toLocaleString('en-US')}), more than the ${FILE_LIMITS.itfWork.toLocaleString('en-US')} an ITF export holds`,
    );
  }
  const replayed = replay(file, options.variant ?? file.variant, properties);
  if (!replayed.ok) throw new Refusal(replayed.error);
  const r = replayed.value;
  let itfStates: number | null = null;
  if (options.itf) {
    const heal = r.outcome.violation ? r.outcome.violation.step + 1 - file.events.length : r.outcome.healTicks;
    const trace = toItf(r.model, file.events, Math.max(0, heal), path, `${file.property} on ${r.variant}: ${r.outcome.violation?.message ?? 'holds'}`);
    writeAtomically(options.itf.path, JSON.stringify(trace) + '\n');
    itfStates = trace.states.length;
  }
  const code = r.ownVariant ? (r.reproduces ? 0 : 1) : r.verdict === 'holds' ? 0 : 1;
  return { file, result: r, narrative: () => narrate(r.model, file.events, r.outcome.healTicks), itfStates, code };
}

/**
 * A bound on the functions of a user's suite file (a property's `always`, `never`, `eventually`,
 * `triggered`, `describe`). Each thread marks, in memory shared with the supervising thread, which
 * of them it is inside and how many calls it has begun; the supervisor looks a few times a second,
 * and a call still running after the bound (`CASCADE_PROPERTY_SECONDS`, default 30) ends the
 * command with one line naming the function: a property that loops forever cannot hang a search.
 * Only a user's functions are marked (three stores a call): the built-in properties, which the
 * engines' hot path runs, pay nothing.
 */
import { workerData } from 'node:worker_threads';
import { shown } from './printable.ts';

/** Threads watched: the command's own (slot 0) and its pool workers (slots 1..). */
const SLOTS = 260;
/** Per slot: the function inside (0: none), calls begun, and the length of its names' text. */
const WORDS = 3;
/** Per slot, the names of the thread's functions, one a line (their numbers are line numbers from 1). */
const NAME_BYTES = 4096;

/** The default bound, in seconds, on one call of a user's function. */
export const DEFAULT_PROPERTY_SECONDS = 30;

const given = (workerData as { userCallWatch?: unknown; userCallSlot?: unknown } | null) ?? {};
const buffer = given.userCallWatch instanceof SharedArrayBuffer ? given.userCallWatch : new SharedArrayBuffer(SLOTS * (WORDS * 4 + NAME_BYTES));
const slot = typeof given.userCallSlot === 'number' ? given.userCallSlot % SLOTS : 0;
const words = new Int32Array(buffer, 0, SLOTS * WORDS);
const base = slot * WORDS;
const names: string[] = [];

/** The shared memory, for the threads this one starts (`slot`: theirs). */
export function userCallWatchData(slotOfWorker: number): { userCallWatch: SharedArrayBuffer; userCallSlot: number } {
  return { userCallWatch: buffer, userCallSlot: slotOfWorker };
}

/** Numbers a user's function for `enterUserCall`, and publishes its name (`property 'x': always`). */
export function registerUserFunction(name: string): number {
  // A suite file loaded again (a pool worker loads it for each task) numbers its functions as before.
  const known = names.indexOf(name);
  if (known >= 0) return known + 1;
  names.push(name);
  const text = Buffer.from(names.join('\n'), 'utf8');
  // Names past the slot's room are not published; such a function is reported without its name.
  if (text.length <= NAME_BYTES) {
    new Uint8Array(buffer, SLOTS * WORDS * 4 + slot * NAME_BYTES, NAME_BYTES).set(text);
    Atomics.store(words, base + 2, text.length);
  }
  return names.length;
}

/** Marks this thread as inside function `id`; returns what to give `leaveUserCall`. */
export function enterUserCall(id: number): number {
  const outer = words[base]!;
  words[base] = id;
  words[base + 1] = words[base + 1]! + 1;
  return outer;
}

export function leaveUserCall(outer: number): void {
  words[base] = outer;
}

/** The bound in seconds from `CASCADE_PROPERTY_SECONDS`, or a line saying why the value is refused. */
export function propertySeconds(env = process.env.CASCADE_PROPERTY_SECONDS): number | string {
  if (env === undefined || env === '') return DEFAULT_PROPERTY_SECONDS;
  if (!/^\d+$/.test(env) || Number(env) < 1 || Number(env) > 86_400)
    return `CASCADE_PROPERTY_SECONDS must be a whole number of seconds from 1 to 86400, got '${shown(env, 40)}'`;
  return Number(env);
}

/**
 * The supervisor's side: `look()`, called a few times a second, returns the name of a function
 * whose one call has run for `seconds` or more (measured on the monotonic clock), else null.
 */
export function userCallWatcher(seconds: number, now = () => performance.now()): { look(): string | null } {
  const seen = new Map<number, { id: number; calls: number; since: number }>();
  return {
    look() {
      const t = now();
      for (let s = 0; s < SLOTS; s++) {
        const id = Atomics.load(words, s * WORDS);
        if (id === 0) {
          seen.delete(s);
          continue;
        }
        const calls = Atomics.load(words, s * WORDS + 1);
        const last = seen.get(s);
        if (last === undefined || last.id !== id || last.calls !== calls) seen.set(s, { id, calls, since: t });
        else if (t - last.since >= seconds * 1000) return nameOf(s, id);
      }
      return null;
    },
  };
}

function nameOf(s: number, id: number): string {
  const length = Atomics.load(words, s * WORDS + 2);
  const text = Buffer.from(new Uint8Array(buffer, SLOTS * WORDS * 4 + s * NAME_BYTES, length)).toString('utf8');
  return text.split('\n')[id - 1] ?? 'a function of a suite file';
}

/**
 * What a shard ran, as three digests a merge compares: the suites' definitions (a suite file's
 * module text, and every suite's fields and property functions as source text), the effective
 * configs and protocol switches of every model the run searches, and the model's identity (the
 * cascade version and the states fixed walks of those models reach). A merge refuses shards whose
 * digests differ from each other or from what it would run itself: a suite file edited, a config
 * changed or another model between a shard and the merge would otherwise merge into a verdict no
 * whole run gives. The walks catch a change of the model's rules that they exercise; a change they
 * do not exercise needs a new cascade version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { propertyOf, type Suite } from '../../properties/index.ts';
import { enabled, init, stepOwned, type Model } from '../model/index.ts';
import { VERSION } from '../version.ts';

/** The digests a shard file records (hex SHA-256, cut to 32 digits). */
export interface RunDigest {
  suites: string;
  config: string;
  model: string;
}

/** Which digest differs, in words, for a refusal. */
export const DIGEST_WORDS: Record<keyof RunDigest, string> = {
  suites: 'suite definition (a suite file edited, or another version of a built-in suite)',
  config: 'effective config or protocol switches',
  model: 'model (another cascade build)',
};

/** The digests of a run over `suites` that searches `models`. */
export function runDigest(suites: readonly Suite[], models: readonly Model[], extra: unknown = null): RunDigest {
  const distinct = [...new Map(models.map((m) => [canonical(m), m])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    suites: digest(suites.map(suiteText).join('\n')),
    config: digest(canonical({ models: distinct.map(([text]) => text), extra })),
    model: digest([VERSION, ...distinct.map(([, m]) => walks(m))].join('\n')),
  };
}

/** The first digest in which `a` and `b` differ, or null. */
export function digestDifference(a: RunDigest, b: RunDigest): keyof RunDigest | null {
  for (const key of ['suites', 'config', 'model'] as const) if (a[key] !== b[key]) return key;
  return null;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A suite as text: its module's text when it came from a file, its fields, and its properties' functions. */
function suiteText(suite: Suite): string {
  let module = '';
  if (suite.file !== undefined) {
    try {
      module = readFileSync(suite.file, 'utf8');
    } catch {
      module = '(unreadable)';
    }
  }
  const { file: _file, ...fields } = suite;
  const properties = suite.properties.map((id) => propertyOf(suite, id) ?? id);
  return canonical({ module, fields, properties });
}

/**
 * JSON with object keys sorted and functions as their source text, so that equal definitions give
 * equal text whatever their key order. A value met again (a cycle or a shared object) is named, not followed.
 */
function canonical(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_, v: unknown) => {
    if (typeof v === 'function') return `function ${String(v)}`;
    if (v === undefined) return null;
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '(again)';
      seen.add(v);
      if (!Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([p], [q]) => (p < q ? -1 : 1)));
    }
    return v;
  });
}

const WALKS = 4;
const WALK_EVENTS = 48;

/** The states fixed pseudo-random walks of the model reach (xorshift choices among the enabled events). */
function walks(model: Model): string {
  const hash = createHash('sha256');
  for (let w = 1; w <= WALKS; w++) {
    let x = (0x9e3779b9 * w) >>> 0 || 1;
    const state = init(model);
    for (let i = 0; i < WALK_EVENTS; i++) {
      const events = enabled(state, model);
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      const event = events[x % events.length]!;
      stepOwned(state, model, event);
      hash.update(`${events.length}:${JSON.stringify(event)};`);
    }
    hash.update(JSON.stringify(state));
  }
  return hash.digest('hex');
}

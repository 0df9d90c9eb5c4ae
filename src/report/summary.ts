/**
 * What a reviewer sees first, derived from the matrix (which fixes make each cascade impossible, under
 * which assumptions), so the verdicts are never hard-coded in prose.
 */
import { lookup } from '../model/lookup.ts';
import { ALIASES, FIXES } from '../model/variant.ts';
import { count, listing } from './format.ts';
import { fixName, type Column, type Matrix } from './matrix.ts';
import type { Results, SuiteRecord } from '../results/results.ts';

/** What the first page says of results that hold no verdict (a report run only to explain a suite file's counterexamples). */
export const NO_VERDICTS =
  'These results hold no verdict of either engine: no property was checked, so none is said to hold, be violated or meet an expectation.';

export interface Summary {
  /** Which variants hold everything, under which assumptions. */
  headline: string;
  /** One sentence per suite that some variant violates: which fixes stop it. */
  suites: string[];
  /** Suites that hold everywhere, and whether the verdicts met the expectations. */
  status: string;
  /** Whether every verdict met its suite's expectation. */
  allMet: boolean;
}

export function summarize(matrix: Matrix, results: Results): Summary {
  if (matrix.columns.length === 0) return { headline: NO_VERDICTS, suites: [], status: "No verdict to compare with a suite's expectation.", allMet: true };
  const suites = suitesOf(matrix, results);
  const holdsAll = (v: string, cols: Column[]) => cols.every((c) => matrix.verdict(v, c) === 'holds');
  const checked = (v: string, cols: Column[]) => cols.filter((c) => matrix.verdict(v, c) !== 'not checked');
  const everywhere = matrix.variants.filter((v) => checked(v, matrix.columns).length === matrix.columns.length && holdsAll(v, matrix.columns));
  const partly = matrix.variants.filter((v) => !everywhere.includes(v) && checked(v, matrix.columns).length > 0 && holdsAll(v, checked(v, matrix.columns)));
  const named = everywhere.map(variantPhrase);
  const parts: string[] = [];
  if (everywhere.length === 0) parts.push(`No variant holds all ${matrix.columns.length} properties checked`);
  else
    parts.push(
      `${everywhere.length === 1 ? 'Only ' : ''}${listing(named)} ${everywhere.length === 1 ? 'holds' : 'hold'} all ${matrix.columns.length} properties in ${suites.length === 1 ? 'the suite' : `all ${suites.length} suites`}`,
    );
  for (const v of partly) {
    const cols = checked(v, matrix.columns);
    parts.push(
      `${variantPhrase(v)} holds the ${cols.length} ${cols.length === 1 ? 'property' : 'properties'} it was checked on (${listing([...new Set(cols.map((c) => c.suite))])})`,
    );
  }
  let headline = parts.join('; ');
  headline += `, under the suites' assumptions: ${assumptionPhrase(suites, results)}.`;

  const sentences: string[] = [];
  const calm: string[] = [];
  for (const suite of suites) {
    const cols = matrix.columns.filter((c) => c.suite === suite.id);
    const variants = matrix.variants.filter((v) => checked(v, cols).length > 0);
    if (variants.every((v) => holdsAll(v, checked(v, cols)))) {
      calm.push(
        `${listing(cols.map((c) => `\`${c.property}\``))} (${suite.id}) ${cols.length === 1 ? 'holds' : 'hold'} on ${variants.length === 1 ? 'the one variant checked' : `all ${variants.length} variants`}`,
      );
      continue;
    }
    sentences.push(suiteSentence(suite, cols, variants, matrix));
  }
  const random = results.random.length;
  const exhaustive = results.exhaustive.length;
  const unmet = results.random.filter((r) => !r.met).length + results.exhaustive.filter((e) => !e.met).length;
  const met =
    unmet === 0
      ? `every verdict matches its suite's expectation (${count(random)} random, ${count(exhaustive)} exhaustive)`
      : `⚠ ${unmet} of ${random + exhaustive} verdicts do not match their suite's expectation (marked in the matrix)`;
  const status = `${calm.length > 0 ? `${capitalize(listing(calm))}; ` : ''}${calm.length > 0 ? met : capitalize(met)}.`;
  return { headline, suites: sentences, status, allMet: unmet === 0 };
}

function suiteSentence(suite: SuiteRecord, cols: Column[], variants: string[], matrix: Matrix): string {
  const held = (v: string) => cols.filter((c) => matrix.verdict(v, c) === 'holds').map((c) => c.property);
  const tried = (v: string) => cols.filter((c) => matrix.verdict(v, c) !== 'not checked').map((c) => c.property);
  const props = cols.map((c) => c.property);
  const everything = (v: string) => fixName(v) === 'all fixes';
  const parts: string[] = [];
  const stop = variants.filter((v) => !everything(v) && held(v).length === props.length);
  const bases = stop.filter((v) => fixName(v) === 'no fix');
  if (bases.length > 0) parts.push(`holds even without a fix (${listing(bases.map((v) => `\`${v}\``))})`);
  const fixes = stop.filter((v) => fixName(v) !== 'no fix').map((v) => `\`${fixName(v)}\``);
  parts.push(fixes.length > 0 ? `${listing(fixes)} alone ${fixes.length === 1 ? 'makes' : 'each make'} it impossible` : 'no single fix makes it impossible');
  for (const v of variants) {
    const h = held(v);
    if (everything(v) || h.length === 0 || h.length !== tried(v).length || h.length === props.length) continue;
    parts.push(`\`${fixName(v)}\` holds ${listing(h.map(code))} (${listing(props.filter((p) => !h.includes(p)).map(code))} not checked)`);
  }
  const partial = new Map<string, { restored: string; lacking: string; names: string[] }>();
  for (const v of variants) {
    const h = held(v);
    if (everything(v) || h.length === 0 || h.length === tried(v).length) continue;
    const restored = listing(h.map(code));
    const lacking = listing(
      tried(v)
        .filter((p) => !h.includes(p))
        .map(code),
      'or',
    );
    const group = partial.get(`${restored}|${lacking}`) ?? { restored, lacking, names: [] };
    group.names.push(`\`${fixName(v)}\``);
    partial.set(`${restored}|${lacking}`, group);
  }
  for (const g of partial.values()) parts.push(`${listing(g.names)} ${g.names.length === 1 ? 'restores' : 'restore'} ${g.restored} but not ${g.lacking}`);
  const none = variants.filter((v) => !everything(v) && fixName(v) !== 'no fix' && held(v).length === 0).map((v) => `\`${fixName(v)}\``);
  if (none.length > 0) parts.push(`${listing(none)} alone ${none.length === 1 ? 'changes' : 'change'} no verdict`);
  const all = variants.filter(everything);
  const allFail = all.filter((v) => held(v).length < tried(v).length);
  if (allFail.length > 0)
    parts.push(
      `even ${listing(allFail.map((v) => `\`${v}\``))} ${allFail.length === 1 ? 'violates' : 'violate'} ${listing(
        tried(allFail[0]!)
          .filter((p) => !held(allFail[0]!).includes(p))
          .map(code),
      )}`,
    );
  else if (all.length > 0 && fixes.length === 0) parts.push(`only all fixes together hold`);
  return `**${suite.id}**, ${suite.title} (${listing(props.map(code))}): ${parts.join('; ')}.`;
}

/** `fixed` (`skype-2010` with all six fixes). */
function variantPhrase(v: string): string {
  const alias = lookup(ALIASES, v);
  if (alias && fixName(v) === 'all fixes') return `\`${v}\` (\`${alias.split('+')[0]}\` with all ${FIXES.length === 6 ? 'six' : FIXES.length} fixes)`;
  return `\`${v}\``;
}

function assumptionPhrase(suites: SuiteRecord[], results: Results): string {
  const parts: string[] = [];
  const scopes = [...new Set(suites.map((s) => `${s.scale} scope (${count(s.config.supernodes)} supernodes, ${count(s.config.peers)} peers)`))];
  parts.push(listing(scopes));
  const configs = suites.map((s) => s.config);
  const faults = Math.max(...configs.map((c) => c.faultBudget));
  const churn = suites.some((s) => s.kinds.includes('goOnline') || s.kinds.includes('goOffline')) ? Math.max(...configs.map((c) => c.churnBudget)) : 0;
  parts.push(`at most ${faults} fault${faults === 1 ? '' : 's'}${churn > 0 ? ` and ${churn} user action${churn === 1 ? '' : 's'}` : ''} per run`);
  const heal = [...new Set(suites.map((s) => s.bounds.healTicks))];
  parts.push(`recovery judged within H = ${listing(heal.map(String))} ticks`);
  const runs = results.random.length > 0 ? range(results.random.filter((r) => r.verdict !== 'violated').map((r) => r.runs)) : null;
  if (runs) parts.push(`${runs} random runs per pair that held`);
  const horizons = results.exhaustive.map((e) => e.bound.horizon);
  if (horizons.length > 0)
    parts.push(
      `breadth-first search of every event sequence whose adversary acts within ${range(horizons)} ticks${new Set(horizons).size > 1 ? ' (by pair)' : ''}, at the exhaustive sections' scopes`,
    );
  return parts.join(', ');
}

function range(values: number[]): string | null {
  if (values.length === 0) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? count(lo) : `${count(lo)} to ${count(hi)}`;
}

/** The suites the matrix covers, in `check` order (the results' records). */
function suitesOf(matrix: Matrix, results: Results): SuiteRecord[] {
  const ids = new Set(matrix.columns.map((c) => c.suite));
  return results.suites.filter((s) => ids.has(s.id));
}

function code(s: string): string {
  return `\`${s}\``;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

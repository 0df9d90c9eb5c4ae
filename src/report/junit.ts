/**
 * The verdicts of a check as a JUnit XML report, the file CI systems (Jenkins, GitLab, GitHub test
 * reporters) read to show which checks passed: one `<testsuite>` per (suite, engine) and one
 * `<testcase>` per (suite, property, variant) within it. A case fails exactly when its verdict is not
 * the one the suite expects (`met` false), so an expected violation such as the 2010 cascade on
 * `skype-2010` is a passing case, and CI goes red only when a protocol behaves other than the suites say.
 *
 * The shape is the one the Jenkins xUnit plugin's `junit-10.xsd` validates, children kept in the
 * stricter order of Ant's XML formatter (testsuite: properties, testcase*, system-out?; testcase:
 * failure?, system-out) so readers of either kind accept it. Two consequences, both deliberate:
 * - a case's facts (verdict, expected, coverage, runs, states, branchingStates, searchSize, depth,
 *   stoppedBy, horizon, ...) are
 *   `key: value` lines in its `<system-out>`, not a `<properties>` element: some readers (Jenkins'
 *   JUnit plugin, GitLab) tolerate `<properties>` inside `<testcase>`, but `junit-10.xsd` rejects it;
 * - the root `<testsuites>` carries no `skipped` count (the schema declares none there); each
 *   `<testsuite>` has `skipped="0"`, as nothing is ever skipped.
 *
 * Pure and deterministic: the same input gives the same bytes (no clock, no host name, a timestamp only
 * when the caller gives one), so a report can be diffed and tested.
 */
import type { ExplorePairResult, PairResult } from '../results/results.ts';
import { describeScope } from './scope.ts';
import { searchSize, statesInWords, trivialRuns } from './strength.ts';

export interface JunitInput {
  /** Pairs checked by the random engine, in the order they are to appear. */
  random: readonly PairResult[];
  /** Pairs searched by the exhaustive engine, in the order they are to appear. */
  exhaustive: readonly ExplorePairResult[];
  /** Name of the whole report (the root's `name`); `cascade` when not given. */
  name?: string;
  /**
   * When the check ran, put on every `<testsuite>` as given; ISO 8601 without zone or fraction
   * (`2024-05-01T12:00:00`) is what Ant writes and every reader parses. Absent when not given, to keep
   * the output deterministic.
   */
  timestamp?: string;
}

type Engine = 'random' | 'exhaustive';

/** One `<testcase>`, already put into words. */
interface Case {
  property: string;
  variant: string;
  /** Whole milliseconds, so that a suite's time is exactly the sum of its cases' times. */
  ms: number;
  failure: { message: string; body: string } | null;
  out: string;
}

/** One `<testsuite>`: the cases of one suite run by one engine. */
interface Group {
  suite: string;
  engine: Engine;
  suiteFile: string | undefined;
  cases: Case[];
}

/**
 * The JUnit XML report of both engines' results: random-engine suites first, then exhaustive ones,
 * each suite where its first pair appears in the input and its cases in input order (pairs of one
 * suite that are not adjacent in the input are gathered into that suite's one `<testsuite>`).
 */
export function junitXml(input: JunitInput): string {
  const groups = new Map<string, Group>();
  const add = (suite: string, engine: Engine, suiteFile: string | undefined, c: Case): void => {
    const key = `${engine}\u0000${suite}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { suite, engine, suiteFile, cases: [] };
      groups.set(key, group);
    }
    group.suiteFile ??= suiteFile;
    group.cases.push(c);
  };
  for (const r of input.random) add(r.suite, 'random', r.suiteFile, randomCase(r));
  for (const r of input.exhaustive) add(r.suite, 'exhaustive', r.suiteFile, exhaustiveCase(r));

  const all = [...groups.values()];
  const failures = (g: Group): number => g.cases.filter((c) => c.failure !== null).length;
  const ms = (g: Group): number => g.cases.reduce((sum, c) => sum + c.ms, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes([
      ['name', input.name ?? 'cascade'],
      ['tests', String(all.reduce((n, g) => n + g.cases.length, 0))],
      ['failures', String(all.reduce((n, g) => n + failures(g), 0))],
      ['errors', '0'],
      ['time', seconds(all.reduce((n, g) => n + ms(g), 0))],
    ])}>`,
  ];
  for (const g of all) {
    lines.push(
      `  <testsuite${attributes([
        ['name', `${g.suite} (${g.engine} engine)`],
        ['tests', String(g.cases.length)],
        ['failures', String(failures(g))],
        ['errors', '0'],
        ['skipped', '0'],
        ['time', seconds(ms(g))],
        ['timestamp', input.timestamp],
      ])}>`,
      '    <properties>',
      property('suite', g.suite),
      property('engine', g.engine),
    );
    if (g.suiteFile !== undefined) lines.push(property('suiteFile', g.suiteFile));
    lines.push('    </properties>');
    for (const c of g.cases) {
      lines.push(
        `    <testcase${attributes([
          ['name', `${c.property} on ${c.variant}`],
          ['classname', `${g.suite}.${g.engine}`],
          ['time', seconds(c.ms)],
        ])}>`,
      );
      if (c.failure !== null) {
        lines.push(
          `      <failure${attributes([
            ['message', c.failure.message],
            ['type', FAILURE_TYPE],
          ])}>${text(c.failure.body)}</failure>`,
        );
      }
      lines.push(`      <system-out>${text(c.out)}</system-out>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/** The `type` of every failure: the verdict is not the one the suite expects. */
export const FAILURE_TYPE = 'UnmetExpectation';

function randomCase(r: PairResult): Case {
  const facts: [string, string | number | null][] = [
    ['verdict', r.verdict],
    ['expected', r.expected ?? 'none'],
    ['counterexample', r.counterexample ?? 'none'],
    ['saved', r.saved],
    ['eventsBeforeShrink', r.eventsBeforeShrink],
    ['eventsAfterShrink', r.eventsAfterShrink],
    ['replay', r.replay],
    ['runs', r.runs],
    ['triggeredRuns', r.triggeredRuns],
    ['coverage', `${r.coverage.cells}/${r.coverage.possible}`],
    ['trivial', String(trivialRuns(r))],
    ['seed', r.seed],
  ];
  const failure = r.met ? null : unmet(r, 'random', [`counterexample: ${r.counterexample ?? 'none'}`, `replay: ${r.replay}`]);
  const strength = `${r.runs.toLocaleString('en-US')} runs, coverage ${r.coverage.cells}/${r.coverage.possible} (kind x tick) cells${trivialRuns(r) ? ', trivial: no adversary event applied in any run' : ''}`;
  return { property: r.property, variant: r.variant, ms: wholeMs(r.ms), failure, out: output(r, 'random', facts, strength) };
}

function exhaustiveCase(r: ExplorePairResult): Case {
  const facts: [string, string | number | null][] = [
    ['verdict', r.verdict],
    ['expected', r.expected ?? 'none'],
    ['counterexample', r.counterexample ?? 'none'],
    ['saved', r.saved],
    ['eventsInCounterexample', r.eventsInCounterexample],
    ['shortest', r.counterexample === null ? null : String(r.shortest)],
    ['states', r.states],
    ['branchingStates', r.branchingStates],
    ['searchSize', searchSize(r)],
    ['transitions', r.transitions],
    ['depth', r.depth],
    ['stoppedBy', r.stoppedBy],
    ['horizon', r.bound.horizon],
    ['maxStates', r.bound.maxStates],
    ['scope', describeScope(r.scope)],
  ];
  const failure = r.met ? null : unmet(r, 'exhaustive', [`counterexample: ${r.counterexample ?? 'none'}`]);
  const size = searchSize(r);
  const strength = `${size === 'large' ? '' : `${size} search: `}${statesInWords(r)}`;
  return { property: r.property, variant: r.variant, ms: wholeMs(r.ms), failure, out: output(r, 'exhaustive', facts, strength) };
}

interface Verdicted {
  suite: string;
  property: string;
  variant: string;
  expected: 'holds' | 'violated' | null;
  verdict: string;
  met: boolean;
}

function unmet(r: Verdicted, engine: Engine, where: string[]): { message: string; body: string } {
  const message = `expected ${r.expected ?? 'none'}, got ${r.verdict}`;
  return { message, body: [`${r.property} on ${r.variant} (${r.suite}, ${engine} engine): ${message}.`, ...where].join('\n') };
}

/**
 * A sentence on the verdict, then the facts as `key: value` lines (null ones left out). A verdict
 * that holds says in the sentence what it rests on (`strength`: runs and coverage, or states, the
 * adversary's choice points and a search's size), so a reader sees it without reading the facts.
 */
function output(r: Verdicted, engine: Engine, facts: [string, string | number | null][], strength: string): string {
  const subject = `${r.property} on ${r.variant} (${r.suite}, ${engine} engine)`;
  const verdict = r.verdict === 'holds' || r.verdict === 'holds-within-horizon' ? `${r.verdict} (${strength})` : r.verdict;
  const sentence = !r.met
    ? `${subject}: expected ${r.expected ?? 'none'}, got ${verdict}.`
    : r.expected === null
      ? `${subject}: ${verdict}; the suite expects no verdict here.`
      : r.verdict === 'violated'
        ? `${subject}: violated, an expected violation.`
        : `${subject}: ${verdict}, as expected.`;
  return [sentence, ...facts.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`)].join('\n');
}

/** Whole non-negative milliseconds (a missing or negative duration reads as 0). */
function wholeMs(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
}

/** Seconds with three decimals, as JUnit writes them (`1.234`), from whole milliseconds. */
function seconds(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
}

function property(name: string, value: string): string {
  return `      <property${attributes([
    ['name', name],
    ['value', value],
  ])}/>`;
}

/** ` a="v" b="w"`, leaving out attributes whose value is undefined. */
function attributes(list: [string, string | undefined][]): string {
  return list
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => ` ${k}="${attribute(v)}"`)
    .join('');
}

/**
 * Characters XML 1.0 does not allow at all, not even as references: controls other than tab, line
 * feed and carriage return, lone surrogates, U+FFFE and U+FFFF. They are dropped, as no reader could
 * accept a document holding them.
 */
const ILLEGAL = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Character data: the markup characters as references, and a carriage return as one too, since a
 * parser would otherwise turn it into a line feed.
 */
function text(s: string): string {
  return s.replace(ILLEGAL, '').replace(/[&<>"'\r]/g, (c) => REFERENCES[c]);
}

/**
 * An attribute value between double quotes: as character data, and tab and line feed as references
 * too, since a parser would otherwise normalize them to spaces.
 */
function attribute(s: string): string {
  return s.replace(ILLEGAL, '').replace(/[&<>"'\t\n\r]/g, (c) => REFERENCES[c]);
}

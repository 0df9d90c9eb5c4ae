/**
 * Which fixes are enough, as the report's first answer: the minimal sets that hold every suite on
 * each base, then per suite its minimal sets and what each property needs, and where adding a fix
 * made a property fail. The appendix lists all 64 sets of each analysis with how each was judged.
 */
import { cell, type Block } from './blocks.ts';
import { depthWords, enoughPerBase, showSet, showSets } from './enough.ts';
import type { DeepCheckRecord, EnoughForAll, EnoughRecord } from '../results/enoughRecord.ts';
import { describeFixSetScope } from './fixSetScope.ts';
import { plural } from './format.ts';
import type { FixSetRecord } from '../results/results.ts';

/** Most worsenings listed on the main page. */
const WORSE_SHOWN = 6;

/** Minimal sets in a cell, the first four (the appendix has them all). */
function sets(list: readonly (readonly string[])[]): string {
  return list.length === 0 ? '**none** of the 64' : showSets(list, 4, (s) => `\`${s}\``);
}

/** Why a candidate failed at the deeper bound: its first check that did not hold, with the counterexample and the command that replays it. */
function failure(c: DeepCheckRecord | null): string {
  if (c === null) return 'no check failed';
  const where = `${c.suite} / \`${c.property}\``;
  if (c.counterexample)
    return `${where} violated in ${plural(c.counterexample.events, 'event')} (${c.counterexample.engine}${c.counterexample.shortest ? ', shortest' : ''}): \`${c.counterexample.replay}\``;
  return `${where}: no verdict (random ${c.random}, exhaustive ${c.exhaustive}${c.states === null ? '' : ` after ${c.states.toLocaleString('en-US')} states`})`;
}

export function fixSetsSection(records: readonly FixSetRecord[], appendix: string, enough: readonly EnoughRecord[], forAll: readonly EnoughForAll[]): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: 'Which fixes are enough' };
  if (records.length === 0) return [heading, { kind: 'paragraph', text: 'These results have no fix-set analysis (`cascade fixes` computes one).' }];
  const worse = records.flatMap((r) => r.worsenings.map((w) => ({ ...w, suite: r.suite, base: r.base })));
  const skipped = records.reduce((n, r) => n + r.skipped, 0);
  const checks = records.reduce((n, r) => n + r.sets.length * r.properties.length, 0);
  const perBase = enoughPerBase(records, enough, forAll);
  const verified = perBase.flatMap((b) => (b.verified ? [b.verified] : []));
  const analysed = `The subsets of the six fixes (64 per base) were checked against every property of every suite, smallest first, ${depthWords(records)} per set and property (the appendix gives each scope)`;
  const blocks: Block[] = [heading];
  if (verified.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: `${analysed}. A set is **enough** when every property holds on it by both engines at that depth; listed are the minimal ones: no proper subset of them is shown to hold, and dropping a fix fails a property with a counterexample that replays. A check no answer depends on was skipped (${skipped} of ${checks}: a proper subset already holds its property, and holds everything or the set fails elsewhere), so "enough" names these sets, not their supersets.`,
    });
  } else {
    const searched = verified.reduce((n, v) => n + v.verified.length, 0);
    const candidates = verified.reduce((n, v) => n + v.candidates, 0);
    const supersets = verified.reduce((n, v) => n + v.skipped, 0);
    blocks.push({
      kind: 'paragraph',
      text: `Enough for every suite, ${depthWords(perBase.flatMap((b) => b.depth))}: the sets below hold every property of every suite by both engines at that depth, and no proper subset of them does. They were found in two stages. ${analysed}: a set violated there is violated at the deeper bound too (a sequence within the shorter horizon is one within the longer, and a random counterexample is a real one), so only the ${plural(candidates, 'set')} it did not violate were candidates${verified.some((v) => !v.narrowed) ? ' (every set, on a base where the shallower bound is not within the deeper)' : ''}. Stage 2 searched ${plural(searched, 'candidate')} again at the deeper bound, smallest first, and skipped ${plural(supersets, 'proper superset')} of a set it had shown to hold (such a set cannot be minimal).`,
    });
  }
  blocks.push({
    kind: 'table',
    className: 'fixsets',
    header: ['base', 'enough for every suite'],
    rows: perBase.map((b) => [cell(`\`${b.base}\``), cell(sets(b.sets), 'enough')]),
  });
  const failed = verified.flatMap((v) => v.verified.filter((s) => s.outcome !== 'holds').map((s) => ({ base: v.base, set: s })));
  if (failed.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Candidates that held at the shallower bound, or had no verdict there, and failed at the deeper one (${failed.length}):`,
    });
    blocks.push({ kind: 'list', ordered: false, items: failed.map(({ base, set }) => `\`${base}\` \`${showSet(set.fixes)}\`: ${failure(set.failed)}`) });
  }
  blocks.push(
    { kind: 'heading', level: 3, text: `Per suite, at the ${[...new Set(records.map((r) => r.budget))].join(' or ')} bound` },
    {
      kind: 'table',
      className: 'fixsets',
      header: ['suite', 'base', `enough for the suite, ${depthWords(records)}`, 'what each property needs'],
      rows: records.map((r) => [
        cell(r.suite),
        cell(`\`${r.base}\``),
        cell(sets(r.minimal)),
        cell(
          Object.entries(r.perProperty)
            .map(
              ([p, x]) =>
                `\`${p}\`: ${x.minimal.length === 0 ? 'no set holds it' : x.needs.length > 0 ? `needs ${x.needs.map((f) => `\`${f}\``).join(' and ')}` : x.minimal.length === 1 && x.minimal[0]!.length === 0 ? 'holds with no fix' : `any of ${x.minimal.length} sets`}`,
            )
            .join('\n'),
        ),
      ]),
    },
  );
  const unmet = records.flatMap((r) => r.unmet.map((u) => `${r.suite}: \`${u.property}\` on \`${u.variant}\` expected ${u.expected}, found ${u.outcome}`));
  if (unmet.length > 0)
    blocks.push({ kind: 'paragraph', className: 'warning', text: `⚠ The analysis disagrees with a suite's expectation: ${unmet.join('; ')}.` });
  if (worse.length === 0) {
    const settled = skipped === 0 && records.every((r) => r.sets.every((s) => s.outcome !== 'unknown'));
    blocks.push({
      kind: 'paragraph',
      text: settled
        ? 'No fix made a property fail that held without it: within these bounds the fixes are monotone, so any superset of a set that is enough is enough.'
        : 'No fix made a property fail that held without it, among the checks made; not every superset was checked, so this does not show that the fixes are monotone.',
    });
    return blocks;
  }
  blocks.push(
    {
      kind: 'paragraph',
      className: 'warning',
      text: `⚠ The fixes are not monotone: in ${worse.length} place${worse.length === 1 ? '' : 's'} adding a fix made a property fail that held without it, so a superset of a set that is enough is not always enough${worse.length > WORSE_SHOWN ? ` (the first ${WORSE_SHOWN}; all in the [appendix](${appendix}))` : ''}:`,
    },
    {
      kind: 'list',
      ordered: false,
      items: worse.slice(0, WORSE_SHOWN).map((w) => `${w.suite} on \`${w.base}\`: \`${showSet(w.from)}\` + \`${w.added}\` breaks \`${w.property}\``),
    },
  );
  return blocks;
}

/**
 * The appendix part: every set of every analysis with each property's outcome and how it was judged,
 * then (where the results have it) every candidate searched again at the deeper bound, with each
 * check it made.
 */
export function fixSetsAppendix(records: readonly FixSetRecord[], enough: readonly EnoughRecord[] = []): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Fix sets: every subset' },
    {
      kind: 'paragraph',
      text: '✓ holds (the random engine found no violation and the exhaustive search reached a verdict), ✗ violated (the shortest counterexample found, its length, and the command that replays it), ? no verdict (vacuous, or a bound stopped the search), · skipped: no answer depends on it (a proper subset, named, already holds the property, and holds everything or the set fails elsewhere); a skipped check is never counted as holding.',
    },
  ];
  for (const r of records) {
    blocks.push({ kind: 'heading', level: 3, text: `${r.suite} on ${r.base}, at the ${r.budget} bound` });
    blocks.push({
      kind: 'paragraph',
      text: `Random engine: ${describeFixSetScope(r).random}. Exhaustive engine: ${describeFixSetScope(r).exhaustive}. ${r.skipped} checks skipped${r.notSearched > 0 ? `, ${r.notSearched} violated by the random engine not searched` : ''}${r.reused > 0 ? `, ${r.reused} searches taken from the suite sections (the same bound, scope and runs)` : ''}; ${(r.ms / 1000).toFixed(1)} s of searches.`,
    });
    if (r.worsenings.length > 0)
      blocks.push({ kind: 'list', ordered: false, items: r.worsenings.map((w) => `\`${showSet(w.from)}\` + \`${w.added}\` breaks \`${w.property}\``) });
    blocks.push({
      kind: 'table',
      className: 'fixgrid',
      header: ['fixes', ...r.properties.map((p) => `\`${p}\``)],
      rows: r.sets.map((s) => [
        cell(showSet(s.fixes), r.minimal.some((m) => m.join('+') === s.fixes.join('+')) ? 'enough' : undefined),
        ...s.checks.map((c) => {
          if (c.outcome === 'violated')
            return cell(
              `✗ ${c.counterexample!.events} ev`,
              'violated',
              `${c.counterexample!.engine}${c.counterexample!.shortest ? ', shortest' : ''}: ${c.counterexample!.replay}`,
            );
          if (c.outcome === 'holds') return cell('✓', 'holds', `random ${c.random}; exhaustive ${c.exhaustive}`);
          if (c.skipped)
            return cell(
              '·',
              undefined,
              `skipped: ${showSet(c.skipped.subset)} already holds it${c.skipped.fails ? `, and this set fails ${c.skipped.fails.suite} / ${c.skipped.fails.property}` : ', and everything'}`,
            );
          return cell('?', 'bound', `random ${c.random}; exhaustive ${c.exhaustive}`);
        }),
      ]),
    });
  }
  for (const e of enough) {
    blocks.push({ kind: 'heading', level: 3, text: `Enough for every suite on ${e.base}: the candidates searched at the ${e.budget} bound` });
    blocks.push({
      kind: 'paragraph',
      text: `${depthWords(e.suites)}. ${plural(e.candidates, 'candidate')} (the sets the ${e.from} bound did not violate${e.narrowed ? '' : '; here every set, as that bound is not within this one'}), ${e.verified.length} searched smallest first, ${e.skipped} skipped as proper supersets of a set shown to hold; ${e.reused} searches taken from those made already; ${(e.ms / 1000).toFixed(1)} s of searches. A candidate's checks stop at the first batch in which one does not hold.`,
    });
    blocks.push({
      kind: 'table',
      className: 'fixgrid',
      header: ['fixes', 'outcome', 'checks made'],
      rows: e.verified.map((v) => [
        cell(showSet(v.fixes), v.outcome === 'holds' ? 'enough' : undefined),
        cell(
          v.outcome === 'holds' ? '✓ holds' : v.outcome === 'violated' ? '✗ violated' : '? no verdict',
          v.outcome === 'holds' ? 'holds' : v.outcome === 'violated' ? 'violated' : 'bound',
        ),
        cell(
          v.outcome === 'holds'
            ? `${plural(v.checks.length, 'check')}, every one holding (random and exhaustive)`
            : `${plural(v.checks.length, 'check')}; first failed: ${failure(v.failed)}`,
        ),
      ]),
    });
  }
  return blocks;
}

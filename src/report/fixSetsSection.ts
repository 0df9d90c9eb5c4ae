/**
 * Which fixes are enough, as the report's first answer: the minimal sets that hold every suite on
 * each base, then per suite its minimal sets and what each property needs, and where adding a fix
 * made a property fail. The appendix lists all 64 sets of each analysis with how each was judged.
 */
import { BASES } from '../model/index.ts';
import { cell, type Block } from './blocks.ts';
import { depthWords, enoughForAll, showSet, showSets } from './enough.ts';
import type { FixSetRecord } from './results.ts';

/** Most worsenings listed on the main page. */
const WORSE_SHOWN = 6;

/** Minimal sets in a cell, the first four (the appendix has them all). */
function sets(list: readonly (readonly string[])[]): string {
  return list.length === 0 ? '**none** of the 64' : showSets(list, 4, (s) => `\`${s}\``);
}

export function fixSetsSection(records: readonly FixSetRecord[], appendix: string): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: 'Which fixes are enough' };
  if (records.length === 0) return [heading, { kind: 'paragraph', text: 'These results have no fix-set analysis (`cascade fixes` computes one).' }];
  const bases = BASES.filter((b) => records.some((r) => r.base === b));
  const worse = records.flatMap((r) => r.worsenings.map((w) => ({ ...w, suite: r.suite, base: r.base })));
  const skipped = records.reduce((n, r) => n + r.skipped, 0);
  const checks = records.reduce((n, r) => n + r.sets.length * r.properties.length, 0);
  const blocks: Block[] = [
    heading,
    {
      kind: 'paragraph',
      text: `The subsets of the six fixes (64 per base) were checked against every property of every suite, smallest first, ${depthWords(records)} per set and property (the appendix gives each scope). A set is **enough** when every property holds on it by both engines at that depth; listed are the minimal ones: no proper subset of them is shown to hold, and dropping a fix fails a property with a counterexample that replays. A check no answer depends on was skipped (${skipped} of ${checks}: a proper subset already holds its property, and holds everything or the set fails elsewhere), so "enough" names these sets, not their supersets.`,
    },
    {
      kind: 'table',
      className: 'fixsets',
      header: ['base', 'enough for every suite'],
      rows: bases.map((b) => [cell(`\`${b}\``), cell(sets(enoughForAll(records.filter((r) => r.base === b))), 'enough')]),
    },
    {
      kind: 'table',
      className: 'fixsets',
      header: ['suite', 'base', 'enough for the suite', 'what each property needs'],
      rows: records.map((r) => [
        cell(r.suite),
        cell(`\`${r.base}\``),
        cell(sets(r.minimal)),
        cell(
          Object.entries(r.perProperty)
            .map(([p, x]) => `\`${p}\`: ${x.minimal.length === 0 ? 'no set holds it' : x.needs.length > 0 ? `needs ${x.needs.map((f) => `\`${f}\``).join(' and ')}` : x.minimal.length === 1 && x.minimal[0]!.length === 0 ? 'holds with no fix' : `any of ${x.minimal.length} sets`}`)
            .join('\n'),
        ),
      ]),
    },
  ];
  const unmet = records.flatMap((r) => r.unmet.map((u) => `${r.suite}: \`${u.property}\` on \`${u.variant}\` expected ${u.expected}, found ${u.outcome}`));
  if (unmet.length > 0) blocks.push({ kind: 'paragraph', className: 'warning', text: `⚠ The analysis disagrees with a suite's expectation: ${unmet.join('; ')}.` });
  if (worse.length === 0) {
    const settled = skipped === 0 && records.every((r) => r.sets.every((s) => s.outcome !== 'unknown'));
    blocks.push({ kind: 'paragraph', text: settled ? 'No fix made a property fail that held without it: within these bounds the fixes are monotone, so any superset of a set that is enough is enough.' : 'No fix made a property fail that held without it, among the checks made; not every superset was checked, so this does not show that the fixes are monotone.' });
    return blocks;
  }
  blocks.push(
    {
      kind: 'paragraph',
      className: 'warning',
      text: `⚠ The fixes are not monotone: in ${worse.length} place${worse.length === 1 ? '' : 's'} adding a fix made a property fail that held without it, so a superset of a set that is enough is not always enough${worse.length > WORSE_SHOWN ? ` (the first ${WORSE_SHOWN}; all in the [appendix](${appendix}))` : ''}:`,
    },
    { kind: 'list', ordered: false, items: worse.slice(0, WORSE_SHOWN).map((w) => `${w.suite} on \`${w.base}\`: \`${showSet(w.from)}\` + \`${w.added}\` breaks \`${w.property}\``) },
  );
  return blocks;
}

/** The appendix part: every set of every analysis with each property's outcome and how it was judged. */
export function fixSetsAppendix(records: readonly FixSetRecord[]): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Fix sets: every subset' },
    {
      kind: 'paragraph',
      text: '✓ holds (the random engine found no violation and the exhaustive search reached a verdict), ✗ violated (the shortest counterexample found, its length, and the command that replays it), ? no verdict (vacuous, or a bound stopped the search), · skipped: no answer depends on it (a proper subset, named, already holds the property, and holds everything or the set fails elsewhere); a skipped check is never counted as holding.',
    },
  ];
  for (const r of records) {
    blocks.push({ kind: 'heading', level: 3, text: `${r.suite} on ${r.base}` });
    blocks.push({ kind: 'paragraph', text: `Random engine: ${r.scope.random}. Exhaustive engine: ${r.scope.exhaustive}. ${r.skipped} checks skipped${r.notSearched > 0 ? `, ${r.notSearched} violated by the random engine not searched` : ''}${r.reused > 0 ? `, ${r.reused} searches taken from the suite sections (the same bound, scope and runs)` : ''}; ${(r.ms / 1000).toFixed(1)} s of searches.` });
    if (r.worsenings.length > 0) blocks.push({ kind: 'list', ordered: false, items: r.worsenings.map((w) => `\`${showSet(w.from)}\` + \`${w.added}\` breaks \`${w.property}\``) });
    blocks.push({
      kind: 'table',
      className: 'fixgrid',
      header: ['fixes', ...r.properties.map((p) => `\`${p}\``)],
      rows: r.sets.map((s) => [
        cell(showSet(s.fixes), r.minimal.some((m) => m.join('+') === s.fixes.join('+')) ? 'enough' : undefined),
        ...s.checks.map((c) => {
          if (c.outcome === 'violated') return cell(`✗ ${c.counterexample!.events} ev`, 'violated', `${c.counterexample!.engine}${c.counterexample!.shortest ? ', shortest' : ''}: ${c.counterexample!.replay}`);
          if (c.outcome === 'holds') return cell('✓', 'holds', `random ${c.random}; exhaustive ${c.exhaustive}`);
          if (c.skipped) return cell('·', undefined, `skipped: ${showSet(c.skipped.subset)} already holds it${c.skipped.fails ? `, and this set fails ${c.skipped.fails.suite} / ${c.skipped.fails.property}` : ', and everything'}`);
          return cell('?', 'bound', `random ${c.random}; exhaustive ${c.exhaustive}`);
        }),
      ]),
    });
  }
  return blocks;
}

/**
 * The whole report as blocks in reading order, two pages: the first answers the review (the finding,
 * which fixes are enough, the verdicts, the population next to the record, how the base protocols
 * fail); the appendix holds every detail. Both renderers share one structure.
 */
import { VERSION } from '../version.ts';
import { assumptionsSection } from './assumptionsSection.ts';
import type { Block } from './blocks.ts';
import { counterexamplesSection } from './counterexampleSection.ts';
import type { CounterexampleSet } from './counterexamples.ts';
import { buildMatrix } from './matrix.ts';
import { matrixSection } from './matrixSection.ts';
import { populationSection } from './populationSection.ts';
import type { Results } from '../results/results.ts';
import { exhaustiveSection, ratioSection } from './searchSection.ts';
import { slug } from './slug.ts';
import { summarize } from './summary.ts';
import { compactMatrixSection } from './compactMatrixSection.ts';
import { finding } from './finding.ts';
import { fixSetsAppendix, fixSetsSection } from './fixSetsSection.ts';
import { representativeSection } from './representativeSection.ts';
import { describeStamp, type ReportStamp } from './stamp.ts';

export const TITLE = 'Design review: the supernode/login cascade and its fixes';
export const APPENDIX_TITLE = 'Design review, appendix: every verdict, search and counterexample';

/** Where the main page links to the appendix; each renderer puts its own file name in (appendix.md or appendix.html). */
export const APPENDIX_LINK = '@appendix@';
/** Where the appendix links back to the first page. */
export const REPORT_LINK = '@report@';

/** The report: a first page a reviewer reads in five minutes, and the appendix with everything else. */
export interface ReportDocument {
  main: Block[];
  appendix: Block[];
}

/**
 * `counterexamples`: those the report explains, prepared by the runner (runner/counterexampleDirs.ts);
 * `stamp`: when, from which commit and on which machine the report is written (stamp.ts), said under
 * the title of both pages.
 */
export function buildDocument(results: Results, counterexamples: CounterexampleSet, outDir: string, stamp: ReportStamp): ReportDocument {
  const matrix = buildMatrix(results);
  const summary = summarize(matrix, results);
  // With no verdict at all, the finding's first and last lines would count nothing as found and met.
  const lines = results.random.length + results.exhaustive.length > 0 ? finding(results) : [finding(results)[1]];
  const meta: Block = {
    kind: 'paragraph',
    className: 'meta',
    text: `cascade ${results.tool.version}, model ${VERSION}, Node ${results.tool.node}, \`${results.budget}\` budget. A model checker for the supernode/login protocol of the peer-to-peer voice network that collapsed in 2007 (login flood after a mass reboot) and 2010 (client crash on late offline-message replies, cascading through supernode overload).`,
  };
  // One line of its own, so that a comparison of two reports can set it aside as it does timings.
  const written: Block = { kind: 'paragraph', className: 'meta stamp', text: describeStamp(stamp) };
  const main = {
    fixes: fixSetsSection(results.fixSets, `${APPENDIX_LINK}#${slug('Fix sets: every subset')}`, results.enough ?? [], results.enoughForAll),
    matrix: compactMatrixSection(matrix, outDir, `${APPENDIX_LINK}#${slug('The matrix: variants by properties')}`),
    population: populationSection(results.scenarios, results.fidelity),
    failures: representativeSection(counterexamples, outDir, `${APPENDIX_LINK}#${slug('The counterexamples')}`),
  };
  const appendix = {
    assumptions: assumptionsSection(results),
    matrix: [...matrixSection(matrix, outDir), ...exhaustiveSection(results, outDir), ...ratioSection(results)],
    fixes: fixSetsAppendix(results.fixSets, results.enough),
    counterexamples: counterexamplesSection(counterexamples, outDir),
  };
  return {
    main: [
      { kind: 'heading', level: 1, text: TITLE },
      meta,
      written,
      {
        kind: 'group',
        className: 'summary',
        blocks: [
          { kind: 'heading', level: 2, text: 'The finding' },
          { kind: 'list', ordered: false, items: lines.map((l) => l.replace(/^Finding: /, '')) },
          { kind: 'paragraph', text: summary.headline },
          { kind: 'paragraph', className: summary.allMet ? 'status' : 'warning', text: summary.status },
        ],
      },
      { kind: 'paragraph', text: `Contents: ${contents(main)} · [Appendix](${APPENDIX_LINK}): ${contents(appendix, APPENDIX_LINK)}` },
      ...main.fixes,
      ...main.matrix,
      ...main.population,
      ...main.failures,
    ],
    appendix: [
      { kind: 'heading', level: 1, text: APPENDIX_TITLE },
      meta,
      written,
      { kind: 'paragraph', text: `The first page: [${TITLE}](${REPORT_LINK}). Contents: ${contents(appendix)}` },
      ...appendix.assumptions,
      ...appendix.matrix,
      ...appendix.fixes,
      ...appendix.counterexamples,
    ],
  };
}

/** Links to the level-2 headings of some sections. */
function contents(sections: Record<string, Block[]>, page = ''): string {
  return Object.values(sections)
    .flatMap((blocks) => blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2))
    .map((h) => `[${h.text}](${page}#${slug(h.text)})`)
    .join(' · ');
}

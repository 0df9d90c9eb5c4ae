/**
 * The whole report as blocks in reading order, so that the summary and the table of contents come
 * first and both renderers share one structure.
 */
import { VERSION } from '../version.ts';
import { assumptionsSection } from './assumptionsSection.ts';
import type { Block } from './blocks.ts';
import { counterexamplesSection } from './counterexampleSection.ts';
import type { CounterexampleSet } from './counterexamples.ts';
import { buildMatrix } from './matrix.ts';
import { matrixSection } from './matrixSection.ts';
import { populationSection } from './populationSection.ts';
import type { FidelityReport } from '../runner/fidelity.ts';
import type { Results } from './results.ts';
import { exhaustiveSection, ratioSection } from './searchSection.ts';
import { slug } from './slug.ts';
import { summarize } from './summary.ts';

export const TITLE = 'Design review: the supernode/login cascade and its fixes';

export function buildDocument(results: Results, counterexamples: CounterexampleSet, fidelity: FidelityReport, outDir: string): Block[] {
  const matrix = buildMatrix(results);
  const summary = summarize(matrix, results);
  const sections = {
    assumptions: assumptionsSection(results),
    matrix: [...matrixSection(matrix, outDir), ...exhaustiveSection(results, outDir), ...ratioSection(results)],
    counterexamples: counterexamplesSection(counterexamples, outDir),
    population: populationSection(results.scenarios, fidelity),
  };
  const contents = Object.values(sections)
    .map((blocks) => blocks.find((b) => b.kind === 'heading'))
    .filter((b): b is Extract<Block, { kind: 'heading' }> => b !== undefined)
    .map((h) => `[${h.text}](#${slug(h.text)})`);
  return [
    { kind: 'heading', level: 1, text: TITLE },
    {
      kind: 'paragraph',
      className: 'meta',
      text: `cascade ${results.tool.version}, model ${VERSION}, Node ${results.tool.node}, \`${results.budget}\` budget. A model checker for the supernode/login protocol of the peer-to-peer voice network that collapsed in 2007 (login flood after a mass reboot) and 2010 (client crash on late offline-message replies, cascading through supernode overload).`,
    },
    {
      kind: 'group',
      className: 'summary',
      blocks: [
        { kind: 'heading', level: 2, text: 'What a reviewer sees first' },
        { kind: 'paragraph', text: summary.headline },
        { kind: 'list', ordered: false, items: summary.suites },
        { kind: 'paragraph', className: summary.allMet ? 'status' : 'warning', text: summary.status },
      ],
    },
    { kind: 'paragraph', text: `Contents: ${contents.join(' · ')}` },
    ...sections.assumptions,
    ...sections.matrix,
    ...sections.counterexamples,
    ...sections.population,
  ];
}

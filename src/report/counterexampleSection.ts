/**
 * One part per committed counterexample (violation, numbered narrative, sequence diagram, metrics
 * chart), so a reviewer can follow each failure without running the tool.
 */
import { cell, type Block } from './blocks.ts';
import { counterexampleChart } from './counterexampleChart.ts';
import type { CounterexampleSet, ExplainedCounterexample } from './counterexamples.ts';
import { count, plural } from './format.ts';
import { linkFrom } from './links.ts';
import { replayCommand } from '../trace/commandLine.ts';
import { sequenceDiagram } from './sequenceDiagram.ts';
import { slug } from './slug.ts';

/** Narratives longer than this start folded in the HTML report. */
const OPEN_NARRATIVE = 16;

export function counterexamplesSection(set: CounterexampleSet, outDir: string): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'The counterexamples' },
    {
      kind: 'paragraph',
      text: `${plural(set.loaded.length, 'counterexample')} committed under \`counterexamples/\`, each replayed from its events alone. Each shows the numbered narrative, the messages between clients, supernodes (SN = slot, hosted by the peer of the same number), the login server and the offline-message servers per tick, and the metrics on its own variant next to a variant its suite expects to hold, on the same events.`,
    },
  ];
  if (set.problems.length > 0)
    blocks.push({ kind: 'paragraph', className: 'warning', text: `⚠ Not shown (could not be loaded or replayed): ${set.problems.join('; ')}` });
  if (set.loaded.length > 0) blocks.push(indexTable(set.loaded, outDir));
  for (const [i, c] of set.loaded.entries()) blocks.push(part(c, i, outDir));
  return blocks;
}

function title(c: ExplainedCounterexample): string {
  return `${c.file.suite}: ${c.file.property} on ${c.file.variant}`;
}

function indexTable(loaded: ExplainedCounterexample[], outDir: string): Block {
  return {
    kind: 'table',
    header: ['suite', 'property', 'variant', 'events', 'engine', 'violation', 'file'],
    rows: loaded.map((c, i) => [
      cell(c.file.suite),
      cell(`\`${c.file.property}\``),
      cell(`[\`${c.file.variant}\`](#${slug(heading(c, i))})`),
      cell(String(c.file.events.length)),
      cell(c.file.engine),
      cell(`step ${c.file.violation.step + 1}: ${c.file.violation.message}`),
      cell(`[json](${linkFrom(outDir, c.path)})`),
    ]),
  };
}

function heading(c: ExplainedCounterexample, index: number): string {
  return `${index + 1}. ${title(c)}`;
}

function part(c: ExplainedCounterexample, index: number, outDir: string): Block {
  const { file } = c;
  const v = c.violation;
  const found =
    file.engine === 'random'
      ? `found by the random engine (seed ${file.seed}${file.shrink ? `, shrunk from ${file.shrink.eventsBeforeShrink} to ${file.shrink.eventsAfterShrink} events` : ''})`
      : `found by the exhaustive engine (a shortest one${file.search ? `, ${count(file.search.states)} states searched` : ''})`;
  const replayed = c.reproduces ? 'replays to the same step and sentence' : '⚠ does not replay as recorded';
  const suiteFile = c.suiteFile;
  const from =
    suiteFile === undefined
      ? ''
      : ` Property of the user suite \`${file.suite}\` from the suite file \`${suiteFile}\`: ${c.ownPropertySummary ?? 'a built-in property'}.`;
  const steps = c.narrative;
  const narrative = steps.map((s) => {
    const m = s.metrics;
    const mark = v?.step === s.index ? ' **← violation**' : '';
    return `[t=${m.tick}] ${s.text} — live ${m.liveSupernodes}, online ${m.onlineClients}/${m.wantOnline}, queue ${m.loginQueue}, crashes ${m.crashes}, shutdowns ${m.overloadShutdowns}${mark}`;
  });
  const chartFile = `charts/cx-${String(index + 1).padStart(2, '0')}-${file.suite}--${file.property}--${file.variant}.svg`;
  return {
    kind: 'group',
    className: 'counterexample',
    blocks: [
      { kind: 'heading', level: 3, text: heading(c, index) },
      {
        kind: 'paragraph',
        text: `**${file.violation.message}** at step ${file.violation.step + 1} of ${file.events.length} events${c.healTicks > 0 ? ` and ${c.healTicks} heal ticks` : ''}; ${found}; ${replayed}. File [${c.path}](${linkFrom(outDir, c.path)}); replay with \`${replayCommand(c.path, suiteFile)}\`${c.comparison ? ` (add \`--variant ${c.comparison}\` to see it hold)` : ''}.${from}`,
      },
      {
        kind: 'details',
        summary: `Narrative: ${steps.length} steps`,
        open: steps.length <= OPEN_NARRATIVE,
        blocks: [{ kind: 'list', ordered: true, items: narrative, className: 'narrative' }],
      },
      { kind: 'mermaid', source: sequenceDiagram(c.diagram) },
      { kind: 'charts', charts: [counterexampleChart(c, chartFile)] },
    ],
  };
}

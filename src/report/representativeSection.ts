/**
 * One representative counterexample per (suite, property) on the suite's base protocol, for the
 * first page: what fails at which step, how it was found, the command that replays it, and its
 * sequence diagram kept short. Every counterexample is explained in full in the appendix.
 */
import { BASES } from '../model/variant.ts';
import type { Block } from './blocks.ts';
import type { CounterexampleSet, ExplainedCounterexample } from './counterexamples.ts';
import { linkFrom } from './links.ts';
import { sequenceDiagram } from './sequenceDiagram.ts';
import { replayCommand } from '../trace/commandLine.ts';

/** Lines of a diagram on the first page (the appendix allows more). */
export const FIRST_PAGE_LINES = 26;

/** The counterexamples on a base variant, one per (suite, property), the exhaustive engine's (shortest) when both exist. */
export function representatives(set: CounterexampleSet): ExplainedCounterexample[] {
  const chosen = new Map<string, ExplainedCounterexample>();
  for (const c of set.loaded) {
    if (!(BASES as readonly string[]).includes(c.file.variant)) continue;
    const key = `${c.file.suite}/${c.file.property}`;
    const had = chosen.get(key);
    if (!had || c.file.events.length < had.file.events.length) chosen.set(key, c);
  }
  return [...chosen.values()];
}

export function representativeSection(set: CounterexampleSet, outDir: string, appendix: string): Block[] {
  const chosen = representatives(set);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'How the base protocols fail' },
    {
      kind: 'paragraph',
      text: `One counterexample per suite and property on its base protocol, the shortest committed: the messages between clients, supernodes (SN = slot), the login server and the offline-message servers per tick, the faults and the violation as notes; quiet ticks are skipped and long runs grouped. Narratives, charts and all ${set.loaded.length} counterexamples are in the [appendix](${appendix}).`,
    },
  ];
  for (const c of chosen) {
    const { file } = c;
    const found =
      file.engine === 'exhaustive'
        ? 'a shortest counterexample (exhaustive engine)'
        : `found by the random engine${file.shrink ? `, shrunk from ${file.shrink.eventsBeforeShrink} to ${file.shrink.eventsAfterShrink} events` : ''}`;
    blocks.push({
      kind: 'group',
      className: 'representative',
      blocks: [
        { kind: 'heading', level: 3, text: `${file.suite}: ${file.property} on ${file.variant}` },
        {
          kind: 'paragraph',
          text: `**${file.violation.message}** at step ${file.violation.step + 1}, after ${file.events.length} event${file.events.length === 1 ? '' : 's'}; ${found}. [File](${linkFrom(outDir, c.path)}); replay: \`${replayCommand(c.path, c.suiteFile)}\`.`,
        },
        { kind: 'mermaid', source: sequenceDiagram(c.diagram, FIRST_PAGE_LINES) },
      ],
    });
  }
  return blocks;
}

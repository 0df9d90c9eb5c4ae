/**
 * The engines' own tables (exhaustive results, and random against shortest counterexample lengths), so
 * a reviewer sees how much each verdict is worth.
 */
import type { Block } from './blocks.ts';
import { cell } from './blocks.ts';
import { count, duration } from './format.ts';
import { linkFrom } from './links.ts';
import { pairOrder } from './matrix.ts';
import type { Results } from '../results/results.ts';
import { FEW_ADVERSARY_STATES, searchSize, SMALL_SEARCH_STATES } from './strength.ts';

export function exhaustiveSection(results: Results, outDir: string): Block[] {
  const rows = [...results.exhaustive].sort(pairOrder(results.suites)).map((e) => {
    const stopped =
      e.stoppedBy === 'complete'
        ? 'complete (every reachable state)'
        : e.stoppedBy === 'violation'
          ? 'violation'
          : e.stoppedBy === 'horizon'
            ? 'horizon'
            : `${e.stoppedBy} bound`;
    const verdictClass = e.verdict === 'violated' ? 'violated' : e.verdict === 'bound-reached' ? 'bound' : 'holds';
    return [
      cell(e.suite),
      cell(`\`${e.property}\``),
      cell(`\`${e.variant}\``),
      cell(`**${e.verdict}**${e.met ? '' : `\n⚠ expected ${e.expected}`}`, e.met ? verdictClass : `${verdictClass} mismatch`),
      cell(`${count(e.states)}${e.verdict === 'bound-reached' || searchSize(e) === 'large' ? '' : ` (${searchSize(e)})`}`),
      cell(count(e.branchingStates)),
      cell(`${e.bound.horizon} (+${e.healTicks} heal)`),
      cell(`≤ ${count(e.bound.maxStates)}`),
      cell(stopped),
      cell(duration(e.ms)),
      cell(e.counterexample ? `[${e.eventsInCounterexample} events](${linkFrom(outDir, e.counterexample)})` : '—'),
    ];
  });
  return [
    { kind: 'heading', level: 3, text: 'Exhaustive search' },
    {
      kind: 'paragraph',
      text:
        "Breadth-first over every event sequence of the suite's kinds in which the adversary acts within the tick horizon, each followed by its heal phase, so a counterexample found is a shortest one. `holds` means the reachable state space closed (every sequence, of any length); `holds-within-horizon` covers every sequence whose adversary acts within the horizon; `bound-reached` means the state or memory bound stopped the search first and gives no verdict. States are 64-bit fingerprints: the chance that a collision hid one is in the CLI output and results.json. " +
        `*Adversary acts in*: the states in which the adversary could still act, its choice points (the rest follow ticks only). A search under ${count(SMALL_SEARCH_STATES)} states, or with the adversary acting in under ${FEW_ADVERSARY_STATES}, is marked *small*; one in which the adversary could act nowhere, *trivial*.`,
    },
    rows.length === 0
      ? { kind: 'paragraph', text: 'No exhaustive search in these results.' }
      : {
          kind: 'table',
          header: [
            'suite',
            'property',
            'variant',
            'verdict',
            'states',
            'adversary acts in',
            'horizon (ticks)',
            'state bound',
            'stopped by',
            'time',
            'counterexample',
          ],
          rows,
        },
  ];
}

export function ratioSection(results: Results): Block[] {
  const rows = [...results.ratios]
    .sort(pairOrder(results.suites))
    .map((r) => [
      cell(r.suite),
      cell(`\`${r.property}\``),
      cell(`\`${r.variant}\``),
      cell(String(r.random)),
      cell(String(r.shortest)),
      cell(r.ratio.toFixed(2)),
    ]);
  const mean = rows.length > 0 ? results.ratios.reduce((s, r) => s + r.ratio, 0) / rows.length : 0;
  return [
    { kind: 'heading', level: 3, text: 'Random against shortest counterexamples' },
    {
      kind: 'paragraph',
      text:
        rows.length === 0
          ? 'No pair was violated by both engines, so there is nothing to compare.'
          : `For each pair both engines violated: the random engine's shrunk and minimized counterexample against the shortest that exists. Mean ratio ${mean.toFixed(2)} (1.00 means the random engine found a shortest one).`,
    },
    ...(rows.length === 0 ? [] : [{ kind: 'table' as const, header: ['suite', 'property', 'variant', 'random (events)', 'shortest (events)', 'ratio'], rows }]),
  ];
}

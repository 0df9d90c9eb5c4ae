/**
 * What was checked and under which assumptions (per suite: concern, assumptions, adversary, bounds,
 * both engines' budgets; the properties; the versions), so that no verdict is read out of context.
 */
import { lookup } from '../model/lookup.ts';
import { PROPERTIES } from '../propertyLanguage/builtIn.ts';
import { VERSION } from '../version.ts';
import { cell, type Block } from './blocks.ts';
import { count } from './format.ts';
import { describeScope } from './scope.ts';
import { variantRank } from './matrix.ts';
import type { Results, SuiteRecord } from '../results/results.ts';

export function assumptionsSection(results: Results): Block[] {
  const ids = new Set([...results.random, ...results.exhaustive].map((r) => r.suite));
  const suites = results.suites.filter((s) => ids.has(s.id));
  const properties = [...new Set(suites.flatMap((s) => s.properties))];
  return [
    { kind: 'heading', level: 2, text: 'What was checked, under which assumptions' },
    {
      kind: 'paragraph',
      text: `cascade ${results.tool.version} (model ${VERSION}) on Node ${results.tool.node}; random engine with the \`${results.budget}\` budget, exhaustive engine with the \`${results.budget}\` bounds. Each run is a safety phase (the adversary's events, faults allowed) followed by a heal phase of ticks only; invariants are checked in every state of both. One tick is about two seconds of protocol time.`,
    },
    {
      kind: 'table',
      className: 'assumptions',
      header: ['suite', 'assumptions', 'adversary', 'bounds', 'random engine', 'exhaustive engine'],
      rows: suites.map((s) => [
        cell(`**${s.id}**\n${s.title}`),
        cell(s.assumptions),
        cell(adversary(s)),
        cell(bounds(s)),
        cell(randomBudget(s, results)),
        cell(exhaustiveBudget(s, results)),
      ]),
    },
    { kind: 'heading', level: 3, text: 'The properties' },
    { kind: 'list', ordered: false, items: properties.map((p) => `\`${p}\`: ${lookup(PROPERTIES, p)?.summary ?? 'unknown property'}`) },
  ];
}

function adversary(s: SuiteRecord): string {
  const c = s.config;
  const churn = s.kinds.includes('goOnline') || s.kinds.includes('goOffline') ? `, churn budget ${c.churnBudget}` : '';
  return [
    `${s.scale} scale: ${count(c.peers)} peers, ${count(c.supernodes)} supernodes of capacity ${c.supernodeCapacity}`,
    `events: tick, ${s.kinds.join(', ')}`,
    `fault budget ${c.faultBudget}${churn}`,
    `at most ${s.maxEvents} events a run`,
  ].join('\n');
}

function bounds(s: SuiteRecord): string {
  const b = s.bounds;
  return [
    `heal phase H = ${b.healTicks} ticks, logins complete within T = ${b.loginTicks} ticks`,
    `cascade factor ${b.cascadeFactor}`,
    `login queue ≤ ${b.loginQueue}, ≤ ${b.amplification} connect attempts per client`,
  ].join('\n');
}

/** Runs per pair as run (the most any pair that held used), falling back to the suite's budget. */
function randomBudget(s: SuiteRecord, results: Results): string {
  const pairs = results.random.filter((r) => r.suite === s.id);
  const held = pairs.filter((r) => r.verdict !== 'violated').map((r) => r.runs);
  const runs = held.length > 0 ? Math.max(...held) : s.budget[results.budget];
  return [`seed ${s.seed}`, `${count(runs)} runs per pair (${results.budget} budget)`, `${pairs.length} (property, variant) pairs`].join('\n');
}

function exhaustiveBudget(s: SuiteRecord, results: Results): string {
  const ran = results.exhaustive.filter((e) => e.suite === s.id);
  if (ran.length === 0) return 'not run';
  const variants = [...new Set(ran.map((e) => e.variant))].sort((a, b) => variantRank(a) - variantRank(b));
  const bound = new Map<string, string[]>();
  for (const e of ran) {
    const b = `adversary within ${e.bound.horizon} ticks, then a ${e.healTicks}-tick heal phase; ≤ ${count(e.bound.maxStates)} states`;
    const label = `${e.property}@${e.variant}`;
    bound.set(b, [...(bound.get(b) ?? []), label]);
  }
  const lines = [`variants: ${variants.join(', ')}`, `events: tick, ${s.exhaustiveKinds.join(', ')}`];
  if (bound.size === 1) lines.push([...bound.keys()][0]!);
  else for (const [b, labels] of bound) lines.push(`${b} (${labels.join(', ')})`);
  lines.push(`scope: ${describeScope(ran[0]!.scope)}`);
  const tier = s.fullTier;
  if (tier && !ran.some((e) => e.full)) lines.push(`not searched here, the full tier (${tier.scope}): \`${tier.command}\`, ${tier.cost}`);
  return lines.join('\n');
}

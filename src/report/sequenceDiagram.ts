/**
 * A counterexample as a Mermaid sequence diagram of the messages per tick (the effects the model
 * recorded along the trace, as the runner walked it: runner/sequenceTrace.ts), faults and violation
 * as notes, quiet ticks skipped and long runs grouped so that it stays readable.
 */
import { describeEvent, isFault } from '../model/events.ts';
import type { Event } from '../model/index.ts';
import { plural } from './format.ts';
import { isKey, isQuiet, mergeActivity, type Activity } from './tickActivity.ts';

/** Most lines of a diagram (after its config header) before ticks are grouped. */
export const MAX_LINES = 60;

/** Mermaid config: tighter spacing than the default, no participant boxes repeated at the bottom. */
const HEADER = [
  '---',
  'config:',
  '  sequence: { mirrorActors: false, messageMargin: 24, boxMargin: 6, noteMargin: 6, height: 40, messageFontSize: 14, noteFontSize: 13, actorFontSize: 13 }',
  '---',
];

type Block =
  | { kind: 'event'; step: number; tick: number; event: Event; applied: boolean; changes: string[]; activity: Activity }
  | { kind: 'ticks'; from: number; to: number; steps: number[]; activity: Activity; quiet: boolean; key: boolean };

export interface Violation {
  /** The 0-based step of the file; the diagram cites it counted from 1. */
  step: number;
  message: string;
}

/** One step of a counterexample's walk, as the diagram draws it. */
export interface SequenceStep {
  /** Position from 0 (events, then heal ticks). */
  step: number;
  /** The tick after the step. */
  tick: number;
  event: Event;
  applied: boolean;
  /** An adversary event's effects in words, lost clients left out (they get their own arrows); `no effect` when it did not apply; none for a tick. */
  changes: string[];
  /** The messages of the step (tickActivity.ts). */
  activity: Activity;
}

/** The walk a diagram draws: events then heal ticks up to the violation, the supernode slots that are peers' (the others are mega-supernodes), and the violation. */
export interface SequenceTrace {
  steps: SequenceStep[];
  eligible: number;
  violation: Violation | null;
}

/** The diagram of a walk, ending with the violation (if any). */
export function sequenceDiagram(walk: SequenceTrace, maxLines = MAX_LINES): string {
  const { violation } = walk;
  const blocks = observe(walk.steps, violation?.step ?? -1);
  const slots = walk.eligible;
  for (let level = 0; ; level++) {
    const grouped = group(blocks, level, violation?.step ?? -1);
    const lines = render(grouped, violation, slots, level);
    if (lines.length <= maxLines || grouped.filter((b) => b.kind === 'ticks').length <= 1 || level > 12) return [...HEADER, ...lines].join('\n');
  }
}

/** One block per step of the walk. */
function observe(steps: readonly SequenceStep[], violationStep: number): Block[] {
  return steps.map(
    ({ step, tick, event, applied, changes, activity: a }): Block =>
      event.kind === 'tick'
        ? {
            kind: 'ticks',
            from: tick,
            to: tick,
            steps: [step],
            activity: a,
            quiet: isQuiet(a) && step !== violationStep,
            key: isKey(a) || step === violationStep,
          }
        : { kind: 'event', step, tick, event, applied, changes, activity: a },
  );
}

/**
 * Level 0: each tick alone, quiet runs merged. Level 1: runs of ticks without crashes or supernode
 * changes merged. Level n > 1: ticks between events grouped by 2^(n-1), the violation's tick alone.
 */
function group(blocks: Block[], level: number, violationStep: number): Block[] {
  const out: Block[] = [];
  let run = 0;
  const width = level <= 1 ? Infinity : 2 ** (level - 1);
  for (const block of blocks) {
    const last = out[out.length - 1];
    const mergeable =
      block.kind === 'ticks' &&
      last?.kind === 'ticks' &&
      !block.steps.includes(violationStep) &&
      !last.steps.includes(violationStep) &&
      (level === 0 ? block.quiet && last.quiet : level === 1 ? !block.key && !last.key : run < width);
    if (mergeable && last?.kind === 'ticks' && block.kind === 'ticks') {
      out[out.length - 1] = {
        kind: 'ticks',
        from: last.from,
        to: block.to,
        steps: [...last.steps, ...block.steps],
        activity: mergeActivity(last.activity, block.activity),
        quiet: last.quiet && block.quiet,
        key: last.key || block.key,
      };
      run++;
    } else {
      out.push(block);
      run = 1;
    }
  }
  return out;
}

function render(blocks: Block[], violation: Violation | null, eligible: number, level: number): string[] {
  const used = new Set<number>();
  const body: string[] = [];
  if (level > 0)
    body.push(
      `Note over Clients,Offline: long run: ticks without crashes or supernode changes are grouped${level > 1 ? `, ${2 ** (level - 1)} at most per line` : ''}`,
    );
  for (const block of blocks) {
    body.push(...(block.kind === 'event' ? eventLines(block, used) : tickLines(block, used)));
    const steps = block.kind === 'event' ? [block.step] : block.steps;
    if (violation && steps.includes(violation.step)) {
      const tick = block.kind === 'event' ? block.tick : block.to;
      body.push(`Note over Clients,Offline: ✗ violated at step ${violation.step + 1} (t=${tick}):<br/>${wrap(violation.message)}`);
    }
  }
  const participants = [
    'participant Clients',
    ...[...used].sort((x, y) => x - y).map((s) => `participant SN${s} as ${s >= eligible ? `Mega SN${s}` : `SN${s} (peer ${s})`}`),
    'participant Login as Login server',
    'participant Offline as Offline messages',
  ];
  return ['sequenceDiagram', ...participants, ...body];
}

function eventLines(block: Extract<Block, { kind: 'event' }>, used: Set<number>): string[] {
  const { event, activity: a } = block;
  const role = isFault(event) ? 'fault' : event.kind === 'addMegaSupernodes' ? 'operator' : 'user';
  const slots = [...a.hostCrashes, ...a.stopped, ...a.demoted, ...a.megas];
  slots.forEach((s) => used.add(s));
  const over = event.kind === 'degradeOfflineMessages' ? 'Offline' : slots.length > 0 ? span(slots) : 'Clients';
  const changes = block.changes;
  const lines = [`Note over ${over}: [t${block.tick}] ${role}: ${text(describeEvent(event))}${changes.length > 0 ? `<br/>${text(changes.join(', '))}` : ''}`];
  lines.push(...droppedLines(a, `t${block.tick}`, used));
  return lines;
}

function tickLines(block: Extract<Block, { kind: 'ticks' }>, used: Set<number>): string[] {
  const label = block.from === block.to ? `t${block.from}` : `t${block.from}–t${block.to}`;
  if (block.quiet) return [`Note over Clients,Offline: [${label}] quiet: only routine offline-message syncs (skipped)`];
  const a = block.activity;
  const lines: string[] = [];
  const tag = `[${label}]`;
  if (a.restarts.length > 0) lines.push(`Note over ${span(a.restarts, used)}: ${tag} ${slotList(a.restarts)} serving again`);
  for (const [key, c] of Object.entries(a.connects).sort(([x], [y]) => Number(x) - Number(y))) {
    const s = Number(key);
    used.add(s);
    const n = c.accepted + c.rejected + c.unanswered + c.down;
    const parts = [
      c.accepted > 0 && `${c.accepted} accepted`,
      c.rejected > 0 && `${c.rejected} rejected`,
      c.unanswered > 0 && `${c.unanswered} unanswered`,
      c.down > 0 && `${c.down} while it was stopped`,
    ].filter(Boolean);
    const all = parts.length === 1 && c.accepted === n ? 'accepted' : parts.join(', ');
    lines.push(`Clients${c.accepted > 0 ? '->>' : '-x'}SN${s}: ${tag} ${plural(n, 'connect')}: ${all}`);
  }
  if (a.authRequests > 0) lines.push(`Clients->>Login: ${tag} ${plural(a.authRequests, 'login request')} (queue ${a.loginQueue})`);
  if (a.authDropped > 0) lines.push(`Login--xClients: ${tag} ${a.authDropped} dropped, login queue full`);
  if (a.authTimeouts > 0) lines.push(`Clients--xLogin: ${tag} ${a.authTimeouts} gave up waiting`);
  if (a.logins > 0) lines.push(`Login-->>Clients: ${tag} ${a.logins} logged in (${a.online} of ${a.wantOnline} online)`);
  const offline = a.degraded || a.lateReplies > 0 || a.fetchesWaiting > 0 || a.crashes > 0;
  if (offline && a.fetches > 0)
    lines.push(
      `Clients->>Offline: ${tag} ${plural(a.fetches, 'offline-message fetch', 'offline-message fetches')}${a.fetchesWaiting > 0 ? ` (${a.fetchesWaiting} waiting)` : ''}`,
    );
  if (offline && a.replies > 0)
    lines.push(`Offline-->>Clients: ${tag} ${plural(a.replies, 'reply', 'replies')}${a.lateReplies > 0 ? ` (${a.lateReplies} late)` : ''}`);
  if (a.crashes > 0) lines.push(`Note over Clients: ${tag} ${a.crashes === 1 ? '1 buggy client crashes' : `${a.crashes} buggy clients crash`} on a late reply`);
  if (a.hostCrashes.length > 0) lines.push(`Note over ${span(a.hostCrashes, used)}: ${tag} ${slotList(a.hostCrashes)}: host crashed, supernode down`);
  if (a.stopped.length > 0) lines.push(`Note over ${span(a.stopped, used)}: ${tag} ${slotList(a.stopped)} overloaded, shut down`);
  lines.push(...droppedLines(a, label, used));
  if (a.promotions.length > 0)
    lines.push(`Note over ${span(a.promotions, used)}: ${tag} ${a.promotions.map((s) => `peer ${s}`).join(', ')} promoted to supernode`);
  if (a.megas.length > 0) lines.push(`Note over ${span(a.megas, used)}: ${tag} operator adds ${slotList(a.megas)} (mega-supernode)`);
  return lines;
}

function droppedLines(a: Activity, label: string, used: Set<number>): string[] {
  return Object.entries(a.dropped).map(([s, n]) => {
    used.add(Number(s));
    return `SN${s}--xClients: [${label}] ${n === 1 ? '1 client loses its' : `${n} clients lose their`} supernode`;
  });
}

/** `Note over` target for slots: one, or the first and last of them. */
function span(slots: number[], used?: Set<number>): string {
  slots.forEach((s) => used?.add(s));
  const sorted = [...new Set(slots)].sort((x, y) => x - y);
  return sorted.length === 1 ? `SN${sorted[0]}` : `SN${sorted[0]},SN${sorted[sorted.length - 1]}`;
}

/** `SN1, SN2 (2x)`: slots with how often they appear. */
function slotList(slots: number[]): string {
  const counts = new Map<number, number>();
  for (const s of slots) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .sort(([x], [y]) => x - y)
    .map(([s, n]) => `SN${s}${n > 1 ? ` (${n}x)` : ''}`)
    .join(', ');
}

/** Text safe in a Mermaid message: no `;` or `#` (statement separator and entity start). */
function text(s: string): string {
  return s.replace(/;/g, ',').replace(/#/g, 'no. ');
}

/** A long sentence broken into lines of about 60 characters for a note. */
function wrap(s: string): string {
  const words = text(s).split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length > 0 && line.length + w.length > 60) {
      lines.push(line);
      line = w;
    } else line = line.length > 0 ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('<br/>');
}

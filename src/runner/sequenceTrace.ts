/**
 * The walk a sequence diagram draws (report/sequenceDiagram.ts): a counterexample's events then heal
 * ticks on a model, up to the violation, each step with what it did in words and its messages
 * (report/tickActivity.ts), so that the report draws the diagram without stepping the model.
 */
import type { Event, Model } from '../model/index.ts';
import type { SequenceTrace, Violation } from '../report/sequenceDiagram.ts';
import { activity } from '../report/tickActivity.ts';
import { describeEffects } from '../trace/narrative.ts';
import { trace } from '../trace/trace.ts';

/** The steps of `events` plus `healTicks` ticks on `model`, ending at the violation's step (if any). */
export function sequenceTrace(model: Model, events: readonly Event[], healTicks: number, violation: Violation | null): SequenceTrace {
  const steps: SequenceTrace['steps'] = [];
  for (const { index: step, event, applied, state, effects } of trace(model, events, healTicks, { stopAtStep: violation?.step ?? -1 })) {
    steps.push({
      step,
      tick: state.tick,
      event,
      applied,
      // The note tells an event's effects; lost clients get their own arrows (the diagram's droppedLines).
      changes: event.kind === 'tick' ? [] : applied ? describeEffects(effects, ['clientDetached']) : ['no effect'],
      activity: activity(effects, state),
    });
  }
  return { steps, eligible: model.config.eligible, violation: violation === null ? null : { step: violation.step, message: violation.message } };
}

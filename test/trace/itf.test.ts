/**
 * ITF export: a committed counterexample becomes a trace of the Informal Trace Format shape, with
 * one state per step (plus the initial state), through the real command line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { variant } from '../../src/model/index.ts';
import { encode, ItfTraceSchema, toItf } from '../../src/trace/itf.ts';
import { loadCounterexample } from '../../src/trace/load.ts';
import { trace as traceSteps } from '../../src/trace/trace.ts';
import { cli } from '../cli/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-itf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ITF export', () => {
  it.each([['counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json'], ['counterexamples/login-flood-2007/recovers--skype-2007.json']])(
    'replay %s --itf writes a valid trace with one state per step',
    (path) => {
      // A fresh name per file: an existing export is replaced only with --update.
      const out = join(dir, `${path.split('/').pop()}.itf.json`);
      const r = cli(['replay', path, '--itf', out]);
      expect(r.code).toBe(0);
      const trace = JSON.parse(readFileSync(out, 'utf8'));
      const parsed = ItfTraceSchema.safeParse(trace);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
      const file = loadCounterexample(path);
      if (!file.ok) throw new Error(file.error);
      // Steps: the events, plus for a liveness property the heal ticks up to its violation.
      const steps = Math.max(file.value.events.length, file.value.violation.step + 1);
      expect(trace.states).toHaveLength(steps + 1);
      expect(trace.states[0]['mbt::actionTaken']).toBe('init');
      expect(trace.states[1].lastEvent).toEqual(encode(file.value.events[0]));
      expect(trace.vars).toEqual(expect.arrayContaining(['peers', 'supernodes', 'loginQueue', 'counters', 'mbt::actionTaken', 'mbt::effects']));
      expect(trace.states[0]['mbt::effects']).toEqual([]);
    },
  );

  it("lists each step's recorded effects as ITF records in mbt::effects", () => {
    const file = loadCounterexample('counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json');
    if (!file.ok) throw new Error(file.error);
    const { config, events, violation } = file.value;
    const model = { config, protocol: variant(file.value.variant) };
    const trace = toItf(model, events, 0, 'test', 'test');
    expect(ItfTraceSchema.safeParse(trace).success).toBe(true);
    const steps = [...traceSteps(model, events)];
    trace.states.slice(1).forEach((state, i) => expect(state['mbt::effects']).toEqual(encode(steps[i]!.effects)));
    // states[step + 1] is the state after the violation's (0-based) step
    expect(trace.states[violation.step + 1]!['mbt::effects']).toContainEqual({ kind: 'clientCrashed', peer: { '#bigint': '1' }, cause: 'lateReply' });
  });

  it('the schema rejects what is not ITF', () => {
    expect(ItfTraceSchema.safeParse({ vars: ['x'], states: [{ '#meta': { index: 0 }, x: 1.5 }], '#meta': {} }).success).toBe(false);
    expect(ItfTraceSchema.safeParse({ vars: ['x'], states: [{ '#meta': { index: 1 }, x: { '#bigint': '1' } }], '#meta': {} }).success).toBe(false);
    expect(ItfTraceSchema.safeParse({ vars: ['x', 'y'], states: [{ '#meta': { index: 0 }, x: { '#bigint': '1' } }], '#meta': {} }).success).toBe(false);
    expect(() => encode(0.5)).toThrow();
  });

  it('a bad --itf target is one line and exit 2', () => {
    const r = cli(['replay', 'counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json', '--itf', '']);
    expect(r.code).toBe(2);
    expect(r.errors).toHaveLength(1);
  });
});

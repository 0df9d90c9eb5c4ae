/**
 * The bound on a suite file's functions: a call still running after the bound is named; many quick
 * calls of the same function, or a thread outside every function, never are.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_SECONDS, enterUserCall, leaveUserCall, propertySeconds, registerUserFunction, userCallWatcher } from '../../src/io/userCallWatch.ts';

describe('userCallWatch', () => {
  it('names a call that has run for the bound, on the clock it is given', () => {
    let t = 0;
    const watcher = userCallWatcher(2, () => t);
    const id = registerUserFunction("property 'spin': always");
    expect(watcher.look()).toBeNull();
    const outer = enterUserCall(id);
    expect(watcher.look()).toBeNull();
    t = 1999;
    expect(watcher.look()).toBeNull();
    t = 2000;
    expect(watcher.look()).toBe("property 'spin': always");
    leaveUserCall(outer);
    expect(watcher.look()).toBeNull();
  });

  it('never names quick calls of the same function, however long they go on', () => {
    let t = 0;
    const watcher = userCallWatcher(1, () => t);
    const id = registerUserFunction("property 'quick': never");
    for (let i = 0; i < 10; i++) {
      const outer = enterUserCall(id);
      t += 600;
      expect(watcher.look()).toBeNull();
      leaveUserCall(outer);
    }
  });

  it('numbers a function registered again (a suite file loaded twice) as before, and restores the outer call', () => {
    const a = registerUserFunction("property 'a': always");
    expect(registerUserFunction("property 'a': always")).toBe(a);
    let t = 0;
    const watcher = userCallWatcher(1, () => t);
    const outerA = enterUserCall(a);
    const outerB = enterUserCall(registerUserFunction("property 'b': describe"));
    leaveUserCall(outerB);
    watcher.look();
    t = 1000;
    expect(watcher.look()).toBe("property 'a': always");
    leaveUserCall(outerA);
  });

  it('reads the bound from CASCADE_PROPERTY_SECONDS, refusing a bad value in one line', () => {
    expect(propertySeconds(undefined)).toBe(DEFAULT_PROPERTY_SECONDS);
    expect(propertySeconds('')).toBe(DEFAULT_PROPERTY_SECONDS);
    expect(propertySeconds('5')).toBe(5);
    for (const bad of ['0', '-1', '1.5', 'soon', '86401', 'x\ny'])
      expect(propertySeconds(bad)).toMatch(/^CASCADE_PROPERTY_SECONDS must be a whole number of seconds from 1 to 86400, got '[^\n]*'$/);
  });
});

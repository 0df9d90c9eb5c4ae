import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneState, defaultConfig, init, step, stepOwned, type Event, type State } from '../../src/model/index.ts';
import { checkDirectory, consistentDirectory } from '../../src/propertyLanguage/consistentDirectory.ts';
import { ALL_VARIANTS, modelOf, sequence, validEvent } from '../support/arbitraries.ts';

const config = { ...defaultConfig('small'), faultBudget: 3, churnBudget: 3 };

describe('consistent-directory', () => {
  it.each(ALL_VARIANTS)('holds on every state of random runs (%s)', (name) => {
    let triggered = 0;
    let states = 0;
    fc.assert(
      // ticks are 12 of every 19 events, so that the protocol runs between faults
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), sequence(validEvent(config, 12), 60, 10), (seed, events) => {
        const model = modelOf(name, { ...config, seed });
        let state = init(model);
        expect(checkDirectory(state)).toBeNull();
        for (const event of events) {
          state = step(state, model, event);
          states++;
          const violation = checkDirectory(state);
          if (violation !== null) throw new Error(`${violation} after ${JSON.stringify(event)} at tick ${state.tick}`);
        }
        if (consistentDirectory.triggered(state, model)) triggered++;
      }),
      { seed: 42, numRuns: 50 },
    );
    expect(states).toBeGreaterThan(50 * 20);
    // the trigger was exercised: clients actually reconnected, in most runs (47 of 50 when written)
    expect(triggered).toBeGreaterThan(25);
  });

  it('the property object checks with checkDirectory and is triggered by attempts', () => {
    const model = modelOf('skype-2010', defaultConfig('small'));
    const state = init(model);
    expect(consistentDirectory.id).toBe('consistent-directory');
    expect(consistentDirectory.kind).toBe('always');
    expect(consistentDirectory.triggered(state, model)).toBe(false);
    const crashed = step(step(state, model, { kind: 'crash', peer: 0 }), model, { kind: 'tick' });
    expect(crashed.counters.attempts).toBeGreaterThan(0);
    expect(consistentDirectory.triggered(crashed, model)).toBe(true);
  });
});

describe('checkDirectory', () => {
  const online = (s: State) => s.peers.findIndex((p) => p.status === 'online' && p.role === 'ordinary');

  /**
   * A state in the middle of things: a mass reboot, then ticks until some rebooted client is back
   * online while others are still on their way in.
   */
  function busy(): State {
    const model = modelOf('skype-2010', defaultConfig('small'));
    const state = init(model);
    for (const event of [{ kind: 'tick' }, { kind: 'massReboot', percent: 50 }, ...Array<Event>(4).fill({ kind: 'tick' })] as Event[]) {
      stepOwned(state, model, event);
    }
    for (let t = 0; t < 40 && online(state) < 0; t++) stepOwned(state, model, { kind: 'tick' });
    expect(online(state)).toBeGreaterThanOrEqual(0);
    expect(checkDirectory(state)).toBeNull();
    return cloneState(state);
  }

  it('passes the initial state of both scales', () => {
    expect(checkDirectory(init(modelOf('skype-2007', defaultConfig('small'))))).toBeNull();
    expect(checkDirectory(init(modelOf('fixed', defaultConfig('population'))))).toBeNull();
  });

  it('finds an online client whose supernode is not serving', () => {
    const state = busy();
    const p = online(state);
    state.supernodes[state.peers[p]!.upstream]!.status = 'restarting';
    expect(checkDirectory(state)).toMatch(/is not serving|has \d+ clients attached/);
  });

  it('finds an online client attached to no supernode', () => {
    const state = busy();
    const p = online(state);
    state.supernodes[state.peers[p]!.upstream]!.clients--;
    state.peers[p]!.upstream = -1;
    expect(checkDirectory(state)).toBe(`peer ${p} is online but its supernode -1 is not serving`);
  });

  it('finds a client count that does not match', () => {
    const state = busy();
    const s = state.peers[online(state)]!.upstream;
    state.supernodes[s]!.clients++;
    expect(checkDirectory(state)).toMatch(new RegExp(`^supernode ${s} counts`));
  });

  it('finds a client online without authentication', () => {
    const state = busy();
    const p = online(state);
    state.peers[p]!.authenticated = false;
    expect(checkDirectory(state)).toBe(`peer ${p} is online without having been authenticated`);
  });

  it('finds a stopped client still attached', () => {
    const state = busy();
    const p = online(state);
    state.peers[p]!.status = 'off';
    expect(checkDirectory(state)).toMatch(new RegExp(`^peer ${p} is off but still attached`));
  });

  it('finds a supernode host attached to another supernode', () => {
    const state = cloneState(init(modelOf('skype-2010', defaultConfig('small'))));
    expect(state.peers[0]!.role).toBe('supernode');
    state.peers[0]!.upstream = 1;
    state.supernodes[1]!.clients++;
    expect(checkDirectory(state)).toBe('supernode host 0 is attached to supernode 1, not its own');
  });

  it('finds a supernode host whose slot is idle', () => {
    // host 0 waits to log in again (attached nowhere), and its slot has gone idle
    const state = cloneState(init(modelOf('skype-2010', defaultConfig('small'))));
    const host = 0;
    expect(state.peers[host]!.role).toBe('supernode');
    state.peers[host]!.status = 'connecting';
    state.peers[host]!.upstream = -1;
    expect(checkDirectory(state)).toBeNull();
    state.supernodes[state.peers[host]!.slot]!.status = 'idle';
    expect(checkDirectory(state)).toBe(`peer ${host} is a supernode host but its slot is idle`);
  });
});

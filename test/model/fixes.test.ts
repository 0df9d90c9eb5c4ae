/**
 * Every fix moves behaviour in its intended direction, on the scripted outage it answers (small
 * scope, the scenario's own events): against its base alone, each fix must make the difference it
 * was designed to make. These pin the fixes' effects without pinning exact traces.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, init, metrics, SCENARIOS, scenarioEvents, stepOwned, variant } from '../../src/model/index.ts';

interface Run {
  attempts: number;
  peakAttemptsPerTick: number;
  crashes: number;
  overloadShutdowns: number;
  /** Ticks in which some serving supernode held more clients than its capacity. */
  ticksOverCapacity: number;
  firstPromotionTick: number | null;
  megaAdded: number;
  onlineAtEnd: number;
}

function run(scenario: 'outage-2010' | 'outage-2007', name: string): Run {
  const config = defaultConfig('small');
  const model = { config, protocol: variant(name) };
  const state = init(model);
  const r: Run = {
    attempts: 0,
    peakAttemptsPerTick: 0,
    crashes: 0,
    overloadShutdowns: 0,
    ticksOverCapacity: 0,
    firstPromotionTick: null,
    megaAdded: 0,
    onlineAtEnd: 0,
  };
  for (const event of scenarioEvents(SCENARIOS[scenario]!, config, 'small')) {
    stepOwned(state, model, event);
    if (event.kind !== 'tick') continue;
    r.peakAttemptsPerTick = Math.max(r.peakAttemptsPerTick, state.counters.tickAttempts);
    if (r.firstPromotionTick === null && state.counters.promotions > 0) r.firstPromotionTick = state.tick;
    if (state.supernodes.some((sn) => sn.status === 'up' && sn.clients > sn.capacity)) r.ticksOverCapacity++;
  }
  const c = state.counters;
  return {
    ...r,
    attempts: c.attempts,
    crashes: c.crashes,
    overloadShutdowns: c.overloadShutdowns,
    megaAdded: c.megaAdded,
    onlineAtEnd: metrics(state).onlineClients,
  };
}

const OUTAGES = [
  ['outage-2010', 'skype-2010'],
  ['outage-2007', 'skype-2007'],
] as const;

describe('each fix against its base, on the outage it answers', () => {
  it('robust-client: the buggy release no longer crashes on late offline-message replies (2010)', () => {
    const base = run('outage-2010', 'skype-2010');
    const fixed = run('outage-2010', 'skype-2010+robust-client');
    expect(base.crashes).toBeGreaterThan(0);
    expect(fixed.crashes).toBe(0);
    expect(fixed.overloadShutdowns).toBeLessThan(base.overloadShutdowns);
  });

  for (const [scenario, base] of OUTAGES) {
    it(`backoff-jitter: fewer connect attempts, and a lower peak per tick (${scenario})`, () => {
      const b = run(scenario, base);
      const f = run(scenario, `${base}+backoff-jitter`);
      expect(f.attempts).toBeLessThan(b.attempts);
      expect(f.peakAttemptsPerTick).toBeLessThan(b.peakAttemptsPerTick);
    });

    it(`admission-control: no serving supernode ever holds more than its capacity, and none shuts down (${scenario})`, () => {
      const b = run(scenario, base);
      const f = run(scenario, `${base}+admission-control`);
      expect(b.ticksOverCapacity).toBeGreaterThan(0);
      expect(b.overloadShutdowns).toBeGreaterThan(0);
      expect(f.ticksOverCapacity).toBe(0);
      expect(f.overloadShutdowns).toBe(0);
    });

    it(`retry-budget: fewer connect attempts (${scenario})`, () => {
      expect(run(scenario, `${base}+retry-budget`).attempts).toBeLessThan(run(scenario, base).attempts);
    });

    it(`load-aware-promotion: self-healing promotes during the outage, where the load-blind rule never does (${scenario})`, () => {
      const b = run(scenario, base);
      const f = run(scenario, `${base}+load-aware-promotion`);
      expect(b.firstPromotionTick).toBeNull();
      expect(f.firstPromotionTick).not.toBeNull();
    });

    it(`mega-supernodes: the operator adds dedicated capacity, and more clients are online at the end (${scenario})`, () => {
      const b = run(scenario, base);
      const f = run(scenario, `${base}+mega-supernodes`);
      expect(b.megaAdded).toBe(0);
      expect(f.megaAdded).toBeGreaterThan(0);
      expect(f.onlineAtEnd).toBeGreaterThan(b.onlineAtEnd);
    });
  }
});

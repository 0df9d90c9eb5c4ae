/**
 * The initial state's population: with `capacitySpreadPercent` each peer-hosted supernode draws its
 * size within the spread; with `randomPlacement` releases and sync times are drawn independently of
 * the cluster and clients are placed in proportion to capacity. With both at 0 (the small scope) the
 * population is the evenly spread one the committed counterexamples were found on.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, init, parseConfig, smallConfig, variant, type Config } from '../../src/model/index.ts';

function stateOf(overrides: Partial<Config>, scale: 'small' | 'population' = 'small') {
  const parsed = parseConfig({ ...defaultConfig(scale), ...overrides }, scale);
  if (!parsed.ok) throw new Error(parsed.error);
  return init({ config: parsed.value, protocol: variant('skype-2010') });
}

describe('the small scope is evenly spread', () => {
  it('releases alternate by index, syncs are staggered by index, clients round-robin, every supernode alike', () => {
    const s = init({ config: smallConfig, protocol: variant('skype-2010') });
    expect(s.peers.map((p) => p.release).join(' ')).toBe('fixed buggy fixed buggy fixed buggy fixed buggy fixed buggy fixed');
    expect(s.peers.slice(0, 10).map((p) => p.nextSync)).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 1, 2]);
    expect(s.peers.slice(3, 10).map((p) => p.upstream)).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(s.supernodes.filter((sn) => sn.kind === 'peer').map((sn) => [sn.capacity, sn.budget])).toEqual(Array(5).fill([3, 2]));
  });
});

describe('capacitySpreadPercent', () => {
  it('each supernode draws capacity and budget within [1 - spread, 1 + spread] of the mean, together', () => {
    const s = stateOf({
      peers: 2_000,
      supernodes: 20,
      eligible: 200,
      offlineAtStart: 0,
      supernodeCapacity: 200,
      supernodeBudget: 100,
      capacitySpreadPercent: 50,
      offlineCapacity: 2_000,
    });
    const peerSlots = s.supernodes.filter((sn) => sn.kind === 'peer');
    for (const sn of peerSlots) {
      expect(sn.capacity).toBeGreaterThanOrEqual(100);
      expect(sn.capacity).toBeLessThanOrEqual(300);
      expect(Math.abs(sn.budget / 100 - sn.capacity / 200)).toBeLessThan(0.02);
    }
    const caps = peerSlots.map((sn) => sn.capacity);
    expect(Math.max(...caps) - Math.min(...caps)).toBeGreaterThan(150); // they do differ
    expect(s.supernodes.filter((sn) => sn.kind === 'mega').every((sn) => sn.capacity === defaultConfig('small').megaCapacity)).toBe(true);
  });
});

describe('randomPlacement', () => {
  const s = stateOf({}, 'population');
  const config = defaultConfig('population');
  let capacity = 0;
  for (let i = 0; i < config.supernodes; i++) capacity += s.supernodes[i]!.capacity;
  const utilisation = (config.peers - config.supernodes - config.offlineAtStart) / capacity;

  it('places no supernode past its capacity, in proportion to it', () => {
    for (let i = 0; i < config.supernodes; i++) {
      const sn = s.supernodes[i]!;
      expect(sn.clients).toBeLessThanOrEqual(sn.capacity);
      expect(Math.abs(sn.clients / sn.capacity - utilisation)).toBeLessThan(0.03);
    }
  });

  it("draws releases independently of the cluster: every cluster's buggy share is near the population's", () => {
    const buggy = new Map<number, [number, number]>();
    for (const peer of s.peers) {
      if (peer.role !== 'ordinary' || peer.upstream < 0) continue;
      const [b, n] = buggy.get(peer.upstream) ?? [0, 0];
      buggy.set(peer.upstream, [b + (peer.release === 'buggy' ? 1 : 0), n + 1]);
    }
    const shares = [...buggy.values()].map(([b, n]) => b / n);
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
    expect(Math.max(...shares)).toBeLessThan(0.85); // no cluster all buggy, none all fixed
    expect(Math.min(...shares)).toBeGreaterThan(0.15);
  });

  it("draws sync times independently of the cluster: a cluster's clients do not sync in one tick", () => {
    const phases = new Map<number, Set<number>>();
    for (const peer of s.peers) {
      if (peer.role !== 'ordinary' || peer.upstream < 0) continue;
      const set = phases.get(peer.upstream) ?? new Set<number>();
      set.add(peer.nextSync);
      phases.set(peer.upstream, set);
    }
    for (const set of phases.values()) expect(set.size).toBeGreaterThan(20);
  });

  it('is the same population for the same seed, another for another seed', () => {
    expect(stateOf({}, 'population').peers.slice(0, 500)).toEqual(s.peers.slice(0, 500));
    expect(stateOf({ seed: 2 }, 'population').peers.slice(0, 500)).not.toEqual(s.peers.slice(0, 500));
  });
});

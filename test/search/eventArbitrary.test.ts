/** The random engine's events: every peer and every listed parameter is drawn, and nothing outside them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventOf, SWARM_KINDS } from '../../src/search/eventArbitrary.ts';
import { defaultConfig } from '../../src/model/index.ts';

describe('eventOf', () => {
  it("draws exactly the peers 0..peers-1 and exactly the config's parameter sets, for every kind", () => {
    const config = defaultConfig('small');
    for (const kind of SWARM_KINDS) {
      const drawn = fc.sample(eventOf(kind, config), { numRuns: 3000, seed: 1 });
      expect(drawn.every((e) => e.kind === kind)).toBe(true);
      const values = new Set(drawn.map((e) => JSON.stringify(Object.values(e).slice(1))));
      const expected =
        kind === 'massReboot'
          ? config.massRebootPercents
          : kind === 'degradeOfflineMessages'
            ? config.degradeLevels
            : kind === 'addMegaSupernodes'
              ? config.megaCounts
              : Array.from({ length: config.peers }, (_, p) => p);
      expect([...values].sort()).toEqual(expected.map((v) => JSON.stringify([v])).sort());
    }
  });
});

/**
 * The reduced fidelity check of `npm test`: both outages on the population halved (50,000 peers, every
 * capacity with it, the same shape; reduced five times the shape is not kept: the 2010 crash share
 * rises past 50% and the collapse comes later), over seed 1, judged against the record's
 * tolerances as `cascade fidelity` judges the full population. It fails when a figure the model
 * reproduces leaves its tolerance. The figures outside at this scale and at full scale (docs/outages.md,
 * Fidelity) are listed with the reason; for them the check only asks that they are measured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FIGURES, fidelity, reducedPopulation, type FidelityReport } from '../../src/runner/index.ts';

/** Figures the model does not reproduce today, with why (docs/outages.md, Fidelity). */
const OUTSIDE: Record<string, { reason: string }> = {
  'peak-supernode-traffic': {
    reason: 'the hourly peak per live supernode stays under 30x (about 25 to 30x): the storm is measured by connect probes and keep-alives only',
  },
};

let report: FidelityReport;
beforeAll(() => {
  report = fidelity([1], reducedPopulation(2));
}, 240_000);

describe('fidelity on the population halved (seed 1)', () => {
  for (const figure of FIGURES) {
    if (figure.id in OUTSIDE) continue;
    it(`${figure.label}: median within ${figure.tolerance}`, () => {
      const f = report.figures.find((x) => x.id === figure.id)!;
      expect(f.median, `values per seed: ${f.values.join(', ')}`).not.toBeNull();
      expect(f.median!).toBeGreaterThanOrEqual(figure.low);
      expect(f.median!).toBeLessThanOrEqual(figure.high);
      expect(f.within, f.note).toBe(true);
    });
  }

  for (const [id, { reason }] of Object.entries(OUTSIDE)) {
    it(`${id} is measured (outside its tolerance today: ${reason})`, () => {
      expect(report.figures.find((x) => x.id === id)!.median).not.toBeNull();
    });
  }

  it('the median and range are over the seeds', () => {
    for (const f of report.figures) {
      expect(f.values).toHaveLength(1);
      const known = f.values.filter((v): v is number => v !== null);
      if (known.length) expect([f.min, f.max]).toEqual([Math.min(...known), Math.max(...known)]);
    }
    expect(report.within).toBe(report.figures.filter((f) => f.within).length);
  });
});

describe('the check can fail', () => {
  it('with no buggy release the 2010 crash figures fall outside their tolerance', () => {
    const what = fidelity([1], { ...reducedPopulation(5), buggyReleasePercent: 0 });
    for (const id of ['crashed-buggy-users', 'supernodes-lost-to-crash']) {
      const f = what.figures.find((x) => x.id === id)!;
      expect(f.within).toBe(false);
      expect(f.median ?? 0).toBeLessThan(f.low);
    }
  }, 120_000);
});

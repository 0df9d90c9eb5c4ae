/**
 * collectGarbage gives back at once what a finished search dropped, so that the next search of the
 * same command does not start beside it.
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/parallel/collectGarbage.ts';

describe('collectGarbage', () => {
  it('collects a dropped buffer at once, and can be called again', async () => {
    const dropped = new WeakRef(new ArrayBuffer(1 << 26));
    await new Promise((resolve) => setImmediate(resolve)); // a WeakRef's target lives until the job ends
    collectGarbage();
    expect(dropped.deref() === undefined).toBe(true); // (not the buffer itself: a failure would print 64 MB)
    const kept = new ArrayBuffer(1 << 20);
    collectGarbage();
    expect(kept.byteLength).toBe(1 << 20);
  });
});

/**
 * The report's first page says when, from which commit and on which machine it was written: the stamp
 * is taken from the clock (or SOURCE_DATE_EPOCH), git and the machine, and said in one line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkout, describeStamp, takeStamp, type ReportStamp } from '../../src/report/stamp.ts';

const saved = process.env.SOURCE_DATE_EPOCH;
afterEach(() => {
  if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = saved;
});

describe('the stamp', () => {
  it("takes the date in UTC to the second, this checkout's commit and this machine", () => {
    delete process.env.SOURCE_DATE_EPOCH;
    const before = Date.now();
    const s = takeStamp();
    expect(s.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(s.date) - before)).toBeLessThan(5_000);
    expect(s.source.commit).toMatch(/^[0-9a-f]{40}$/); // the tests run in cascade's own checkout
    expect(s.machine).toMatchObject({ cores: availableParallelism(), node: process.version, platform: process.platform, arch: process.arch });
    expect(s.machine.memoryBytes).toBeGreaterThan(0);
  });

  it('takes the date from SOURCE_DATE_EPOCH when it is set', () => {
    process.env.SOURCE_DATE_EPOCH = '1262304000';
    expect(takeStamp().date).toBe('2010-01-01T00:00:00Z');
  });

  it('names no commit outside a checkout, nor the commit of a repository cascade merely sits inside', () => {
    const outside = mkdtempSync(join(tmpdir(), 'cascade-stamp-'));
    try {
      expect(checkout(outside)).toEqual({ commit: null, changed: false });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    expect(checkout(join(process.cwd(), 'src'))).toEqual({ commit: null, changed: false });
    expect(checkout(process.cwd()).commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('says date, commit (with "+ changes" when the work tree differs), version and machine in one line', () => {
    const stamp: ReportStamp = {
      date: '2026-12-07T21:04:05Z',
      source: { version: '0.1.0', commit: 'a'.repeat(40), changed: true },
      machine: { cores: 2, memoryBytes: 8 * 2 ** 30, node: 'v20.20.2', platform: 'linux', arch: 'x64' },
    };
    expect(describeStamp(stamp)).toBe(
      'Written 2026-12-07T21:04:05Z from commit `aaaaaaaaaaaa` + changes (cascade 0.1.0) on 2 cores, 8.0 GiB memory, Node v20.20.2, linux x64.',
    );
    expect(describeStamp({ ...stamp, source: { version: '0.1.0', commit: null, changed: false }, machine: { ...stamp.machine, cores: 1 } })).toBe(
      'Written 2026-12-07T21:04:05Z from cascade 0.1.0 (not a git checkout) on 1 core, 8.0 GiB memory, Node v20.20.2, linux x64.',
    );
  });
});

/**
 * The bounds of a counterexample file keep every replay small: a file at the bounds, built to make
 * each tick as expensive as possible, replays within 1 GB; a file past any bound is refused in one
 * line before any work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_LIMITS, replaySteps, stateSize } from '../../src/trace/schema.ts';
import { parseCounterexample } from '../../src/trace/load.ts';
import { runInProcess } from '../support/inProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const committed = JSON.parse(readFileSync('counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json', 'utf8'));

/**
 * A login storm at the bounds: 19,400 peers, every client rebooted at once and reconnecting every
 * tick, supernodes that never shut down and serve everyone, one login a tick, 16 host-cache
 * entries, 25 steps (25 x 19,985 entries, just under the work bound).
 */
function storm(): Record<string, unknown> {
  return {
    ...committed,
    property: 'consistent-directory',
    variant: 'skype-2010+mega-supernodes',
    suite: 'directory',
    config: {
      ...committed.config,
      peers: 19_400,
      supernodes: 194,
      eligible: 582,
      offlineAtStart: 970,
      supernodeCapacity: 141,
      supernodeBudget: 1_000_000_000,
      megaSlots: 1,
      megaBudget: 1_000_000_000,
      overloadTicks: 1_000_000,
      loginCapacity: 1,
      loginQueueLimit: 1,
      authTimeout: 1,
      offlineCapacity: 185,
      offlineQueueLimit: 1,
      syncInterval: 100,
      hostCacheSize: 16,
      reconnectInterval: 1,
      churnBudget: 1_000_000,
      faultBudget: 1_000_000,
    },
    bounds: { ...committed.bounds, healTicks: 24, loginTicks: 1 },
    events: [{ kind: 'massReboot', percent: 100 }],
    violation: { step: 0, message: 'x' },
  };
}

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('counterexample file bounds', () => {
  it('a file at the bounds is valid, and its replay stays under 1 GB', () => {
    const file = storm();
    const parsed = parseCounterexample(JSON.stringify(file), 'storm');
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
    if (!parsed.ok) return;
    const work = replaySteps(parsed.value) * stateSize(parsed.value.config);
    expect(work).toBeGreaterThan(FILE_LIMITS.work * 0.99);
    expect(work).toBeLessThanOrEqual(FILE_LIMITS.work);
    if (!existsSync('/usr/bin/time')) return console.warn('skipped the memory measurement: /usr/bin/time is not installed');
    const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', join(process.cwd(), 'node_modules/.bin/tsx'), 'src/cli.ts', 'replay', write('storm.json', file)], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect([0, 1]).toContain(r.status);
    const kb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]);
    expect(kb).toBeGreaterThan(0);
    expect(kb).toBeLessThan(1024 * 1024);
  });

  it.each([
    ['peers past their bound', (f: any) => (f.config = { ...f.config, peers: 200_001 }), /config.peers: Too big/],
    ['more events than the bound', (f: any) => (f.events = Array.from({ length: FILE_LIMITS.events + 1 }, () => ({ kind: 'tick' }))), /events: Too big/],
    ['a heal phase past the bound', (f: any) => (f.bounds = { ...f.bounds, healTicks: 1_000_000 }), /bounds.healTicks: Too big/],
    ['a state past the bound', (f: any) => (f.config = { ...f.config, loginQueueLimit: 1_000_000 }), /config: a state of/],
    ['steps x state past the bound', (f: any) => (f.bounds = { ...f.bounds, healTicks: 26 }), /bounds: 27 steps over a state of 19985 entries/],
    ['a suite that is not a plain name', (f: any) => (f.suite = '../../tmp/x'), /suite: must be lower-case/],
  ])('%s: refused in one line', async (_, edit, message) => {
    const file = storm();
    edit(file);
    const r = await runInProcess(['replay', write('past.json', file)]);
    expect(r.crash).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(message)]);
  });

  it('an ITF export past its own bound is refused before anything is written', async () => {
    const out = join(dir, 'storm.itf.json');
    const r = await runInProcess(['replay', write('storm2.json', storm()), '--itf', out]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/--itf: .* more than the 50,000 an ITF export holds/)]);
    expect(existsSync(out)).toBe(false);
  });
});

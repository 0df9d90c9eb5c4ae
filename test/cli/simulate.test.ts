import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Output {
  status: number | null;
  /** Non-empty lines, npm's own warnings left out. */
  stdout: string[];
  stderr: string[];
}

/**
 * Runs `cascade simulate ...` through tsx directly (npx would add npm warnings and startup time), in
 * a fresh process; the runs are started together so that their start-up costs overlap.
 */
function cascade(args: string[]): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['src/cli.ts', 'simulate', ...args], { cwd: root, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: lines(stdout), stderr: lines(stderr) }));
  });
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '' && !/npm warn/i.test(line));

const KEYS = ['tick', 'liveSupernodes', 'onlineClients', 'wantOnline', 'loginQueue', 'crashes', 'overloadShutdowns', 'attemptsPerClient'];
/** What `--json` rows carry besides the table's columns. */
const JSON_KEYS = [
  ...KEYS,
  'onlineShare',
  'liveCapacity',
  'connectAttempts',
  'supernodeRequests',
  'injectedCrashes',
  'supernodesLostToCrashes',
  'supernodesLostToFaults',
  'supernodesLostToOverload',
  'promotions',
  'megaSupernodesAdded',
  'supernodeTraffic',
];

const JSON_RUN = ['--scenario', 'outage-2010', '--variant', 'skype-2010', '--json'];
const TABLE_RUN = ['--scenario', 'outage-2007', '--variant', 'fixed', '--ticks', '3'];
/** Bad input, and what its one line must say. */
const BAD: [string[], string][] = [
  [['--scenario', 'outage-2011', '--variant', 'skype-2010'], "unknown scenario 'outage-2011'"],
  [['--scenario', 'outage-2010', '--variant', 'skype-2011'], "unknown variant 'skype-2011'"],
  [['--scenario', 'outage-2010', '--variant', 'skype-2010+foo'], "unknown fix 'foo'"],
  [['--scenario', 'outage-2010', '--variant', 'skype-2010', '--bogus'], '--bogus'],
  [['--scenario', 'outage-2010', '--variant', 'skype-2010', '--ticks', '-3'], '--ticks must be between 0 and 1000000, got -3'],
  [['--variant', 'skype-2010'], '--scenario is required'],
];

const outputs = new Map<string, Output>();
const output = (args: string[]) => outputs.get(args.join(' '))!;

beforeAll(async () => {
  const all = [JSON_RUN, TABLE_RUN, ...BAD.map(([args]) => args)];
  const results = await Promise.all(all.map(cascade));
  all.forEach((args, i) => outputs.set(args.join(' '), results[i]!));
});

describe('cascade simulate', () => {
  it('--json prints one JSON object per tick with the metric keys', () => {
    const { status, stdout, stderr } = output(JSON_RUN);
    expect(stderr).toEqual([]);
    expect(status).toBe(0);
    const rows = stdout.map((line) => JSON.parse(line) as Record<string, number>);
    expect(rows).toHaveLength(5 + 40); // warmup and the small-scale horizon
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([...JSON_KEYS].sort());
      for (const key of JSON_KEYS) expect(typeof row[key]).toBe('number');
    }
    expect(rows.map((r) => r.tick)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(rows[0]!.liveSupernodes).toBe(3);
    expect(rows.at(-1)!.crashes).toBeGreaterThan(0); // it really replayed the outage
  });

  it('--ticks sets the ticks after the trigger; the table has a header', () => {
    const { status, stdout } = output(TABLE_RUN);
    expect(status).toBe(0);
    expect(stdout[0]!.split('\t')).toEqual(KEYS);
    expect(stdout).toHaveLength(1 + 5 + 3);
  });

  it.each(BAD)('%j exits 2 with one line: %s', (args, message) => {
    const { status, stdout, stderr } = output(args);
    expect(status).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain(message);
    expect(stderr[0]).not.toMatch(/internal error|Error:|\bat .*\.ts:\d+/);
  });
});

/**
 * A user's suite file travels with its counterexamples: the replay command `check` prints for one,
 * the explore command it prints for a search of one, and the replay commands the report prints for
 * one on both pages carry `--suite FILE` (without it, replay refuses to run the suite's code). Run in
 * this process: a one-property suite file, 300 random runs, a report on its one counterexample.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportFiles } from '../../src/report/writeReport.ts';
import { emptyResults } from '../report/fixture.ts';
import { runInProcess } from '../support/inProcess.ts';

const home = mkdtempSync(join(tmpdir(), 'cascade-suite-commands-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A reviewer's own suite: more than half the clients offline for more than 5 ticks in a row. */
const SUITE_FILE = `export default ({ defineSuite, defineProperty, metrics }) =>
  defineSuite({
    id: 'half-offline',
    title: 'more than half the clients are never offline for more than 5 ticks in a row',
    kinds: ['crash', 'reboot', 'goOffline', 'goOnline'],
    properties: [
      defineProperty({
        id: 'half-offline-briefly',
        summary: 'at most half the clients that want to be online are offline, or for at most 5 ticks in a row',
        never: (state) => {
          const m = metrics(state);
          return 2 * m.onlineClients < m.wantOnline;
        },
        forMoreThan: 5,
        reads: [],
      }),
    ],
    variants: { 'skype-2010': 'violated', fixed: null },
  });
`;

const suite = join(home, 'half offline.mjs'); // a space: the printed flag must quote it
const store = join(home, 'cx');
const stored = join(store, 'half-offline', 'half-offline-briefly--skype-2010.json');
const flag = `--suite '${suite}'`;

describe("a user suite's printed commands", () => {
  it('check prints the replay command with --suite FILE, and the stored file replays with it', async () => {
    mkdirSync(home, { recursive: true });
    writeFileSync(suite, SUITE_FILE);
    const check = await runInProcess(['check', '--suite', suite, '--variant', 'skype-2010', '--runs', '300', '--dir', store]);
    expect(check.code, check.err.join('\n')).toBe(0);
    expect(check.out).toContain(`     replay: npx cascade replay ${stored} ${flag}`);
    const json = await runInProcess(['check', '--suite', suite, '--variant', 'skype-2010', '--runs', '300', '--dir', store, '--json']);
    const row = JSON.parse(json.out[0]!) as { replay: string };
    expect(row.replay).toBe(`npx cascade replay ${stored} ${flag}`);
    expect((await runInProcess(['replay', stored, '--suite', suite])).code).toBe(0);
  }, 60_000);

  it('explore prints the replay command with --suite FILE', async () => {
    const r = await runInProcess([
      'explore',
      '--suite',
      suite,
      '--variant',
      'skype-2010',
      '--horizon',
      '8',
      '--max-states',
      '300000',
      '--dir',
      join(home, 'cx-explore'),
    ]);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out).toContain(`     replay: npx cascade replay ${join(home, 'cx-explore', 'half-offline', 'half-offline-briefly--skype-2010.json')} ${flag}`);
  }, 120_000);

  it('the report prints the replay command with --suite FILE on the first page and in the appendix', async () => {
    const results = join(home, 'results.json');
    writeFileSync(results, JSON.stringify(emptyResults()));
    const run = await runInProcess(['report', '--results', results, '--dir', store, '--suite', suite, '--out', join(home, 'review'), '--json']);
    expect(run.code, run.err.join('\n')).toBe(0);
    const files = JSON.parse(run.out.join('')) as ReportFiles;
    expect(files.counterexamples).toBe(1);
    const command = `\`npx cascade replay ${stored} ${flag}\``;
    expect(readFileSync(files.markdown, 'utf8')).toContain(`replay: ${command}.`);
    expect(readFileSync(files.appendix.markdown, 'utf8')).toContain(`replay with ${command}`);
  }, 60_000);
});

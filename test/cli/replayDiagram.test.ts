/**
 * `cascade replay FILE --diagram OUT` writes the counterexample's sequence diagram (the report's) as
 * Mermaid text (.mmd), a Markdown page (.md) or a drawing (.svg); every other target is refused in
 * one line with exit 2 before anything is written: another ending, the file read, a counterexample,
 * the --itf target, and an existing file without --update. Run in this process.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCounterexample } from '../../src/trace/load.ts';
import { replay } from '../../src/search/replay.ts';
import { sequenceDiagram } from '../../src/report/sequenceDiagram.ts';
import { sequenceTrace } from '../../src/runner/sequenceTrace.ts';
import { sequenceSvg } from '../../src/report/sequenceSvg.ts';
import { runInProcess } from '../support/inProcess.ts';

const committed = 'counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json';
const dir = mkdtempSync(join(tmpdir(), 'cascade-diagram-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The diagram the report draws for the committed file. */
function reportDiagram(variant?: string): string {
  const file = loadCounterexample(committed);
  if (!file.ok) throw new Error(file.error);
  const r = replay(file.value, variant ?? file.value.variant);
  if (!r.ok) throw new Error(r.error);
  return sequenceDiagram(sequenceTrace(r.value.model, file.value.events, r.value.outcome.healTicks, r.value.outcome.violation));
}

describe('replay --diagram OUT', () => {
  it('.mmd: the Mermaid text the report draws, and the narrative as before', async () => {
    const out = join(dir, 'crash.mmd');
    const r = await runInProcess(['replay', committed, '--diagram', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`sequence diagram written to ${out}`);
    expect(r.out.some((l) => /^reproduced at step \d+/.test(l))).toBe(true);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(reportDiagram() + '\n');
    expect(text).toMatch(/^---\nconfig:[\s\S]*\n---\nsequenceDiagram\n/);
    expect(text).toMatch(/Note over Clients,Offline: ✗ violated at step \d+/);
  });

  it('.md: a page with the verdict, the command that replays it and the diagram in a mermaid block; on --variant, that variant', async () => {
    const out = join(dir, 'crash.md');
    const r = await runInProcess(['replay', committed, '--variant', 'skype-2010+robust-client', '--diagram', out, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1); // --json: the one object, nothing else
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('# no-client-crash on skype-2010+robust-client\n')).toBe(true);
    expect(page).toContain(`**holds** along the same events. Replay: \`npx cascade replay ${committed} --variant skype-2010+robust-client\`.`);
    expect(page).toContain('```mermaid\n' + reportDiagram('skype-2010+robust-client') + '\n```\n');
  });

  it('.svg: that diagram drawn, without a browser', async () => {
    const out = join(dir, 'crash.svg');
    const r = await runInProcess(['replay', committed, '--diagram', out]);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toBe(sequenceSvg(reportDiagram()));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="[\d.]+" height="[\d.]+" viewBox="0 0 [\d.]+ [\d.]+"/);
    expect(svg).toContain('>Login server</text>');
  });

  const copy = join(dir, 'copy.json');
  const existing = join(dir, 'mine.md');
  const refusals: [string, string[], RegExp][] = [
    [
      'another ending',
      ['--diagram', join(dir, 'crash.png')],
      /--diagram .*crash\.png: write \.mmd \(Mermaid text\), \.md \(a Markdown page with the diagram\) or \.svg, not '\.png'/,
    ],
    ['no ending', ['--diagram', join(dir, 'crash')], /the name has no ending/],
    ['an empty name', ['--diagram', ''], /--diagram needs a file name, got ''/],
    ['the file read (a .json)', ['--diagram', copy], /--diagram .*copy\.json: write \.mmd/],
    ['inside the counterexamples', ['--diagram', 'counterexamples/crash-cascade-2010/x.md'], /is inside the counterexamples directory/],
    ['the --itf target too', ['--diagram', join(dir, 'both.md'), '--itf', join(dir, 'both.md')], /is also the --itf target/],
    ['an existing file without --update', ['--diagram', existing], /--diagram .*mine\.md: exists; --update replaces it/],
  ];
  it.each(refusals)('refuses %s in one line, exit 2, nothing written', async (_name, flags, message) => {
    copyFileSync(committed, copy);
    writeFileSync(existing, 'my own notes\n');
    const r = await runInProcess(['replay', copy, ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(r.out).toEqual([]);
    expect(readFileSync(existing, 'utf8')).toBe('my own notes\n');
    for (const f of ['crash.png', 'crash', 'both.md']) expect(existsSync(join(dir, f))).toBe(false);
    expect(existsSync('counterexamples/crash-cascade-2010/x.md')).toBe(false);
  });

  it('replaces an existing file with --update, and says --update applies with --diagram', async () => {
    writeFileSync(existing, 'my own notes\n');
    const r = await runInProcess(['replay', committed, '--diagram', existing, '--update']);
    expect(r.code).toBe(0);
    expect(readFileSync(existing, 'utf8')).toMatch(/^# no-client-crash on skype-2010\n/);
    const alone = await runInProcess(['replay', committed, '--update']);
    expect(alone.err).toEqual(['cascade replay: --update only applies with --itf or --diagram']);
  });

  it('is in replay --help', async () => {
    const help = await runInProcess(['replay', '--help']);
    expect(help.out.join('\n')).toMatch(/--diagram OUT +also write its sequence diagram/);
  });
});

/**
 * Messages that must not mislead: a file whose violation sentence was edited says which sentence
 * differs; a flag missing its value names the flag; a damaged stored counterexample is kept, named
 * as damaged, and the command printed to reproduce is one that works.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inProcess.ts';

const committed = 'counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json';
const dir = mkdtempSync(join(tmpdir(), 'cascade-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('messages', () => {
  it('an edited violation sentence: reproduced at the same step, but the sentences are named', async () => {
    const file = JSON.parse(readFileSync(committed, 'utf8'));
    file.violation.message = 'something else';
    const path = join(dir, 'edited.json');
    writeFileSync(path, JSON.stringify(file));
    const r = await runInProcess(['replay', path]);
    expect(r.code).toBe(1);
    expect(r.out.at(-1)).toMatch(/^NOT reproduced as recorded: violated at step 6 as the file records, but the violation reads '.+' and the file records 'something else'$/);
  });

  it('a flag without its value names the flag', async () => {
    const r = await runInProcess(['check', '--seed', '--runs', '3']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["cascade check: --seed needs a value, got the flag '--runs'"]);
  });

  it('a damaged stored counterexample is kept, named as damaged, and the printed command reproduces', async () => {
    const out = join(dir, 'cx');
    mkdirSync(join(out, 'crash-cascade-2010'), { recursive: true });
    const stored = join(out, 'crash-cascade-2010', 'no-client-crash--skype-2010.json');
    writeFileSync(stored, '{"truncated": ');
    const r = await runInProcess(['check', '--property', 'no-client-crash', '--variant', 'skype-2010', '--budget', 'test', '--dir', out]);
    expect(readFileSync(stored, 'utf8')).toBe('{"truncated": ');
    const text = r.out.join('\n');
    expect(text).toMatch(/does not load as a counterexample: kept, not replaced; --update replaces it/);
    expect(text).not.toMatch(/replay: .*replay /);
    expect(text).toMatch(/replay: npx cascade check --suite crash-cascade-2010 --property no-client-crash --variant skype-2010 --seed -?\d+ --runs \d+/);
  });
});

/**
 * Messages that must not mislead: a file whose violation sentence was edited says which sentence
 * differs; a flag missing its value names the flag; a damaged stored counterexample is kept, named
 * as damaged, and the command printed to reproduce is one that works. User text with control
 * characters is echoed escaped, on one line; a config file that gives a parameter twice is refused;
 * a command whose thread ends itself, or whose property never returns, says so in one line.
 */
import { spawnSync } from 'node:child_process';
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
    expect(r.out.at(-1)).toMatch(
      /^NOT reproduced as recorded: violated at step 6 as the file records, but the violation reads '.+' and the file records 'something else'$/,
    );
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

/** A suite file with one property whose `always` runs `body` once a fault was injected. */
function suiteFile(name: string, body: string, imports = ''): string {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(
    path,
    `${imports}export default ({ defineSuite, defineProperty }) => defineSuite({ id: '${name}', title: 'a property that misbehaves', kinds: ['crash'], properties: [defineProperty({ id: 'odd', summary: 'misbehaves once a peer crashed', always: (s) => { if (s.faultsUsed > 0) { ${body} } return null; } })], variants: { fixed: null } });\n`,
  );
  return path;
}

/** The real command line (the supervising thread included), with extra environment. */
function cliWith(env: Record<string, string>, args: string[]): { code: number | null; errors: string[]; ms: number } {
  const started = performance.now();
  const r = spawnSync(`${process.cwd()}/node_modules/.bin/tsx`, [`${process.cwd()}/src/cli.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 110_000,
  });
  return { code: r.status, errors: r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn')), ms: performance.now() - started };
}

describe('user text in messages', () => {
  const escapes = join(dir, 'escapes.json');
  writeFileSync(escapes, '{"\\u001b[2J\\u001b[Hclear": 1}');
  it.each([
    ['a --set key', ['--set', 'a\x1b[2Jb=1'], /--set a\\u001b\[2Jb=1: unknown parameter 'a\\u001b\[2Jb'/],
    ['a --set value', ['--set', 'faultBudget=1\n2'], /--set faultBudget: expected a number, got '1\\u000a2'/],
    ['a config file key', ['--config', escapes], /unknown parameter '\\u001b\[2J\\u001b\[Hclear'/],
    ['a --property', ['--property', 'no\nsuch\x1b]0;title\x07'], /property 'no\\u000asuch\\u001b\]0;title\\u0007'/],
    ['a --variant', ['--variant', 'skype\u2028\x9b2010'], /variant 'skype\\u2028\\u009b2010'/],
    ['an unknown flag', ['--no\nsuch'], /'--no\\u000asuch'/],
  ])('%s with control characters is echoed escaped, on one line', async (_, args, pattern) => {
    const r = await runInProcess(['check', '--budget', 'test', '--runs', '1', '--dir', join(dir, 'unused'), ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(pattern)]);
    expect(r.err[0]).not.toMatch(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/);
  });

  it('a config file that gives a parameter twice is refused in one line, naming it', async () => {
    const twice = join(dir, 'twice.json');
    writeFileSync(twice, '{ "faultBudget": 1, "churnBudget": 0, "faultBudget": 3 }');
    const r = await runInProcess(['check', '--budget', 'test', '--runs', '1', '--dir', join(dir, 'twice'), '--config', twice]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`cascade check: --config ${twice}: parameter 'faultBudget' is given twice; give each parameter once`]);
    expect(r.out).toEqual([]);
  });
});

describe('a command that cannot finish', () => {
  it('a suite file that ends the command thread (one worker) is one line and exit code 3', () => {
    const suite = suiteFile('exiting', 'process.exit(5);');
    const r = cliWith({}, ['check', '--suite', suite, '--runs', '20', '--workers', '1', '--dir', join(dir, 'exiting')]);
    expect(r.code).toBe(3);
    expect(r.errors).toEqual(["cascade check: the command's thread stopped (exit code 5) before it finished: the run is incomplete and reports no verdict"]);
  });

  it.each([
    ['check', '1', ['--runs', '20']],
    ['explore', '2', ['--variant', 'fixed', '--horizon', '3']],
  ])('%s on %s worker(s): a property that never returns is stopped at the bound, in one line, exit code 2', (command, workers, extra) => {
    const suite = suiteFile(`looping-${command}`, 'for (;;);');
    const r = cliWith({ CASCADE_PROPERTY_SECONDS: '1' }, [command, '--suite', suite, '--workers', workers, '--dir', join(dir, `looping-${command}`), ...extra]);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([
      `cascade ${command}: property 'odd': always did not return within 1 s on one state: a property must be a quick function of the state (CASCADE_PROPERTY_SECONDS sets this bound); the run is incomplete and reports no verdict`,
    ]);
    // The bound, not the test's own timeout, ended it (start-up on a busy machine takes a few seconds).
    expect(r.ms).toBeLessThan(60_000);
  });

  it('a bad CASCADE_PROPERTY_SECONDS is one line and exit code 2', () => {
    const r = cliWith({ CASCADE_PROPERTY_SECONDS: 'soon' }, ['check', '--runs', '1']);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual(["cascade check: CASCADE_PROPERTY_SECONDS must be a whole number of seconds from 1 to 86400, got 'soon'"]);
  });
});

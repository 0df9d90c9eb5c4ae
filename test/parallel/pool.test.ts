/**
 * The pool starts a worker only when a task needs it: a pool larger than its work costs no more
 * threads. A task pinned to a worker that does not exist is refused; bad input met in a worker comes
 * back as its one line (a Refusal), a defect as a TaskError; a lost worker (one that exits, or fails
 * outside a task) fails every task, then and later, with one line naming it. `withPool` runs one
 * worker in this thread (no pool).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Refusal } from '../../src/io/refusal.ts';
import { enterUserCall, leaveUserCall, registerUserFunction, userCallWatcher } from '../../src/io/userCallWatch.ts';
import { EXPLORE_TASKS } from '../../src/engines/exhaustive/workerTasks.ts';
import { Pool, TaskError, taskRef, WorkerLost, withPool } from '../../src/parallel/pool.ts';
import { exhaustiveSearchRef } from '../../src/runner/workerTasks.ts';

/** A task no module exports: the cheapest to ask for (the worker imports a small module of the pool's own and answers with an error). */
const NONE = taskRef(new URL('../../src/parallel/collectGarbage.ts', import.meta.url).href, 'noSuchTask');

describe('Pool', () => {
  it('starts as many workers as tasks ask for at once, up to its size', async () => {
    const pool = new Pool(4);
    try {
      expect(pool.started).toBe(0);
      await expect(pool.runOn(-1, NONE, null)).rejects.toThrow(/^no worker -1 in a pool of 4$/);
      await expect(pool.runOn(1.5, NONE, null)).rejects.toThrow(RangeError);
      expect(pool.started).toBe(0);
      // An unknown task is the cheapest: the worker starts, answers with an error, and is free again.
      const two = [pool.run(NONE, null), pool.run(NONE, null)];
      expect(pool.started).toBe(2);
      for (const answer of await Promise.allSettled(two)) expect(answer).toMatchObject({ status: 'rejected', reason: expect.any(TaskError) });
      await expect(pool.run(NONE, null)).rejects.toThrow(/unknown task 'noSuchTask' in file:\S+\/src\/parallel\/collectGarbage\.ts/);
      expect(pool.started).toBe(2);
      await expect(pool.runOn(0, NONE, null)).rejects.toThrow(TaskError);
      expect(pool.started).toBe(2);
      await expect(pool.runOn(2, NONE, null)).rejects.toThrow(TaskError);
      expect(pool.started).toBe(3);
      await expect(pool.runOn(4, NONE, null)).rejects.toThrow(/no worker 4 in a pool of 4/);
      const many = Array.from({ length: 20 }, () => pool.run(NONE, null));
      expect(pool.started).toBe(4);
      await Promise.allSettled(many);
      // Bad input met in a worker (here, a suite file that does not exist) is its one line, not a defect.
      const missing = { suite: 'mine', suiteFile: '/nonexistent/suite.mjs', property: 'p', variant: 'fixed', expected: null };
      const refused = pool.runOn(3, EXPLORE_TASKS.settle, {
        search: exhaustiveSearchRef({ pair: missing, overrides: {} }),
        options: { horizon: 1, maxStates: 10, maxMemoryBytes: 2 ** 20 },
      });
      await expect(refused).rejects.toThrow(Refusal);
      await expect(refused).rejects.toThrow(/^--suite \/nonexistent\/suite\.mjs: no such file$/);
    } finally {
      await pool.close();
    }
  });

  it('a worker lost fails its task and every later one with one line naming it', async () => {
    process.env.CASCADE_WORKER_FAULT = 'exit';
    const pool = new Pool(2);
    try {
      const lost = pool.runOn(0, NONE, null);
      await expect(lost).rejects.toThrow(WorkerLost);
      await expect(lost).rejects.toThrow(/^worker 1 of 2 stopped \(exit code 70\): the run is incomplete and reports no verdict$/);
      await expect(pool.run(NONE, null)).rejects.toThrow(/^worker 1 of 2 stopped/);
      await expect(pool.runOn(1, NONE, null)).rejects.toThrow(/^worker 1 of 2 stopped/);
      expect(pool.started).toBe(1);
    } finally {
      delete process.env.CASCADE_WORKER_FAULT;
      await pool.close();
    }
  });
});

describe('a worker that fails outside a task', () => {
  it("fails the run with one line: the worker and its error's first line", async () => {
    const pool = new Pool(1);
    try {
      const module = new URL('../engines/exhaustive/throwingSubject.ts', import.meta.url).href;
      // The search itself is answered; the subject's error comes right after, outside the task.
      await pool.runOn(0, EXPLORE_TASKS.settle, { search: { module, subject: null }, options: { horizon: 3, maxStates: 1000, maxMemoryBytes: 2 ** 28 } });
      let lost: unknown = null;
      for (let i = 0; i < 200 && lost === null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        lost = await pool.run(NONE, null).then(
          () => null,
          (error: unknown) => (error instanceof WorkerLost ? error : null),
        );
      }
      expect(String(lost)).toMatch(/^Error: worker 1 of 1 failed: the subject broke: the run is incomplete and reports no verdict$/);
    } finally {
      await pool.close();
    }
  });
});

const dir = mkdtempSync(join(tmpdir(), 'cascade-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A suite file whose one property runs `body` once a peer crashed, after `top` at its load. */
function suiteFile(name: string, body: string, top = ''): string {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(
    path,
    `${top}\nexport default ({ defineSuite, defineProperty }) => defineSuite({ id: '${name}', title: 'a pool test', kinds: ['crash'], properties: [defineProperty({ id: 'odd', summary: 'runs its body once a peer crashed', always: (s) => { if (s.faultsUsed > 0) { ${body} } return null; } })], variants: { fixed: null } });\n`,
  );
  return path;
}

/** The pool task that searches `suite`'s property on `fixed` within a small bound. */
function settle(suite: string) {
  return {
    search: exhaustiveSearchRef({ pair: { suite: 'mine', suiteFile: suite, property: 'odd', variant: 'fixed', expected: null }, overrides: {} }),
    options: { horizon: 2, maxStates: 1000, maxMemoryBytes: 2 ** 28 },
  };
}

describe('what a worker shares with the command', () => {
  it("a suite file's output and errors from a worker reach this thread's stdout and stderr, as they do with no pool", async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const pool = new Pool(1);
    const printed = (spy: typeof out, text: string) => spy.mock.calls.some(([chunk]) => String(chunk).includes(text));
    try {
      await pool.runOn(
        0,
        EXPLORE_TASKS.settle,
        settle(
          suiteFile('printing', '', "console.log('printed by a suite file on worker 1'); console.error('written to stderr by a suite file on worker 1');"),
        ),
      );
      for (let i = 0; i < 100 && !(printed(out, 'printed by') && printed(err, 'written to stderr by')); i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(printed(out, 'printed by a suite file on worker 1')).toBe(true);
      expect(printed(err, 'written to stderr by a suite file on worker 1')).toBe(true);
    } finally {
      out.mockRestore();
      err.mockRestore();
      await pool.close();
    }
  });

  it("a message a suite file posts from a worker is not taken for its task's answer", async () => {
    const pool = new Pool(1);
    try {
      const top = "import { parentPort } from 'node:worker_threads'; parentPort?.postMessage({ id: -1, output: 'not an answer' });";
      const answer = await pool.runOn<unknown>(0, EXPLORE_TASKS.settle, settle(suiteFile('posting', '', top)));
      expect(answer).toMatchObject({ verdict: expect.stringMatching(/^(holds|holds-within-horizon|bound-reached|violated)$/), states: expect.any(Number) });
    } finally {
      await pool.close();
    }
  });

  it("each worker's calls of a suite file's functions are watched in a slot of its own, apart from this thread's", async () => {
    const pool = new Pool(1);
    try {
      void pool.runOn(0, EXPLORE_TASKS.settle, settle(suiteFile('looping', 'for (;;);'))).catch(() => undefined);
      // This thread (slot 0) calls a function of its own again and again while worker 1 loops: the watch
      // must still see the worker's one call run past its bound, named as the worker registered it.
      const mine = registerUserFunction("this thread's function");
      const watch = userCallWatcher(0.5);
      let found: string | null = null;
      for (let i = 0; i < 300 && found === null; i++) {
        leaveUserCall(enterUserCall(mine));
        await new Promise((resolve) => setTimeout(resolve, 20));
        found = watch.look();
      }
      expect(found).toBe("property 'odd': always");
    } finally {
      await pool.close();
    }
  });
});

describe('withPool', () => {
  it('one worker (or none asked for) runs in this thread; more get a pool of that size, closed afterwards', async () => {
    expect(await withPool(1, async (pool) => pool)).toBeNull();
    expect(await withPool(0, async (pool) => pool)).toBeNull();
    let kept: Pool | null = null;
    expect(await withPool(2, async (pool) => ((kept = pool), pool?.size))).toBe(2);
    // Closed: a task asked for afterwards never runs (and starts no worker).
    void kept!.run(NONE, null);
    expect(kept!.started).toBe(0);
  });
});

/** The pool starts a worker only when a task needs it: a pool larger than its work costs no more threads. */
import { describe, expect, it } from 'vitest';
import { Pool, TaskError } from '../../src/parallel/pool.ts';

describe('Pool', () => {
  it('starts as many workers as tasks ask for at once, up to its size', async () => {
    const pool = new Pool(4);
    try {
      expect(pool.started).toBe(0);
      // An unknown task is the cheapest: the worker starts, answers with an error, and is free again.
      const two = [pool.run('no-such-task', null), pool.run('no-such-task', null)];
      expect(pool.started).toBe(2);
      for (const answer of await Promise.allSettled(two)) expect(answer).toMatchObject({ status: 'rejected', reason: expect.any(TaskError) });
      await expect(pool.run('no-such-task', null)).rejects.toThrow(/unknown task 'no-such-task'/);
      expect(pool.started).toBe(2);
      await expect(pool.runOn(2, 'no-such-task', null)).rejects.toThrow(TaskError);
      expect(pool.started).toBe(3);
      await expect(pool.runOn(4, 'no-such-task', null)).rejects.toThrow(/no worker 4 in a pool of 4/);
      const many = Array.from({ length: 20 }, () => pool.run('no-such-task', null));
      expect(pool.started).toBe(4);
      await Promise.allSettled(many);
    } finally {
      await pool.close();
    }
  });
});

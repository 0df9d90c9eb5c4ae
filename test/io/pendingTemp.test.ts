/**
 * The slot that tells the supervisor which temporary file the command is writing
 * (src/io/pendingTemp.ts): a write marks it before it creates the file and clears it after; the
 * supervisor, stopping the command, closes it and removes what it found, and no write may start
 * after that, so that a file begun between the removal and the process's end cannot be left behind.
 * This file's own slot: its tests run in order and leave it closed.
 */
import { describe, expect, it } from 'vitest';
import { clearPending, closePending, markPending, pendingTemp } from '../../src/io/pendingTemp.ts';

describe('the pending temporary file', () => {
  it('is marked while a write runs and cleared after', () => {
    expect(pendingTemp()).toBeNull();
    expect(markPending('/tmp/.a.json.1.tmp')).toBe('ok');
    expect(pendingTemp()).toBe('/tmp/.a.json.1.tmp');
    clearPending();
    expect(pendingTemp()).toBeNull();
    expect(markPending('x'.repeat(20_000))).toBe('too long');
    expect(pendingTemp()).toBeNull();
  });

  it('once closed, gives the file being written and refuses every later write, cleared or not', () => {
    expect(markPending('/tmp/.b.json.1.tmp')).toBe('ok');
    expect(closePending()).toBe('/tmp/.b.json.1.tmp');
    // The write that was running ends: its clearing does not open the slot again.
    clearPending();
    expect(markPending('/tmp/.c.json.1.tmp')).toBe('closed');
    expect(pendingTemp()).toBeNull();
    expect(closePending()).toBeNull();
  });
});

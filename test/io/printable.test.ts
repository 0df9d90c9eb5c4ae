/** User text echoed in a message: control and reordering characters escaped, other text kept. */
import { describe, expect, it } from 'vitest';
import { escapeUnprintable, shown } from '../../src/io/printable.ts';

describe('printable text', () => {
  it('escapes newlines, terminal escapes, C1 controls, line separators and bidirectional overrides', () => {
    expect(escapeUnprintable('a\nb')).toBe('a\\u000ab');
    expect(escapeUnprintable('\x1b[2J\x1b[Hx')).toBe('\\u001b[2J\\u001b[Hx');
    expect(escapeUnprintable('t\x07\x7f\x9b')).toBe('t\\u0007\\u007f\\u009b');
    expect(escapeUnprintable('a\u2028b\u202ec\u2066')).toBe('a\\u2028b\\u202ec\\u2066');
    expect(escapeUnprintable('a\u2028b')).not.toMatch(/[\n\u2028]/);
  });

  it('keeps printable text, accents and other scripts as they are', () => {
    expect(escapeUnprintable("--set faultBudget=3: 'x' café 日本 -> ok")).toBe("--set faultBudget=3: 'x' café 日本 -> ok");
  });

  it('cuts long text with a mark, after the cut is escaped', () => {
    expect(shown('x'.repeat(100))).toBe(`${'x'.repeat(80)}...`);
    expect(shown('ab', 1)).toBe('a...');
    expect(shown('\n'.repeat(3), 2)).toBe('\\u000a\\u000a...');
  });
});

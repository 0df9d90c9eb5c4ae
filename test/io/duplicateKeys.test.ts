/** A key given twice in one JSON object is found (JSON.parse would keep the last without a word). */
import { describe, expect, it } from 'vitest';
import { duplicateKey } from '../../src/io/duplicateKeys.ts';

describe('duplicateKey', () => {
  it.each([
    ['{"faultBudget": 1, "faultBudget": 3}', 'faultBudget'],
    ['{ "a": 1, "b": { "c": 1, "c": 2 } }', 'c'],
    ['[{"a": 1}, {"b": [1, {"d": 0, "d": 0}]}]', 'd'],
    ['{"a\\"b": 1, "a\\u0022b": 2}', 'a"b'],
    ['{"\\u001b": 1, "\\u001b": 2}', '\u001b'],
  ])('finds the key given twice in %s', (text, key) => {
    JSON.parse(text);
    expect(duplicateKey(text)).toBe(key);
  });

  it.each([
    '{"a": 1, "b": 2}',
    '{"a": {"a": {"a": 1}}}',
    '[{"a": 1}, {"a": 2}]',
    '{"a": "b", "c": "b"}',
    '{"a": ["a", "a"], "s": "{\\"a\\": 1, \\"a\\": 2}"}',
    '{}',
    '3',
  ])('finds none in %s', (text) => {
    JSON.parse(text);
    expect(duplicateKey(text)).toBeNull();
  });
});

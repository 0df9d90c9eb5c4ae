/**
 * Number and duration formats shared by the report's tables and sentences, so every figure reads the
 * same way (en-US, rounded for reading).
 */

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function percent(share: number, digits = 0): string {
  return `${(100 * share).toFixed(digits)}%`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}

/** `a`, `a and b`, `a, b and c` (or `a, b or c`). */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** A figure's value in its unit: a share in percent, a ratio as Nx, a time in hours ('never' for none). */
export function showFigure(unit: 'share' | 'ratio' | 'hours', value: number | null): string {
  if (value === null) return 'never';
  switch (unit) {
    case 'share':
      return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
    case 'ratio':
      return `${value.toFixed(value < 10 ? 1 : 0)}x`;
    case 'hours':
      return `${value.toFixed(0)} h`;
  }
}

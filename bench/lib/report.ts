/** Output: a readable table streamed row by row, or one JSON object per line per measurement (`--json`). */
import type { Measurement } from './module.ts';

const COLUMNS = [
  { title: 'scope', width: 10 },
  { title: 'variant', width: 10 },
  { title: 'measurement', width: 36 },
  { title: 'value', width: 14, right: true },
  { title: 'unit', width: 9 },
  { title: 'note', width: 0 },
] as const;

function row(cells: readonly string[]): string {
  return COLUMNS.map((c, i) => {
    const cell = cells[i] ?? '';
    if (c.width === 0) return cell;
    return 'right' in c ? cell.padStart(c.width) : cell.padEnd(c.width);
  })
    .join('  ')
    .trimEnd();
}

/** A figure to three significant digits, grouped by thousands; ratios to two decimals. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'x') return value.toFixed(2);
  const rounded = Number(value.toPrecision(3));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

export function tableHeader(module: string, summary: string): string {
  const rule = '-'.repeat(100);
  return [``, `== ${module}: ${summary}`, row(COLUMNS.map((c) => c.title)), rule].join('\n');
}

export function tableRow(m: Measurement): string {
  return row([m.scope, m.variant, m.name, formatValue(m.value, m.unit), m.unit, m.note ?? '']);
}

export function jsonLine(m: Measurement): string {
  return JSON.stringify(m);
}

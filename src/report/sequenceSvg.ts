/**
 * A sequence diagram drawn as SVG on Node, from the Mermaid text sequenceDiagram.ts writes, for
 * `replay --diagram OUT.svg`: Mermaid itself lays a diagram out in a browser, so this draws the few
 * statements cascade writes (participants, four arrows, notes over one or a span of participants) in
 * the same order, one row each, with widths estimated from the text. Anything else in the text is a
 * bug of ours and throws.
 */

/** Pixel sizes: the font, a character's width (estimated on the wide side), a text line, paddings. */
const FONT = 13;
const CHAR = 7.4;
const LINE = 17;
const PAD = 10;
const BOX_HEIGHT = 34;
const MIN_GAP = 40;

type Arrow = '->>' | '-->>' | '-x' | '--x';
type Statement = { kind: 'message'; from: string; to: string; arrow: Arrow; lines: string[] } | { kind: 'note'; from: string; to: string; lines: string[] };

interface Participant {
  id: string;
  label: string;
  width: number;
  x: number;
}

/** The SVG of a Mermaid `sequenceDiagram` as sequenceDiagram.ts writes it (its config header skipped). */
export function sequenceSvg(mermaid: string): string {
  const { participants, statements } = parseDiagram(mermaid);
  const index = new Map(participants.map((p, i) => [p.id, i]));
  const at = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`sequence diagram: unknown participant '${id}'`);
    return i;
  };
  // Centres: boxes apart, then every message's label fits between its two lifelines.
  const gaps = participants.slice(1).map((p, i) => (participants[i]!.width + p.width) / 2 + MIN_GAP);
  for (const s of statements) {
    if (s.kind !== 'message') continue;
    const [a, b] = [at(s.from), at(s.to)].sort((x, y) => x - y) as [number, number];
    const need = widest(s.lines) + 2 * PAD;
    const have = gaps.slice(a, b).reduce((sum, g) => sum + g, 0);
    if (b > a && need > have) gaps[b - 1]! += need - have;
  }
  let x = 0;
  participants.forEach((p, i) => {
    if (i > 0) x += gaps[i - 1]!;
    p.x = x;
  });
  // Rows, top to bottom; notes may reach past the outer lifelines, so the drawing's extent is tracked.
  const body: string[] = [];
  let y = BOX_HEIGHT + 2 * PAD;
  let left = Math.min(...participants.map((p) => p.x - p.width / 2));
  let right = Math.max(...participants.map((p) => p.x + p.width / 2));
  for (const s of statements) {
    const [from, to] = [participants[at(s.from)]!, participants[at(s.to)]!];
    if (s.kind === 'message') {
      const mid = (from.x + to.x) / 2;
      s.lines.forEach((line, i) => body.push(textAt(mid, y + LINE * (i + 1) - 4, line)));
      const arrowY = y + LINE * s.lines.length + 6;
      body.push(arrowPath(from.x, to.x, arrowY, s.arrow));
      y = arrowY + PAD + 4;
    } else {
      const [a, b] = from.x <= to.x ? [from, to] : [to, from];
      const width = Math.max(widest(s.lines) + 2 * PAD, b.x - a.x + a.width / 2 + b.width / 2 - 2 * PAD, 60);
      const mid = (a.x + b.x) / 2;
      const height = LINE * s.lines.length + PAD;
      left = Math.min(left, mid - width / 2);
      right = Math.max(right, mid + width / 2);
      body.push(`<rect x="${n(mid - width / 2)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="#fff5ad" stroke="#aaaa33"/>`);
      s.lines.forEach((line, i) => body.push(textAt(mid, y + LINE * (i + 1) - 2, line)));
      y += height + PAD;
    }
  }
  const bottom = y + PAD;
  const shift = PAD - left;
  const width = right - left + 2 * PAD;
  const height = bottom + PAD;
  const heads = participants.map((p) => [
    `<line x1="${n(p.x)}" y1="${n(PAD + BOX_HEIGHT)}" x2="${n(p.x)}" y2="${n(bottom)}" stroke="#999" stroke-dasharray="3,3"/>`,
    `<rect x="${n(p.x - p.width / 2)}" y="${PAD}" width="${n(p.width)}" height="${BOX_HEIGHT}" rx="3" fill="#eaeaff" stroke="#9370db"/>`,
    textAt(p.x, PAD + BOX_HEIGHT / 2 + FONT / 2 - 2, p.label),
  ]);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="Helvetica, Arial, sans-serif" font-size="${FONT}">`,
    '<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#333"/></marker></defs>',
    `<rect width="${n(width)}" height="${n(height)}" fill="white"/>`,
    `<g transform="translate(${n(shift)},0)">`,
    ...heads.flat(),
    ...body,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

/** The statements of the Mermaid text, in order. */
function parseDiagram(mermaid: string): { participants: Participant[]; statements: Statement[] } {
  const lines = mermaid.split('\n');
  let i = 0;
  if (lines[0] === '---') {
    i = lines.indexOf('---', 1) + 1;
    if (i === 0) throw new Error('sequence diagram: an unclosed config header');
  }
  if (lines[i] !== 'sequenceDiagram') throw new Error(`sequence diagram: expected 'sequenceDiagram', got '${lines[i]}'`);
  const participants: Participant[] = [];
  const statements: Statement[] = [];
  for (const line of lines.slice(i + 1)) {
    if (line.trim() === '') continue;
    const p = /^participant (\w+)(?: as (.+))?$/.exec(line);
    const m = /^(\w+)(-->>|->>|--x|-x)(\w+): (.*)$/.exec(line);
    const note = /^Note over (\w+)(?:,(\w+))?: (.*)$/.exec(line);
    if (p) participants.push({ id: p[1]!, label: p[2] ?? p[1]!, width: Math.max(90, (p[2] ?? p[1]!).length * CHAR + 2 * PAD), x: 0 });
    else if (m) statements.push({ kind: 'message', from: m[1]!, arrow: m[2] as Arrow, to: m[3]!, lines: m[4]!.split('<br/>') });
    else if (note) statements.push({ kind: 'note', from: note[1]!, to: note[2] ?? note[1]!, lines: note[3]!.split('<br/>') });
    else throw new Error(`sequence diagram: a statement this drawing does not know: '${line}'`);
  }
  return { participants, statements };
}

/** A horizontal arrow: solid or dashed (`--`), ending in a head (`>>`) or a cross (`x`). */
function arrowPath(x1: number, x2: number, y: number, arrow: Arrow): string {
  const dash = arrow.startsWith('--') ? ' stroke-dasharray="5,3"' : '';
  if (arrow.endsWith('>>'))
    return `<line x1="${n(x1)}" y1="${n(y)}" x2="${n(x2)}" y2="${n(y)}" stroke="#333" stroke-width="1.5"${dash} marker-end="url(#head)"/>`;
  const c = 5;
  return [
    `<line x1="${n(x1)}" y1="${n(y)}" x2="${n(x2)}" y2="${n(y)}" stroke="#333" stroke-width="1.5"${dash}/>`,
    `<path d="M${n(x2 - c)},${n(y - c)}L${n(x2 + c)},${n(y + c)}M${n(x2 - c)},${n(y + c)}L${n(x2 + c)},${n(y - c)}" stroke="#333" stroke-width="2"/>`,
  ].join('\n');
}

function textAt(x: number, y: number, text: string): string {
  return `<text x="${n(x)}" y="${n(y)}" text-anchor="middle" fill="#333">${escapeXml(text)}</text>`;
}

/** The widest of some lines of text, in estimated pixels. */
function widest(lines: string[]): number {
  return Math.max(0, ...lines.map((l) => l.length * CHAR));
}

/** A coordinate with at most one decimal: the same diagram gives the same bytes. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

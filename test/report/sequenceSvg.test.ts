/**
 * The sequence diagram drawn as SVG without a browser (sequenceSvg.ts), for every committed
 * counterexample's diagram: every participant, message and note line is drawn as text once, one
 * arrow per message (a head or a cross as its Mermaid arrow says), everything inside the view box, and
 * the same diagram gives the same bytes. A statement it does not know is an error, not a silent gap.
 */
import { describe, expect, it } from 'vitest';
import { explainCounterexamples } from '../../src/runner/explainCounterexamples.ts';
import { sequenceDiagram } from '../../src/report/sequenceDiagram.ts';
import { sequenceSvg } from '../../src/report/sequenceSvg.ts';

const diagrams = explainCounterexamples('counterexamples').loaded.map((c) => ({
  path: c.path,
  mermaid: sequenceDiagram(c.diagram),
}));

const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** Estimated on the narrow side here, so that the check does not pass by the drawing's own estimate. */
const CHAR = 6;

describe('sequenceSvg', () => {
  it('has every committed counterexample to draw', () => expect(diagrams.length).toBeGreaterThan(10));

  it('draws every participant, message and note line once, one arrow per message, inside the view box', () => {
    for (const { path, mermaid } of diagrams) {
      const svg = sequenceSvg(mermaid);
      const body = mermaid.slice(mermaid.indexOf('sequenceDiagram\n')).split('\n').slice(1);
      const expected: string[] = [];
      let messages = 0;
      let crosses = 0;
      for (const line of body) {
        const p = /^participant \w+(?: as (.+))?$/.exec(line);
        const m = /^\w+(-->>|->>|--x|-x)\w+: (.*)$/.exec(line);
        const n = /^Note over [\w,]+: (.*)$/.exec(line);
        if (p) expected.push(p[1] ?? line.split(' ')[1]!);
        else if (m) {
          messages++;
          if (m[1]!.endsWith('x')) crosses++;
          expected.push(...m[2]!.split('<br/>'));
        } else if (n) expected.push(...n[1]!.split('<br/>'));
      }
      const texts = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)];
      expect(texts.map((t) => unescapeXml(t[3]!)).sort(), path).toEqual(expected.sort());
      expect((svg.match(/marker-end="url\(#head\)"/g) ?? []).length + crosses, path).toBe(messages);
      expect((svg.match(/<path d="M[^"]*" stroke="#333" stroke-width="2"\/>/g) ?? []).length, path).toBe(crosses);

      const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.map(Number) as [number, number, number];
      const shift = Number(/<g transform="translate\(([\d.-]+),0\)">/.exec(svg)![1]);
      const inside = (x: number, y: number) => x + shift >= 0 && x + shift <= w && y >= 0 && y <= h;
      for (const t of texts) {
        const [x, y, half] = [Number(t[1]), Number(t[2]), (unescapeXml(t[3]!).length * CHAR) / 2];
        expect(inside(x - half, y) && inside(x + half, y), `${path}: '${t[3]}'`).toBe(true);
      }
      for (const r of svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
        const [x, y, rw, rh] = r.slice(1).map(Number) as [number, number, number, number];
        expect(inside(x, y) && inside(x + rw, y + rh), `${path}: a box`).toBe(true);
      }
      for (const l of svg.matchAll(/<line x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)"/g)) {
        const [x1, y1, x2, y2] = l.slice(1).map(Number) as [number, number, number, number];
        expect(inside(x1, y1) && inside(x2, y2), `${path}: a line`).toBe(true);
      }
      expect(sequenceSvg(mermaid)).toBe(svg);
    }
  });

  it('refuses a statement it does not draw, and escapes text', () => {
    expect(() => sequenceSvg('sequenceDiagram\nparticipant A\nloop every tick\nend')).toThrow(/does not know: 'loop every tick'/);
    expect(() => sequenceSvg('sequenceDiagram\nparticipant A\nA->>B: hello')).toThrow(/unknown participant 'B'/);
    expect(sequenceSvg('sequenceDiagram\nparticipant A as A & <B>\nNote over A: "x" < y')).toContain('>&quot;x&quot; &lt; y</text>');
  });
});

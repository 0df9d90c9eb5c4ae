/**
 * Renders the blocks as one self-contained HTML page (inline CSS, inline SVG charts, Mermaid's bundle
 * inline), so the report opens offline with nothing but itself.
 */
import type { Block } from './blocks.ts';
import { escapeHtml, inlineHtml } from './inline.ts';
import { mermaidBundle } from './mermaidBundle.ts';
import { slug } from './slug.ts';
import { STYLE } from './style.ts';

/** `svgs` maps a chart's file (as in its ChartRef) to its rendered SVG. */
export function renderHtml(title: string, blocks: readonly Block[], svgs: ReadonlyMap<string, string>): string {
  const ids = { next: 0 };
  const body = blocks.map((b) => renderBlock(b, svgs, ids)).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
<script>${mermaidBundle()}</script>
<script>mermaid.initialize({ startOnLoad: true });</script>
</body>
</html>
`;
}

function renderBlock(block: Block, svgs: ReadonlyMap<string, string>, ids: { next: number }): string {
  const cls = (name: string | undefined) => (name ? ` class="${escapeHtml(name)}"` : '');
  switch (block.kind) {
    case 'heading':
      return `<h${block.level} id="${escapeHtml(block.id ?? slug(block.text))}">${inlineHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${cls(block.className)}>${inlineHtml(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== undefined && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${cls(block.className)}${start}>${block.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const head = `<tr>${block.header.map((h) => `<th>${inlineHtml(h)}</th>`).join('')}</tr>`;
      const rows = block.rows.map(
        (row) =>
          `<tr>${row.map((c) => `<td${cls(c.className)}${c.title === undefined ? '' : ` title="${escapeHtml(c.title)}"`}>${inlineHtml(c.text)}</td>`).join('')}</tr>`,
      );
      return `<div class="scroll"><table${cls(block.className)}>\n${head}\n${rows.join('\n')}\n</table></div>`;
    }
    case 'mermaid':
      return `<pre class="mermaid">\n${escapeHtml(block.source)}\n</pre>`;
    case 'charts':
      return `<div class="charts">${block.charts
        .map((c) => `<figure class="chart">${inlineSvg(svgs.get(c.file) ?? '', `c${ids.next++}`)}<figcaption>${inlineHtml(c.alt)}</figcaption></figure>`)
        .join('')}</div>`;
    case 'group':
      return `<div class="${escapeHtml(block.className)}">\n${block.blocks.map((b) => renderBlock(b, svgs, ids)).join('\n')}\n</div>`;
    case 'details':
      return `<details${block.open ? ' open' : ''}><summary>${escapeHtml(block.summary)}</summary>\n${block.blocks.map((b) => renderBlock(b, svgs, ids)).join('\n')}\n</details>`;
  }
}

/**
 * An SVG file's text made fit to sit inside the page: namespace declarations dropped (HTML needs
 * none), and its ids prefixed, since several charts would otherwise share `clip1` and the like.
 */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

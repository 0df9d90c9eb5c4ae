/**
 * Renders the blocks as Markdown that a code-hosting site shows as is (tables, ```mermaid blocks,
 * charts as images from `charts/`).
 */
import type { Block } from './blocks.ts';
import { escapeHtml, markdownCell } from './inline.ts';

export function renderMarkdown(blocks: readonly Block[]): string {
  return (
    blocks
      .map(renderBlock)
      .join('\n\n')
      .replace(/\n{3,}/g, '\n\n') + '\n'
  );
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'list': {
      const first = block.start ?? 1;
      return block.items.map((item, i) => `${block.ordered ? `${first + i}.` : '-'} ${item.replace(/\n/g, ' ')}`).join('\n');
    }
    case 'table': {
      const head = `| ${block.header.map(markdownCell).join(' | ')} |`;
      const rule = `|${block.header.map(() => '---').join('|')}|`;
      const rows = block.rows.map((row) => `| ${row.map((c) => markdownCell(c.text)).join(' | ')} |`);
      return [head, rule, ...rows].join('\n');
    }
    case 'mermaid':
      return '```mermaid\n' + block.source.trimEnd() + '\n```';
    case 'charts':
      return block.charts.map((c) => `![${c.alt.replace(/[[\]]/g, '')}](${encodeURI(c.file)})`).join(' ');
    case 'group':
      return block.blocks.map(renderBlock).join('\n\n');
    case 'details':
      return `<details${block.open ? ' open' : ''}><summary>${escapeHtml(block.summary)}</summary>\n\n${block.blocks.map(renderBlock).join('\n\n')}\n\n</details>`;
  }
}

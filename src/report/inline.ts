/**
 * Turns the report's inline markup into escaped HTML, so each sentence is written once for both the
 * Markdown and the HTML report.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const TOKEN = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Inline markup to HTML; everything else is escaped, and newlines become <br>. */
export function inlineHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    out += plain(text.slice(last, m.index));
    if (m[1] !== undefined) out += `<code>${escapeHtml(m[1])}</code>`;
    else if (m[2] !== undefined) out += `<strong>${inlineHtml(m[2])}</strong>`;
    else out += `<a href="${escapeHtml(m[4]!)}">${inlineHtml(m[3]!)}</a>`;
    last = m.index + m[0].length;
  }
  return out + plain(text.slice(last));
}

function plain(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

/** Inline markup as Markdown inside a table cell: pipes escaped, newlines as <br>. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

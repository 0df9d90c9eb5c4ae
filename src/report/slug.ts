/**
 * Heading anchors made as code-hosting sites make them, so that one in-page link works in the rendered
 * Markdown and in the HTML report.
 */
export function slug(text: string): string {
  return text
    .replace(/`|\*\*/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

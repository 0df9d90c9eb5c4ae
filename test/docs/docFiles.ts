/** The hand-written pages the docs tests read: README.md and every Markdown page under docs/, the generated figures aside. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIGURES_DIR } from './figures.ts';

export interface DocFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  text: string;
}

function markdownUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return markdownUnder(root, path);
    return e.isFile() && e.name.endsWith('.md') ? [path] : [];
  });
}

/** The pages, in a stable order; `generated: true` gives the docs/figures pages too. */
export function docFiles(root: string, generated = false): DocFile[] {
  const paths = ['README.md', ...markdownUnder(root, 'docs').sort()].filter((p) => generated || !p.startsWith(`${FIGURES_DIR}/`));
  return paths.map((path) => ({ path: relative(root, join(root, path)).split('\\').join('/'), text: readFileSync(join(root, path), 'utf8') }));
}

/** A page's lines outside fenced code blocks, with their 1-based numbers (code quotes output, not prose). */
export function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fenced = false;
  for (const [i, line] of text.split('\n').entries()) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced) out.push({ line: i + 1, text: line });
  }
  return out;
}

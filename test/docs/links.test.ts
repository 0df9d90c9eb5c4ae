/**
 * Every relative link of README.md and docs/ reaches a file of the repository, and every anchor a
 * heading of the page it names (GitHub's slugs), so that moving a page or renaming a heading cannot
 * leave a dead link behind.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docFiles, proseLines } from './docFiles.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const plain = heading[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** The relative link targets of a page's prose (inline links; addresses with a scheme are not checked). */
function links(markdown: string): { line: number; target: string }[] {
  return proseLines(markdown).flatMap((l) =>
    [...l.text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
      .map((m) => ({ line: l.line, target: m[1]! }))
      .filter((x) => !/^[a-z][a-z0-9+.-]*:/i.test(x.target)),
  );
}

/** Why a link is dead, or null. */
function deadness(from: string, target: string): string | null {
  const [file, anchor] = target.split('#', 2) as [string, string | undefined];
  const path = file === '' ? from : normalize(join(dirname(from), decodeURI(file)));
  if (path.startsWith('..')) return 'points outside the repository';
  if (!existsSync(join(root, path))) return `${path} does not exist`;
  if (anchor === undefined || anchor === '') return null;
  if (!statSync(join(root, path)).isFile() || !path.endsWith('.md')) return `an anchor into ${path}, which is no Markdown page`;
  return anchors(readFileSync(join(root, path), 'utf8')).has(anchor) ? null : `${path} has no heading #${anchor}`;
}

describe('links in README.md and docs/', () => {
  it('every relative link reaches a file and every anchor a heading', () => {
    const dead = docFiles(root, true).flatMap((f) =>
      links(f.text)
        .map((l) => ({ l, why: deadness(f.path, l.target) }))
        .filter((x) => x.why !== null)
        .map((x) => `${f.path}:${x.l.line}: (${x.l.target}) ${x.why}`),
    );
    expect(dead).toEqual([]);
  });

  it('the checker finds links and slugs as GitHub makes them', () => {
    expect(anchors('# The model in one page\n## `--shard K/N`: many machines\n## Notes\n## Notes')).toEqual(
      new Set(['the-model-in-one-page', '--shard-kn-many-machines', 'notes', 'notes-1']),
    );
    expect(links('see [a](docs/a.md#b), [web](https://x.org) and `[c](d.md)`\n```\n[e](f.md)\n```').map((l) => l.target)).toEqual(['docs/a.md#b']);
    expect(deadness('README.md', 'docs/no-such-page.md')).toMatch(/does not exist/);
    expect(deadness('README.md', '#no-such-heading')).toMatch(/no heading/);
  });
});

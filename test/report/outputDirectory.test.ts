/** The report's directory: cascade replaces and removes only what its manifest says it wrote. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Refusal } from '../../src/io/refusal.ts';
import { TITLE } from '../../src/report/document.ts';
import { OutputDirectory } from '../../src/report/outputDirectory.ts';

const root = mkdtempSync(join(tmpdir(), 'cascade-outdir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('OutputDirectory', () => {
  it('never overwrites or removes a file it did not write', () => {
    const dir = join(root, 'a');
    mkdirSync(join(dir, 'charts'), { recursive: true });
    writeFileSync(join(dir, 'charts', 'mine.svg'), '<svg>mine</svg>');
    writeFileSync(join(dir, 'report.md'), '# my notes\n');
    const out = OutputDirectory.open(dir);
    out.write('charts/ours.svg', '<svg>ours</svg>');
    expect(() => out.write('report.md', '# generated\n')).toThrow(Refusal);
    out.removeStale((name) => name.startsWith('charts/'));
    expect(readFileSync(join(dir, 'charts', 'mine.svg'), 'utf8')).toBe('<svg>mine</svg>');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('# my notes\n');
    // With --update the user's report.md may be replaced; their chart is still never removed.
    OutputDirectory.open(dir, true).write('report.md', '# generated\n');
    const next = OutputDirectory.open(dir);
    next.write('charts/other.svg', '<svg/>');
    next.removeStale((name) => name.startsWith('charts/'));
    expect(existsSync(join(dir, 'charts', 'ours.svg'))).toBe(false);
    expect(existsSync(join(dir, 'charts', 'mine.svg'))).toBe(true);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('# generated\n');
  });

  it('takes over a report written before manifests existed (recognised by its report.md)', () => {
    const dir = join(root, 'legacy');
    mkdirSync(join(dir, 'charts'), { recursive: true });
    writeFileSync(join(dir, 'report.md'), `# ${TITLE}\n\nold\n`);
    writeFileSync(join(dir, 'charts', 'cx-01-a.svg'), '<svg>old</svg>');
    OutputDirectory.open(dir).write('results.json', '{}\n');
    const out = OutputDirectory.open(dir);
    out.write('charts/cx-01-a.svg', '<svg>new</svg>');
    out.write('report.md', `# ${TITLE}\n\nnew\n`);
    expect(readFileSync(join(dir, 'charts', 'cx-01-a.svg'), 'utf8')).toBe('<svg>new</svg>');
  });

  it('refuses a directory path that is a file', () => {
    writeFileSync(join(root, 'file'), '');
    expect(() => OutputDirectory.open(join(root, 'file'))).toThrow(Refusal);
  });
});

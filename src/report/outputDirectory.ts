/**
 * The report's output directory and the manifest of what cascade wrote there
 * (`.cascade-manifest.json`). A file is replaced only when the manifest lists it (or with
 * `--update`), and only files the manifest lists are ever removed (the charts of counterexamples
 * that are gone), so a user's own files in the directory are never overwritten or deleted. A
 * manifest cascade did not write (a file of the user's of that name) is never replaced, even with
 * `--update`: the directory is then not one cascade manages. Nothing is written when the directory
 * is opened: a command checks every name it will write (`checkAll`) before it writes the first.
 */
import { accessSync, constants, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Refusal } from '../io/refusal.ts';
import { checkDirectory, checkReplaceable, targetKind, writeAtomically } from '../io/writeAtomically.ts';
import { readJson, readText } from '../io/readJson.ts';
import { TITLE } from './document.ts';

export const MANIFEST = '.cascade-manifest.json';

/** The layout of a report directory written before manifests existed, recognised by its report.md. */
const LEGACY = /^(report\.md|report\.html|results\.json|charts\/[^/]+\.svg)$/;

export class OutputDirectory {
  /** The report's pages, checked before a report's work and before its first file is written. */
  static readonly REPORT_PAGES = ['report.md', 'report.html', 'appendix.md', 'appendix.html'] as const;

  private readonly written = new Set<string>();

  private constructor(
    readonly dir: string,
    private readonly owned: Set<string>,
    private readonly legacy: boolean,
    private readonly update: boolean,
  ) {}

  /** Opens `dir` (which need not exist yet); `update` lets files cascade did not write be replaced. */
  static open(dir: string, update = false): OutputDirectory {
    checkDirectory(dir);
    const path = join(dir, MANIFEST);
    checkReplaceable(path);
    const manifest = readJson(path);
    const value = manifest.ok ? (manifest.value as { writtenBy?: unknown; files?: unknown } | null) : null;
    const files = value?.writtenBy === 'cascade' && Array.isArray(value.files) ? value.files : null;
    if (targetKind(path) === 'file' && files === null)
      throw new Refusal(`${path}: exists and was not written by cascade; choose another directory, or move that file`);
    const owned = new Set((files ?? []).filter((f): f is string => typeof f === 'string' && !f.split('/').includes('..')));
    // A report written before manifests existed is recognised by its report.md; its files are ours to replace.
    const report = readText(join(dir, 'report.md'));
    const legacy = report.ok && report.value.startsWith(`# ${TITLE}\n`);
    // A directory that cannot be written is said before any work is done, without writing to it.
    checkWritableDirectory(dir);
    return new OutputDirectory(dir, owned, legacy, update);
  }

  /** Whether cascade wrote `name` here before. */
  owns(name: string): boolean {
    return this.owned.has(name) || (this.legacy && LEGACY.test(name));
  }

  /** Refuses, before any work, a name that `write` would refuse (a file cascade did not write, a path out). */
  checkWritable(name: string): string {
    if (isAbsolute(name) || name.split(/[\\/]/).some((part) => part === '..' || part === '')) throw new Refusal(`${name}: not a plain name inside ${this.dir}`);
    const path = join(this.dir, name);
    checkReplaceable(path);
    if (targetKind(path) === 'file' && !this.owns(name) && !this.update && !this.written.has(name)) {
      throw new Refusal(
        `${path}: exists and was not written by cascade (not in ${join(this.dir, MANIFEST)}); move it, choose another directory, or --update to replace it`,
      );
    }
    return path;
  }

  /** Refuses, before any work or write, the first of `names` that `write` would refuse. */
  checkAll(names: readonly string[]): void {
    for (const name of names) this.checkWritable(name);
  }

  /** Writes `name` (a path inside the directory) atomically, refusing a file cascade did not write. */
  write(name: string, text: string): string {
    const path = this.checkWritable(name);
    // The manifest names a file before it is written, so that an interrupt never leaves one unlisted.
    const listed = this.owned.has(name) || this.written.has(name);
    this.written.add(name);
    if (!listed) this.recordManifest();
    writeAtomically(path, text);
    return path;
  }

  /** Removes the files cascade wrote here earlier that `stale` selects and this run did not write. */
  removeStale(stale: (name: string) => boolean): void {
    for (const name of [...this.owned]) {
      if (this.written.has(name) || !stale(name)) continue;
      const path = join(this.dir, name);
      if (targetKind(path) === 'file') rmSync(path);
      this.owned.delete(name);
    }
    this.recordManifest();
  }

  private recordManifest(): void {
    const files = [...new Set([...this.owned, ...this.written])].sort();
    writeAtomically(join(this.dir, MANIFEST), JSON.stringify({ writtenBy: 'cascade', files }, null, 2) + '\n');
  }
}

/**
 * Refuses a directory (or, when it does not exist yet, its nearest existing parent) that this
 * process may not write to, as the first write would: a file-system error, one line.
 */
function checkWritableDirectory(dir: string): void {
  let at = resolve(dir);
  while (targetKind(at) === 'absent' && dirname(at) !== at) at = dirname(at);
  accessSync(at, constants.W_OK);
}

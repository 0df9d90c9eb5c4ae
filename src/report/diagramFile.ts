/**
 * `replay FILE --diagram OUT`: one counterexample's sequence diagram for a document, the one the report
 * draws (sequenceDiagram.ts), as Mermaid text (`.mmd`, for mermaid-cli or an editor's preview), as a
 * Markdown page holding it (`.md`, which code-hosting sites render), or as SVG (`.svg`, drawn from
 * that Mermaid text by sequenceSvg.ts, no browser needed).
 */
import { extname } from 'node:path';
import { checkExportTarget } from '../io/exportTarget.ts';
import { realPath } from '../io/realPath.ts';
import { Refusal } from '../io/refusal.ts';
import { writeAtomically } from '../io/writeAtomically.ts';
import { replayCommand, shellWord } from '../trace/commandLine.ts';
import type { CounterexampleFile } from '../trace/schema.ts';
import { sequenceDiagram, type SequenceTrace } from './sequenceDiagram.ts';
import { sequenceSvg } from './sequenceSvg.ts';

/** The file endings `--diagram` writes. */
export const DIAGRAM_FORMATS = ['.mmd', '.md', '.svg'] as const;

/**
 * Refuses, before anything is replayed or written, a `--diagram` target that is not `.mmd`, `.md` or `.svg`,
 * is the file read or the `--itf` target, lies among counterexamples, or exists without `--update`
 * (the checks of every export, exportTarget.ts).
 */
export function checkDiagramTarget(path: string, options: { update: boolean; input: string; itf?: string }): void {
  const ext = extname(path).toLowerCase();
  const formats = 'write .mmd (Mermaid text), .md (a Markdown page with the diagram) or .svg';
  if (ext !== '' && !(DIAGRAM_FORMATS as readonly string[]).includes(ext)) throw new Refusal(`--diagram ${path}: ${formats}, not '${ext}'`);
  checkExportTarget(path, { flag: '--diagram', update: options.update, inputs: [options.input] });
  if (ext === '') throw new Refusal(`--diagram ${path}: ${formats}; the name has no ending`);
  if (options.itf !== undefined && realPath(path) === realPath(options.itf))
    throw new Refusal(`--diagram ${path}: is also the --itf target; give each its own file`);
}

export interface DiagramSource {
  /** The counterexample file as the user named it, and the suite file they named with it (a user suite's). */
  path: string;
  suiteFile?: string;
}

/** A replay of a counterexample file, on its own variant or another, as the diagram draws it (the runner's sequenceTrace). */
export interface ReplayDiagram {
  variant: string;
  ownVariant: boolean;
  walk: SequenceTrace;
}

/** The diagram of `result` (a replay of `file`, on its own variant or another) in the format `out`'s ending names. */
export function diagramText(out: string, file: CounterexampleFile, result: ReplayDiagram, source: DiagramSource): string {
  const v = result.walk.violation;
  const mermaid = sequenceDiagram(result.walk);
  const ext = extname(out).toLowerCase();
  if (ext === '.mmd') return mermaid + '\n';
  if (ext === '.svg') return sequenceSvg(mermaid);
  const verdict = v ? `**${v.message}** at step ${v.step + 1}` : '**holds** along the same events';
  const replay = `${replayCommand(source.path, source.suiteFile)}${result.ownVariant ? '' : ` --variant ${shellWord(result.variant)}`}`;
  return [
    `# ${file.property} on ${result.variant}`,
    '',
    `Suite \`${file.suite}\`, ${file.events.length} event${file.events.length === 1 ? '' : 's'} found by the ${file.engine} engine: ${verdict}. Replay: \`${replay}\`.`,
    '',
    '```mermaid',
    mermaid,
    '```',
    '',
  ].join('\n');
}

/** Writes the diagram atomically (after `checkDiagramTarget`). */
export function writeDiagram(out: string, file: CounterexampleFile, result: ReplayDiagram, source: DiagramSource): void {
  writeAtomically(out, diagramText(out, file, result, source));
}

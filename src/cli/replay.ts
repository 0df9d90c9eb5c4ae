/**
 * `cascade replay FILE [--variant V] [--json] [--itf OUT] [--diagram OUT]`: replays a counterexample
 * from its events alone, as a numbered narrative with the metrics at each step; optionally writes it
 * as an ITF trace and its sequence diagram for a document. On the file's own variant, exit 0 when the
 * recorded violation reproduces; with `--variant`, exit 0 when the property holds there along the
 * same events, 1 when it is violated.
 */
import { checkDiagramTarget, loadSuiteFile, replayFile, sequenceTrace, writeDiagram } from '../runner/index.ts';
import { parse, UsageError } from './args.ts';

export const replayHelp = `Usage: cascade replay FILE [options]

Replays a counterexample file from its events alone and tells the story step by step.

Options:
  --variant V    replay the same events on another variant: exit 0 if the property holds there
  --json         { property, variant, verdict, violationStep, events } instead of the narrative
  --itf OUT      also write the trace in the Informal Trace Format (Apalache, Quint) to OUT (never
                 onto a counterexample file)
  --diagram OUT  also write its sequence diagram (the report's: messages per tick, faults and the
                 violation as notes) for a document: OUT.mmd as Mermaid text, OUT.md as a Markdown
                 page with it, OUT.svg as a drawing (no browser needed)
  --update       replace an existing --itf or --diagram OUT
  --suite FILE   the suite file a counterexample of your own property came from (the file names it;
                 a suite file is code, so cascade runs it only when you name it)
  --help         this text

Exit code: 0 reproduced (or holds on --variant), 1 not reproduced (or violated on --variant), 2 bad input.`;

export async function replayCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      variant: { type: 'string' },
      json: { type: 'boolean' },
      itf: { type: 'string' },
      diagram: { type: 'string' },
      update: { type: 'boolean' },
      suite: { type: 'string' },
      help: { type: 'boolean' },
    },
    true,
  );
  if (values.help) {
    out(replayHelp);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'a counterexample FILE is required' : `expected one FILE, got ${positionals.length}`);
  if (values.itf === undefined && values.diagram === undefined && values.update) throw new UsageError('--update only applies with --itf or --diagram');
  const input = positionals[0]!;
  // Every output target before anything is loaded, replayed or written.
  if (values.diagram !== undefined) checkDiagramTarget(values.diagram, { update: values.update === true, input, itf: values.itf });
  const suite = values.suite === undefined ? undefined : await loadSuiteFile(values.suite);
  const replayed = replayFile(input, {
    variant: values.variant,
    suite,
    itf: values.itf === undefined ? undefined : { path: values.itf, update: values.update === true },
  });
  const { file, result: r, code } = replayed;
  if (replayed.itfStates !== null && !values.json) out(`ITF trace (${replayed.itfStates} states) written to ${values.itf}`);
  if (values.diagram !== undefined) {
    const walk = sequenceTrace(r.model, file.events, r.outcome.healTicks, r.outcome.violation);
    writeDiagram(values.diagram, file, { variant: r.variant, ownVariant: r.ownVariant, walk }, { path: input, suiteFile: values.suite });
    if (!values.json) out(`sequence diagram written to ${values.diagram}`);
  }
  if (values.json) {
    out(
      JSON.stringify({ property: r.property, variant: r.variant, verdict: r.verdict, violationStep: r.outcome.violation?.step ?? null, events: file.events }),
    );
    return code;
  }
  out(
    `${file.property} on ${r.variant}: ${file.events.length} events (suite ${file.suite}${file.suiteFile === undefined ? '' : ` from the suite file ${values.suite}`}, found by the ${file.engine} engine)`,
  );
  for (const s of replayed.narrative()) {
    const m = s.metrics;
    const marker = r.outcome.violation?.step === s.index ? '  <-- violation' : '';
    out(
      `${String(s.index + 1).padStart(4)}. [t=${m.tick}] ${s.text}  {live ${m.liveSupernodes}, online ${m.onlineClients}/${m.wantOnline}, queue ${m.loginQueue}, crashes ${m.crashes}, shutdowns ${m.overloadShutdowns}}${marker}`,
    );
  }
  const v = r.outcome.violation;
  if (!r.ownVariant) out(v ? `violated on ${r.variant} at step ${v.step + 1}: ${v.message}` : `holds on ${r.variant} along the same events`);
  else if (r.reproduces) out(`reproduced at step ${v!.step + 1}: ${v!.message}`);
  else if (v && v.step === file.violation.step)
    out(
      `NOT reproduced as recorded: violated at step ${v.step + 1} as the file records, but the violation reads '${v.message}' and the file records '${file.violation.message}'`,
    );
  else if (v) out(`NOT reproduced as recorded: violated at step ${v.step + 1}, but the file records step ${file.violation.step + 1}: ${v.message}`);
  else out(`NOT reproduced: the property holds along these events (the file records: ${file.violation.message})`);
  return code;
}

/**
 * The sequence diagram of a counterexample: messages from the recorded effects, at most MAX_LINES
 * lines, the violation cited by its step counted from 1.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Event } from '../../src/model/index.ts';
import { MAX_LINES, sequenceDiagram } from '../../src/report/sequenceDiagram.ts';
import { explainCounterexamples } from '../../src/runner/explainCounterexamples.ts';
import { sequenceTrace } from '../../src/runner/sequenceTrace.ts';
import { modelOf } from '../support/arbitraries.ts';

const committed = explainCounterexamples('counterexamples');

/** The diagram's lines after its config header. */
function body(diagram: string): string[] {
  const lines = diagram.split('\n');
  return lines.slice(lines.indexOf('sequenceDiagram'));
}

describe('sequenceDiagram', () => {
  it('draws the 2010 crash as it happened', () => {
    const c = committed.loaded.find((x) => x.path.endsWith('crash-cascade-2010/no-client-crash--skype-2010.json'))!;
    const lines = body(sequenceDiagram(c.diagram));
    expect(lines).toEqual([
      'sequenceDiagram',
      'participant Clients',
      'participant SN1 as SN1 (peer 1)',
      'participant Login as Login server',
      'participant Offline as Offline messages',
      'Note over Clients,Offline: [t1] quiet: only routine offline-message syncs (skipped)',
      'Note over Offline: [t1] fault: degradeOfflineMessages(level 3)<br/>offline-message servers degraded to level 3 (1 reply a tick)',
      'Clients->>Offline: [t2] 3 offline-message fetches (3 waiting)',
      'Clients->>Offline: [t3] 2 offline-message fetches (5 waiting)',
      'Clients->>Offline: [t4] 2 offline-message fetches (7 waiting)',
      'Clients->>Offline: [t5] 3 offline-message fetches (7 waiting)',
      'Offline-->>Clients: [t5] 1 reply (1 late)',
      'Note over Clients: [t5] 1 buggy client crashes on a late reply',
      'Note over SN1: [t5] SN1: host crashed, supernode down',
      'SN1--xClients: [t5] 2 clients lose their supernode',
      'Note over Clients,Offline: ✗ violated at step 6 (t=5):<br/>a client crashed on its own (1 crash not injected)',
    ]);
  });

  it('shows a connect to a stopped supernode on that supernode, and a host that leaves over its slot', () => {
    const model = modelOf('skype-2010', { ...defaultConfig('small'), churnBudget: 1 });
    const events: Event[] = [{ kind: 'goOffline', peer: 0 }, ...Array<Event>(3).fill({ kind: 'tick' })];
    const lines = body(sequenceDiagram(sequenceTrace(model, events, 0, null)));
    expect(lines).toContain('Note over SN0: [t0] user: goOffline(peer 0)<br/>1 supernode host stopped serving');
    expect(lines.some((l) => /^SN0--xClients: \[t0\] \d+ clients? los/.test(l))).toBe(true);
    expect(lines.some((l) => /^Clients-xSN0: \[t\d+\] \d+ connects?: .*while it was stopped/.test(l))).toBe(true);
  });

  it('fits every committed counterexample in MAX_LINES lines, citing its violation from step 1, the same each time', () => {
    expect(committed.loaded.length).toBeGreaterThan(0);
    for (const c of committed.loaded) {
      const v = c.violation!;
      const diagram = sequenceDiagram(c.diagram);
      expect(body(diagram).length, c.path).toBeLessThanOrEqual(MAX_LINES);
      expect(diagram).toContain(`✗ violated at step ${v.step + 1} (t=`);
      expect(sequenceDiagram(c.diagram)).toBe(diagram);
    }
  });
});

/** Memory of one protocol state at small and population scope: retained heap when gc is reachable, JSON size always. */
import { init, type Model } from '../../src/model/index.ts';
import { collector, retainedBytes } from '../lib/memory.ts';
import type { Record } from '../lib/module.ts';
import { modelOf } from './models.ts';

/** Copies held at once per scope: enough to swamp heap noise, few enough to stay cheap. */
const COPIES = { small: 2_000, population: 3 } as const;

export function measureMemory(record: Record): void {
  for (const scale of ['small', 'population'] as const) {
    const model: Model = modelOf('skype-2010', scale);
    const copies = COPIES[scale];
    const heap = retainedBytes(() => init(model), copies);
    const json = JSON.stringify(init(model)).length;
    const shape = `${model.config.peers.toLocaleString('en-US')} peers, ${(model.config.eligible + model.config.megaSlots).toLocaleString('en-US')} supernode slots`;
    if (heap !== undefined) {
      record({
        scope: scale,
        variant: 'skype-2010',
        name: 'state size (heap)',
        value: heap,
        unit: 'bytes',
        count: copies,
        note: `initial state, ${shape}; ${collector().method}, mean of ${copies} held`,
      });
    }
    const how = heap === undefined ? `estimate: JSON.stringify(state).length (${collector().method})` : 'JSON.stringify(state).length, for comparison';
    record({ scope: scale, variant: 'skype-2010', name: 'state size (JSON)', value: json, unit: 'bytes', note: `initial state, ${shape}; ${how}` });
  }
}

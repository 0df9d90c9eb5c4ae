/** The model's engine paths: step throughput at small and population scope, single-event costs, and state size. */
import type { BenchModule } from './lib/module.ts';
import { measureEvents } from './model/events.ts';
import { measureMemory } from './model/memory.ts';
import { measurePopulationImmer, measurePopulationOwned } from './model/population.ts';
import { measureSmallImmer, measureSmallOwned } from './model/small.ts';

const model: BenchModule = {
  name: 'model',
  summary: 'step throughput (owned, clone+owned, immer) at small scope and over the outages at population scope; single events; state size',
  run(record) {
    // The owned paths first: once immer's proxies have been through the step's code, V8's inline
    // caches hold proxies too and stepOwned is slower for the rest of the process (measured after).
    const small = measureSmallOwned(record);
    const windows = measurePopulationOwned(record);
    measureEvents(record);
    measureSmallImmer(record, small);
    measurePopulationImmer(record, windows);
    measureMemory(record);
  },
};

export default model;

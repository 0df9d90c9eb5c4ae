/** The model's engine paths: step throughput at small and population scope, and the size of a state. */
import type { BenchModule } from './lib/module.ts';
import { measureMemory } from './model/memory.ts';
import { measurePopulation } from './model/population.ts';
import { measureSmall } from './model/small.ts';

const model: BenchModule = {
  name: 'model',
  summary: 'step / stepOwned / cloneState+stepOwned throughput (small), outage scenarios (population), state size',
  run(record) {
    measureSmall(record);
    measurePopulation(record);
    measureMemory(record);
  },
};

export default model;

// A piscina worker (see src/estimators/simulation-pool.ts): one task is one chunk of a
// simulation, computed by the same pure `runChunk` as the in-process path.
import { runChunk } from '../src/estimators/run-chunk.ts';
import type { SimulationConfig } from '../src/estimators/simulation-config.ts';

export default function task({ config, chunk }: { config: SimulationConfig; chunk: number }) {
  return runChunk(config, chunk);
}

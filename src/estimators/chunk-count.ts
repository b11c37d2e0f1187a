import type { SimulationConfig } from './simulation-config.ts';

/** The number of chunks a run is cut into: `ceil(groups / chunkGroups)`, whatever the threads. */
export function chunkCount(config: SimulationConfig): number {
  return Math.ceil(config.groups / config.chunkGroups);
}

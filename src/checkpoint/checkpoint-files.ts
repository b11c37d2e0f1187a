import { join } from 'node:path';

/**
 * File names of a checkpoint directory, shared by the reader and the writers (internal to this
 * folder): `run.json` holds the run identity, `chunk-NNNNNN.json` one completed chunk each, and
 * `.NAME.PID.RANDOM.tmp` is a write in progress (or left behind by a killed process), which
 * readers ignore.
 */
export const checkpointFiles = {
  run: 'run.json',
  partial: 'partial.json',
  runTag: 'rl-objective-checkpoint',
  partialTag: 'rl-objective-partial',
  chunk(index: number): string {
    return `chunk-${String(index).padStart(6, '0')}.json`;
  },
  /** The chunk index a file name stands for, or undefined for any other file. */
  chunkIndex(name: string): number | undefined {
    const match = /^chunk-(\d{6,})\.json$/.exec(name);
    return match === null ? undefined : Number(match[1]);
  },
  isTemp(name: string): boolean {
    return /^\..+\.tmp$/.test(name);
  },
  runPath(dir: string): string {
    return join(dir, 'run.json');
  },
} as const;

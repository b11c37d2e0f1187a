import type { ChunkResult } from '../estimators/index.ts';
import type { BatteryProgress } from './progress-reporter.ts';

/** What every way of running a battery's chunks takes: whole (`runBattery`) or one shard. */
export interface BatteryRunOptions {
  readonly seed: string | number;
  readonly threads: number;
  readonly signal?: AbortSignal;
  readonly progress?: BatteryProgress;
  /** Chunks already computed, by battery-wide index (e.g. from a checkpoint): not rerun. */
  readonly completed?: ReadonlyMap<number, ChunkResult>;
  /** Called with each chunk's battery-wide index and result as it completes, e.g. to checkpoint. */
  readonly onChunk?: (index: number, result: ChunkResult) => void;
  /** Told, in one line, about a chunk that failed once and is run again. */
  readonly onRetry?: (message: string) => void;
}

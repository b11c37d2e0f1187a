import type { Report } from '../../reports/model.ts';
import type { ChunkResult } from '../estimators/index.ts';
import { batteryReport } from './battery-report.ts';
import type { Check } from './check.ts';
import type { BatteryProgress } from './progress-reporter.ts';
import { runBattery } from './run-battery.ts';
import { type VerifySettings, verifyBattery } from './verify-battery.ts';

/** Options of {@link verify}; every field has the CLI's default. */
export interface VerifyOptions extends VerifySettings {
  readonly threads?: number;
  /** The command line recorded in the report. */
  readonly command?: string;
  readonly signal?: AbortSignal;
  /** Builds the progress display once the battery is known. */
  readonly progress?: (checks: readonly Check[]) => BatteryProgress;
  /** Chunks already computed, by battery-wide index (e.g. from a checkpoint): not rerun. */
  readonly completed?: ReadonlyMap<number, ChunkResult>;
  /** Called with each chunk's battery-wide index and result as it completes, e.g. to checkpoint. */
  readonly onChunk?: (index: number, result: ChunkResult) => void;
  /** Told, in one line, about a chunk that failed once and is run again. */
  readonly onRetry?: (message: string) => void;
}

/**
 * Runs the verification battery (issue 5; MATH.md §2–6) and returns the report: one row per
 * check with its verdict, Holm's split of `alpha` over the Monte Carlo checks, and the figures
 * (`batteryReport`). The same seed gives the same numbers whatever `threads`, and whichever
 * chunks came from `completed` (a resumed run).
 */
export async function verify(options: VerifyOptions = {}): Promise<Report> {
  const started = performance.now();
  const { checks, seed, settings } = verifyBattery(options);
  const result = await runBattery(checks, {
    seed,
    alpha: settings.alpha,
    beta: settings.beta,
    threads: options.threads ?? 1,
    signal: options.signal,
    progress: options.progress?.(checks),
    completed: options.completed,
    onChunk: options.onChunk,
    onRetry: options.onRetry,
  });
  return batteryReport(result, {
    budget: settings.budget,
    seed,
    alpha: settings.alpha,
    command: options.command ?? `rl-objective verify --${settings.budget} --seed ${seed}`,
    seconds: (performance.now() - started) / 1000,
  });
}

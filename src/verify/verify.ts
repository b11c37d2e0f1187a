import type { Report } from '../report/model.ts';
import { batteryReport } from './battery-report.ts';
import type { BatteryRunOptions } from './battery-run-options.ts';
import type { Check } from './check.ts';
import type { BatteryProgress } from './progress-reporter.ts';
import { runBattery } from './run-battery.ts';
import { type VerifyBattery, type VerifySettings, verifyBattery } from './verify-battery.ts';

/** Options of {@link verify}; every field has the CLI's default. */
export interface VerifyOptions
  extends VerifySettings,
    Pick<BatteryRunOptions, 'signal' | 'completed' | 'onChunk' | 'onRetry'> {
  readonly threads?: number;
  /** The command line recorded in the report. */
  readonly command?: string;
  /** Builds the progress display once the battery is known. */
  readonly progress?: (checks: readonly Check[]) => BatteryProgress;
}

/**
 * Runs the verification battery (issue 5; MATH.md §2–6) and returns the report: one row per
 * check with its verdict, Holm's split of `alpha` over the Monte Carlo checks, and the figures
 * (`batteryReport`). The same seed gives the same numbers whatever `threads`, and whichever
 * chunks came from `completed` (a resumed run).
 */
export async function verify(options: VerifyOptions = {}): Promise<Report> {
  const started = performance.now();
  const resolved = verifyBattery(options);
  const { checks, seed, settings } = resolved;
  const result = await runBattery(checks, {
    ...batteryRunOptions(options, resolved),
    alpha: settings.alpha,
    beta: settings.beta,
  });
  return batteryReport(result, {
    budget: settings.budget,
    seed,
    alpha: settings.alpha,
    command: options.command ?? `rl-objective verify --${settings.budget} --seed ${seed}`,
    seconds: (performance.now() - started) / 1000,
  });
}

/** The run options of a `verify` run (whole or one shard) over its resolved battery. */
export function batteryRunOptions(
  options: Omit<VerifyOptions, 'command'>,
  { checks, seed }: VerifyBattery,
): BatteryRunOptions {
  return {
    seed,
    threads: options.threads ?? 1,
    signal: options.signal,
    progress: options.progress?.(checks),
    completed: options.completed,
    onChunk: options.onChunk,
    onRetry: options.onRetry,
  };
}

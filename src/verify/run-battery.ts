import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  type ChunkResult,
  createSimulationPool,
  type SimulationResult,
  simulate,
} from '../estimators/index.ts';
import type { BatteryRunOptions } from './battery-run-options.ts';
import type { Check } from './check.ts';
import { type BatteryResult, type CheckEvaluation, decideBattery } from './decide-battery.ts';
import { planBattery } from './plan-battery.ts';
import type { BatteryProgress } from './progress-reporter.ts';

/** How {@link runBattery} runs. */
export interface RunBatteryOptions extends BatteryRunOptions {
  /** Family-wise false-fail rate of the whole run, split by Holm over the Monte Carlo checks. */
  readonly alpha: number;
  /** False-pass rate at which each resolution is stated. */
  readonly beta: number;
}

/** The progress display when none is given. */
export const silentProgress: BatteryProgress = { start() {}, advance() {}, done() {}, stop() {} };

/**
 * Runs every check in order and decides them (`decideBattery`, MATH.md §6): one row per check,
 * in the same order, with the calibration z-scores.
 *
 * The simulations of the Monte Carlo checks are numbered battery-wide (`planBattery`), so that
 * `completed` and `onChunk` speak of one index space for the whole battery. Each draws from the
 * substreams named by the run seed and its own stream, so its numbers do not depend on the other
 * checks, their order, the thread count, or which chunks came from a checkpoint. With
 * `threads > 1` one worker pool is shared by all the checks. A chunk that fails is retried once;
 * a second failure rejects with a `ChunkFailure` naming the check and the chunk.
 */
export async function runBattery(
  checks: readonly Check[],
  options: RunBatteryOptions,
): Promise<BatteryResult> {
  const plan = planBattery(checks, options.seed);
  const progress = options.progress ?? silentProgress;
  const evaluations: CheckEvaluation[] = [];
  const needsPool = options.threads > 1 && plan.simulations.length > 0;
  const pool = needsPool ? createSimulationPool(options.threads) : undefined;
  try {
    for (const [index, check] of checks.entries()) {
      // Lets a signal handler run between checks: deterministic checks never yield otherwise.
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
      progress.start(check, index, checks.length);
      const started = performance.now();
      if (check.kind === 'deterministic') {
        evaluations.push({ outcome: check.evaluate(), seconds: seconds(started) });
      } else if (check.evaluate) {
        evaluations.push({ outcome: check.evaluate(options.seed), seconds: seconds(started) });
      } else {
        const mine = plan.simulations.filter((s) => s.check === index);
        const results: SimulationResult[] = [];
        for (const [k, simulation] of mine.entries()) {
          const { first, chunks } = simulation;
          const completed: ChunkResult[] = [];
          for (let c = 0; c < chunks; c++) {
            const done = options.completed?.get(first + c);
            if (done !== undefined) completed.push(done);
          }
          results.push(
            await simulate(simulation.config, {
              pool,
              signal: options.signal,
              closedForm: simulation.closedForm?.(),
              completed,
              offset: first,
              owner: `check '${check.id}'`,
              onRetry: options.onRetry,
              onChunk: (result) => options.onChunk?.(first + result.first, result),
              onProgress: (p) => progress.advance((k + p.groupsDone / p.groups) / mine.length),
            }),
          );
        }
        evaluations.push({ outcome: check.outcome(results), seconds: seconds(started) });
      }
      progress.done({ id: check.id, seconds: evaluations[index]!.seconds });
    }
  } finally {
    progress.stop();
    await pool?.destroy();
  }
  return decideBattery(checks, evaluations, options.alpha, options.beta);
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

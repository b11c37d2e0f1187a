import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { InputError } from '../errors/index.ts';
import {
  type ChunkResult,
  createSimulationPool,
  type FaultInjection,
  mergeChunkResults,
  runSimulation,
  type SimulationResult,
  summarizeSimulation,
} from '../estimators/index.ts';
import { type BatteryProgress, silentProgress } from './battery-progress.ts';
import { type BatteryResult, type CheckEvaluation, decideBattery } from './decide-battery.ts';
import type { BatteryPlan } from './plan-battery.ts';

/** What every way of running a battery's chunks takes: whole (`runBattery`) or one shard. */
export interface BatteryRunOptions extends FaultInjection {
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

/** How {@link runBattery} runs. */
export interface RunBatteryOptions extends BatteryRunOptions {
  /** Family-wise false-fail rate of the whole run, split by Holm over the Monte Carlo checks. */
  readonly alpha: number;
  /** False-pass rate at which each resolution is stated. */
  readonly beta: number;
}

/**
 * Runs every check of a planned battery in order and decides them (`decideBattery`, docs/theory.md
 * §6): one row per check, in the same order, with the calibration z-scores.
 *
 * The simulations of the Monte Carlo checks are numbered battery-wide (`planBattery`), so that
 * `completed` and `onChunk` speak of one index space for the whole battery. Each draws from the
 * substreams named by the run seed and its own stream, so its numbers do not depend on the other
 * checks, their order, the thread count, or which chunks came from a checkpoint. With
 * `threads > 1` one worker pool is shared by all the checks. A chunk that fails is retried once;
 * a second failure rejects with a `ChunkFailure` naming the check and the chunk.
 */
export async function runBattery(
  plan: BatteryPlan,
  options: RunBatteryOptions,
): Promise<BatteryResult> {
  const { checks, seed } = plan;
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
        evaluations.push({ outcome: check.evaluate(seed), seconds: seconds(started) });
      } else {
        const mine = plan.simulations.filter((s) => s.check === index);
        const results: SimulationResult[] = [];
        for (const [k, planned] of mine.entries()) {
          const { first, chunks } = planned;
          const completed: ChunkResult[] = [];
          for (let c = 0; c < chunks; c++) {
            const done = options.completed?.get(first + c);
            if (done !== undefined) completed.push(done);
          }
          results.push(
            await runSimulation(planned.simulation, {
              pool,
              signal: options.signal,
              closedForm: planned.closedForm?.(),
              completed,
              offset: first,
              owner: `check '${check.id}'`,
              onRetry: options.onRetry,
              faults: options.faults,
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

/** The settings of the verdicts of a {@link mergeBattery}. */
export interface MergeBatteryOptions {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Completes a run of a planned battery from the results of all its chunks, by battery-wide index (gathered
 * from shards by `mergeParts`): merges each simulation's chunks left to right in chunk order
 * (`mergeChunkResults`, Chan's merge, docs/theory.md §6) exactly as a single-machine run does, so the
 * estimates are bit-identical to it; computes the deterministic checks and the checks that
 * simulate in this thread (`evaluate`: cheap, and the same
 * version of the code computes them as the shards' identity guarantees); and decides every check
 * as `runBattery` does (`decideBattery`).
 *
 * Each row's `seconds` is the time this merge spent on the check, not the shards' compute time.
 * Throws an {@link InputError} when a chunk is missing: nothing partial is decided.
 */
export function mergeBattery(
  plan: BatteryPlan,
  chunks: ReadonlyMap<number, ChunkResult>,
  options: MergeBatteryOptions,
): BatteryResult {
  const { checks, seed } = plan;
  const evaluations: CheckEvaluation[] = checks.map((check, index) => {
    const started = performance.now();
    if (check.kind === 'deterministic') {
      return { outcome: check.evaluate(), seconds: seconds(started) };
    }
    if (check.evaluate) return { outcome: check.evaluate(seed), seconds: seconds(started) };
    const results: SimulationResult[] = plan.simulations
      .filter((s) => s.check === index)
      .map((planned) => {
        let merged: ChunkResult | undefined;
        for (let c = 0; c < planned.chunks; c++) {
          const chunk = chunks.get(planned.first + c);
          if (chunk === undefined) {
            throw new InputError(
              `chunk ${planned.first + c} (check '${check.id}') is missing: the run is incomplete`,
            );
          }
          merged = merged === undefined ? chunk : mergeChunkResults(merged, chunk);
        }
        return summarizeSimulation(planned.simulation, merged!, seconds(started), {
          closedForm: planned.closedForm?.(),
        });
      });
    return { outcome: check.outcome(results), seconds: seconds(started) };
  });
  return decideBattery(checks, evaluations, options.alpha, options.beta);
}

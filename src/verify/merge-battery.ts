import { InputError } from '../errors/input-error.ts';
import {
  type ChunkResult,
  mergeChunkResults,
  type SimulationResult,
  summarizeSimulation,
} from '../estimators/index.ts';
import type { Check } from './check.ts';
import { type BatteryResult, type CheckEvaluation, decideBattery } from './decide-battery.ts';
import { planBattery } from './plan-battery.ts';

/** The run a {@link mergeBattery} completes: its seed and the settings of its verdicts. */
export interface MergeBatteryOptions {
  readonly seed: string | number;
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Completes a battery run from the results of all its chunks, by battery-wide index (gathered
 * from shards by `mergeParts`): merges each simulation's chunks left to right in chunk order
 * (`mergeChunkResults`, Chan's merge, MATH.md §6) exactly as a single-machine run does, so the
 * estimates are bit-identical to it; computes the deterministic checks and the checks that
 * simulate in this thread (`evaluate`: cheap, and the same
 * version of the code computes them as the shards' identity guarantees); and decides every check
 * as `runBattery` does (`decideBattery`).
 *
 * Each row's `seconds` is the time this merge spent on the check, not the shards' compute time.
 * Throws an {@link InputError} when a chunk is missing: nothing partial is decided.
 */
export function mergeBattery(
  checks: readonly Check[],
  chunks: ReadonlyMap<number, ChunkResult>,
  options: MergeBatteryOptions,
): BatteryResult {
  const plan = planBattery(checks, options.seed);
  const evaluations: CheckEvaluation[] = checks.map((check, index) => {
    const started = performance.now();
    if (check.kind === 'deterministic') {
      return { outcome: check.evaluate(), seconds: seconds(started) };
    }
    if (check.evaluate) return { outcome: check.evaluate(options.seed), seconds: seconds(started) };
    const results: SimulationResult[] = plan.simulations
      .filter((s) => s.check === index)
      .map((simulation) => {
        let merged: ChunkResult | undefined;
        for (let c = 0; c < simulation.chunks; c++) {
          const chunk = chunks.get(simulation.first + c);
          if (chunk === undefined) {
            throw new InputError(
              `chunk ${simulation.first + c} (check '${check.id}') is missing: the run is incomplete`,
            );
          }
          merged = merged === undefined ? chunk : mergeChunkResults(merged, chunk);
        }
        return summarizeSimulation(simulation.config, merged!, seconds(started), {
          closedForm: simulation.closedForm?.(),
        });
      });
    return { outcome: check.outcome(results), seconds: seconds(started) };
  });
  return decideBattery(checks, evaluations, options.alpha, options.beta);
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

import type { Shard } from '../checkpoint/index.ts';
import {
  type ChunkResult,
  createSimulationPool,
  requireUncapped,
  runChunks,
} from '../estimators/index.ts';
import { silentProgress } from './battery-progress.ts';
import type { BatteryPlan } from './plan-battery.ts';
import type { BatteryRunOptions } from './run-battery.ts';

/** How {@link runBatteryShard} runs. */
export interface RunBatteryShardOptions extends BatteryRunOptions {
  /** Shard `i` of `n`: the battery-wide chunks with `index % n === i` (`shardChunks`). */
  readonly shard: Shard;
}

/**
 * Runs one shard of a planned battery: the chunks `shardChunks(plan.chunks, i, n)` of its Monte Carlo
 * checks, numbered battery-wide as by `planBattery` (docs/theory.md §6), and returns each chunk's
 * result by index, completed ones included. Nothing is decided: `mergeBattery` decides once the
 * chunks of every shard are gathered, and recomputes the deterministic checks and those that
 * simulate in one thread (`evaluate`), which shards skip
 * (they take milliseconds and need no randomness).
 *
 * A chunk is computed exactly as in a single-machine run (same substream), so shards merged in
 * chunk order give that run's bits. A chunk that fails is retried once; a second failure rejects
 * with a `ChunkFailure` naming the check and the chunk.
 */
export async function runBatteryShard(
  plan: BatteryPlan,
  options: RunBatteryShardOptions,
): Promise<Map<number, ChunkResult>> {
  const { checks } = plan;
  const { i, n } = options.shard;
  const progress = options.progress ?? silentProgress;
  const mine = (index: number) => index % n === i;
  const results = new Map<number, ChunkResult>(
    [...(options.completed ?? [])].filter(([index]) => mine(index)),
  );
  const ownPool =
    options.threads > 1 && !options.pool ? createSimulationPool(options.threads) : undefined;
  const pool = options.pool ?? ownPool;
  try {
    for (const [index, check] of checks.entries()) {
      const simulations = plan.simulations.filter((s) => s.check === index);
      const inShard = simulations.map((s) =>
        Array.from({ length: s.chunks }, (_, c) => c).filter((c) => mine(s.first + c)),
      );
      if (inShard.every((chunks) => chunks.length === 0)) continue;
      options.signal?.throwIfAborted();
      progress.start(check, index, checks.length);
      const started = performance.now();
      const todo = inShard.map((chunks, k) =>
        chunks.filter((c) => !results.has(simulations[k]!.first + c)),
      );
      const total = todo.reduce((sum, chunks) => sum + chunks.length, 0);
      let done = 0;
      for (const [k, planned] of simulations.entries()) {
        const { simulation, first } = planned;
        await runChunks(
          simulation,
          todo[k]!,
          (result) => {
            requireUncapped(simulation.config, result);
            results.set(first + result.first, result);
            options.onChunk?.(first + result.first, result);
            progress.advance(++done / total);
          },
          {
            pool,
            signal: options.signal,
            offset: first,
            owner: `check '${check.id}'`,
            onRetry: options.onRetry,
            faults: options.faults,
          },
        );
      }
      progress.done({ id: check.id, seconds: (performance.now() - started) / 1000 });
    }
  } finally {
    progress.stop();
    await ownPool?.destroy();
  }
  return results;
}

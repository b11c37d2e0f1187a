import { join } from 'node:path';
import {
  identityDifference,
  mergeParts,
  type PartialResult,
  parseShard,
  readPartial,
  type Shard,
  shardChunks,
  writePartial,
  writtenPartial,
} from '../checkpoint/index.ts';
import { BUDGET_NAMES, VERIFY_DEFAULTS } from '../defaults/index.ts';
import { InputError, lazySchema } from '../errors/index.ts';
import {
  type ChunkResult,
  checkpointedRun,
  type FaultInjection,
  type ResumeOptions,
  type RunEvents,
  withRunLock,
} from '../estimators/index.ts';
import type { Report } from '../report/index.ts';
import { batteryIdentity, resolveBattery, VERIFY_KIND, type VerifySettings } from './battery.ts';
import type { BatteryProgress } from './battery-progress.ts';
import { batteryReport } from './battery-report.ts';
import type { Check } from './check.ts';
import { type BatteryPlan, batteryChunks } from './plan-battery.ts';
import { type BatteryRunOptions, mergeBattery, runBattery } from './run-battery.ts';
import { runBatteryShard } from './run-battery-shard.ts';
/** Options of {@link verify} and {@link verifyShard}; every field has a default. */
export interface VerifyOptions extends VerifySettings, ResumeOptions, RunEvents, FaultInjection {
  /** Worker threads; default `VERIFY_DEFAULTS.threads` (the CLI uses every core). */
  readonly threads?: number;
  /** The command line recorded in the report. */
  readonly command?: string;
  /** Builds the progress display once the battery is known. */
  readonly progress?: (checks: readonly Check[]) => BatteryProgress;
  /**
   * The report directory: {@link verify} writes its report there (`writeReport`), a shard its
   * part (`writePartial`). The run holds the directory's lock and keeps its completed chunks in
   * `out/checkpoint` until then, so that `resume` continues an interrupted run. Without it
   * nothing is written.
   */
  readonly out?: string;
}

/**
 * `rl-objective verify` as a function: runs the verification battery (docs/theory.md §2–6,
 * §8–9) and returns the report: one row per check with its verdict, Holm's split of `alpha`
 * over the Monte Carlo checks, and the figures (`batteryReport`). The same seed gives the same
 * numbers whatever `threads`, and across resumes. With `out` the report is written there, and
 * the completed chunks are kept in `out/checkpoint` until it is.
 *
 * Throws an InputError for bad settings or a checkpoint of another run; a `StoppedRun` when
 * cancelled through `signal` or when a chunk fails twice.
 */
export async function verify(options: VerifyOptions = {}): Promise<Report> {
  const started = performance.now();
  const { plan, settings } = resolveBattery(options);
  const { seed } = plan;
  const run = async (
    completed?: ReadonlyMap<number, ChunkResult>,
    onChunk?: (index: number, result: ChunkResult) => void,
  ) => {
    const result = await runBattery(plan, {
      ...batteryRunOptions(options, plan),
      completed,
      onChunk,
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
  };
  const out = options.out;
  if (out === undefined) return run();
  const dir = join(out, 'checkpoint');
  const checkpoint = {
    dir,
    identity: batteryIdentity(plan, settings),
    resume: options.resume === true,
  };
  return withRunLock(out, options, () =>
    checkpointedRun(checkpoint, options.signal, async (work) => {
      const report = await run(
        batteryChunks(plan, work.completed, `checkpoint '${dir}'`),
        work.onChunk,
      );
      const { writeReport } = await import('../report/write-report.ts');
      await writeReport(report, out);
      return report;
    }),
  );
}

/** The run options of a `verify` run (whole or one shard) over its planned battery. */
function batteryRunOptions(options: VerifyOptions, { checks }: BatteryPlan): BatteryRunOptions {
  return {
    threads: options.threads ?? VERIFY_DEFAULTS.threads,
    signal: options.signal,
    progress: options.progress?.(checks),
    onRetry: options.onWarning,
    faults: options.faults,
  };
}

/**
 * `rl-objective verify --shard i/n` as a function: runs shard `shard` of a `verify` run
 * (`runBatteryShard`, docs/theory.md §6) and returns its part: the run's identity
 * (`verifyIdentity`), the shard, and the result of each of its chunks. With `out` the part is
 * written to `out/partial.json` for `mergeVerify`, and the completed chunks are kept in
 * `out/checkpoint` until it is; with `resume`, a part already written there is returned as it
 * is. `mergeVerify` of the parts of shards `0..n-1` gives the report of the single-machine run,
 * with the same bits.
 */
export async function verifyShard(
  options: Omit<VerifyOptions, 'command'> & { readonly shard: Shard | string },
): Promise<PartialResult> {
  const shard = typeof options.shard === 'string' ? parseShard(options.shard) : options.shard;
  const { plan, settings } = resolveBattery(options);
  const identity = batteryIdentity(plan, settings);
  const run = async (
    completed?: ReadonlyMap<number, ChunkResult>,
    onChunk?: (index: number, result: ChunkResult) => void,
  ): Promise<PartialResult> => {
    const chunks = await runBatteryShard(plan, {
      ...batteryRunOptions(options, plan),
      completed,
      onChunk,
      shard,
    });
    return { identity, shard, chunks: Object.fromEntries([...chunks].sort(([a], [b]) => a - b)) };
  };
  const out = options.out;
  if (out === undefined) return run();
  return withRunLock(out, options, async () => {
    const written = options.resume === true ? writtenPartial(out, identity, shard) : undefined;
    // A retried task whose part is complete: nothing left to compute.
    if (written !== undefined) return written;
    const dir = join(out, 'checkpoint');
    const checkpoint = {
      dir,
      identity,
      resume: options.resume === true,
      chunks: shardChunks(identity.chunks, shard.i, shard.n).length,
    };
    return checkpointedRun(checkpoint, options.signal, async (work) => {
      const part = await run(
        batteryChunks(plan, work.completed, `checkpoint '${dir}'`),
        work.onChunk,
      );
      writePartial(out, part);
      return part;
    });
  });
}

/** The settings a `verify` identity's config carries (its checks are compared whole). */
const settingsSchema = lazySchema((z) =>
  z.looseObject({
    budget: z.enum(BUDGET_NAMES),
    alpha: z.number(),
    beta: z.number(),
  }),
);

/** Options of {@link mergeVerify}. */
export interface MergeVerifyOptions {
  /** The command line recorded in the report; default `rl-objective merge`. */
  readonly command?: string;
  /** Write the report here (`writeReport`), created when missing. */
  readonly out?: string;
}

/**
 * `rl-objective merge` as a function: the report of a `verify` run from the parts its shards
 * wrote (`verifyShard`), each given as its directory, its `partial.json` or the part itself
 * (`readPartial`). `mergeParts` checks that the parts are of one run and that no chunk is
 * missing or given twice; the battery is rebuilt from the run's settings (budget, seed, α, β)
 * and must have the parts' identity, i.e. the same checks, simulations and code version; then
 * `mergeBattery` merges each simulation's chunks in chunk order (docs/theory.md §6) and decides every
 * check as `verify` does. The estimates are bit-identical to a single-machine run's. With `out`
 * the report is written there.
 *
 * Every refusal is a one-line {@link InputError} naming the parts.
 */
export async function mergeVerify(
  parts: readonly (string | PartialResult)[],
  options: MergeVerifyOptions = {},
): Promise<Report> {
  const started = performance.now();
  const merged = mergeParts(
    parts.map((part) => (typeof part === 'string' ? readPartial(part) : part)),
  );
  const { identity } = merged;
  if (identity.kind !== VERIFY_KIND) {
    throw new InputError(
      `the parts are of a '${identity.kind}' run; merge combines the shards of 'verify' runs`,
    );
  }
  const parsed = settingsSchema().safeParse(identity.config);
  if (!parsed.success) {
    throw new InputError('the parts do not name the budget, alpha and beta of a verify run');
  }
  const { budget, alpha, beta } = parsed.data;
  const { plan, settings } = resolveBattery({ budget, seed: identity.seed, alpha, beta });
  const rebuilt = batteryIdentity(plan, settings);
  const difference = identityDifference(identity, rebuilt, ['the parts', 'this rl-objective']);
  if (difference !== undefined) {
    throw new InputError(`the parts are not of a battery this rl-objective runs: ${difference}`);
  }
  const chunks = batteryChunks(plan, merged.results.entries(), 'merged parts');
  const result = mergeBattery(plan, chunks, { alpha, beta });
  const report = batteryReport(result, {
    budget,
    seed: plan.seed,
    alpha,
    command: options.command ?? 'rl-objective merge',
    seconds: (performance.now() - started) / 1000,
  });
  if (options.out !== undefined) {
    const { writeReport } = await import('../report/write-report.ts');
    await writeReport(report, options.out);
  }
  return report;
}

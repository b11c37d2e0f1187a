import { z } from 'zod';
import {
  identityDifference,
  mergeParts,
  type PartialResult,
  type Shard,
} from '../checkpoint/index.ts';
import { InputError } from '../errors/input-error.ts';
import type { Report } from '../report/model.ts';
import {
  batteryIdentity,
  type ResolvedBattery,
  resolveBattery,
  VERIFY_KIND,
  type VerifySettings,
  verifyIdentity,
} from './battery.ts';
import { batteryReport } from './battery-report.ts';
import type { Check } from './check.ts';
import { batteryChunks, planBattery } from './plan-battery.ts';
import type { BatteryProgress } from './progress-reporter.ts';
import { type BatteryRunOptions, mergeBattery, runBattery } from './run-battery.ts';
import { runBatteryShard } from './run-battery-shard.ts';

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
 * Runs the verification battery (docs/theory.md §2–6, §8–9) and returns the report: one row per
 * check with its verdict, Holm's split of `alpha` over the Monte Carlo checks, and the figures
 * (`batteryReport`). The same seed gives the same numbers whatever `threads`, and whichever
 * chunks came from `completed` (a resumed run).
 */
export async function verify(options: VerifyOptions = {}): Promise<Report> {
  const started = performance.now();
  const resolved = resolveBattery(options);
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
  { checks, seed }: ResolvedBattery,
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

/**
 * Runs shard `shard` of a `verify` run (`runBatteryShard`, docs/theory.md §6) and returns its part,
 * ready for `writePartial`: the run's identity (`verifyIdentity`), the shard, and the result of
 * each of its chunks. `merge` of the parts of shards `0..n-1` gives the report of the
 * single-machine run, with the same bits.
 */
export async function verifyShard(
  options: Omit<VerifyOptions, 'command'> & { readonly shard: Shard },
): Promise<PartialResult> {
  const resolved = resolveBattery(options);
  const identity = verifyIdentity(resolved);
  const chunks = await runBatteryShard(resolved.checks, {
    ...batteryRunOptions(options, resolved),
    shard: options.shard,
  });
  return {
    identity,
    shard: options.shard,
    chunks: Object.fromEntries([...chunks].sort(([a], [b]) => a - b)),
  };
}

/** The settings a `verify` identity's config carries (its checks are compared whole). */
const settingsSchema = z.looseObject({
  budget: z.enum(['quick', 'default', 'full']),
  alpha: z.number(),
  beta: z.number(),
});

/**
 * `rl-objective merge`: the report of a `verify` run from the parts its shards wrote
 * (`verifyShard`). `mergeParts` checks that the parts are of one run and that no chunk is
 * missing or given twice; the battery is rebuilt from the run's settings (budget, seed, α, β)
 * and must have the parts' identity, i.e. the same checks, simulations and code version; then
 * `mergeBattery` merges each simulation's chunks in chunk order (docs/theory.md §6) and decides every
 * check as `verify` does. The estimates are bit-identical to a single-machine run's.
 *
 * Every refusal is a one-line {@link InputError} naming the parts.
 */
export function mergeVerify(
  parts: readonly PartialResult[],
  options: { readonly command?: string } = {},
): Report {
  const started = performance.now();
  const merged = mergeParts(parts);
  const { identity } = merged;
  if (identity.kind !== VERIFY_KIND) {
    throw new InputError(
      `the parts are of a '${identity.kind}' run; merge combines the shards of 'verify' runs`,
    );
  }
  const parsed = settingsSchema.safeParse(identity.config);
  if (!parsed.success) {
    throw new InputError('the parts do not name the budget, alpha and beta of a verify run');
  }
  const { budget, alpha, beta } = parsed.data;
  const { checks, seed, settings } = resolveBattery({ budget, seed: identity.seed, alpha, beta });
  const plan = planBattery(checks, seed);
  const rebuilt = batteryIdentity(plan, settings);
  const difference = identityDifference(identity, rebuilt, ['the parts', 'this rl-objective']);
  if (difference !== undefined) {
    throw new InputError(`the parts are not of a battery this rl-objective runs: ${difference}`);
  }
  const chunks = batteryChunks(plan, merged.results.entries(), 'merged parts');
  const result = mergeBattery(checks, chunks, { seed, alpha, beta });
  return batteryReport(result, {
    budget,
    seed,
    alpha,
    command: options.command ?? 'rl-objective merge',
    seconds: (performance.now() - started) / 1000,
  });
}

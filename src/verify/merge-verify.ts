import { z } from 'zod';
import { identityDifference, mergeParts, type PartialResult } from '../checkpoint/index.ts';
import { InputError } from '../errors/input-error.ts';
import type { Report } from '../report/model.ts';
import { batteryChunks } from './battery-chunks.ts';
import { batteryIdentity, VERIFY_KIND } from './battery-identity.ts';
import { batteryReport } from './battery-report.ts';
import { mergeBattery } from './merge-battery.ts';
import { planBattery } from './plan-battery.ts';
import { verifyBattery } from './verify-battery.ts';

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
 * `mergeBattery` merges each simulation's chunks in chunk order (MATH.md §6) and decides every
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
  const { checks, seed, settings } = verifyBattery({ budget, seed: identity.seed, alpha, beta });
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

import { InputError } from '../errors/input-error.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import { auditReport } from './audit-report.ts';
import { CountFormCollector } from './count-form-collector.ts';
import { rewardPatterns } from './reward-patterns.ts';
import type { AdvantagesFn, AuditOptions, AuditReport } from './types.ts';

/** Options of {@link auditFunction}. */
export interface FunctionAuditOptions extends AuditOptions {
  /** The group size(s) to audit; one `bySize` entry each. */
  readonly M: number | readonly number[];
  /** Random arrangements per count `K` when `M > 16`; default 64. */
  readonly samples?: number;
  /** Seed of those arrangements; default 0. */
  readonly seed?: string | number;
  /** Names the function in error messages, e.g. the module file. */
  readonly label?: string;
}

/**
 * Audits a weight function (MATH.md §2): is it count form, `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`,
 * and if so which objective `h_M` does it induce?
 *
 * The function is called on every reward pattern of {@link rewardPatterns} (all `2^M` for
 * `M <= 16`, else at least `samples` random arrangements of every count `K`), and each weight is
 * filed under its cell `(R_i, S_i)`. Calls are awaited one at a time, so an async function works.
 *
 * Throws an {@link InputError} when the function throws, or returns something other than `M`
 * numbers; a weight that is NaN or infinite is reported as a count-form violation instead.
 */
export async function auditFunction(
  fn: AdvantagesFn,
  options: FunctionAuditOptions,
): Promise<AuditReport> {
  const sizes = auditSizes(options.M);
  const label = options.label ?? 'advantages';
  const collector = new CountFormCollector();
  for (const M of sizes) {
    for (const rewards of rewardPatterns(M, options)) {
      const pattern = rewards.join('');
      let out: unknown;
      try {
        out = await fn([...rewards]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new InputError(
          `${label} threw on pattern ${pattern} (M=${M}): ${message.split('\n')[0]}`,
        );
      }
      collector.add({
        rewards,
        advantages: weights(out, M, `${label} on pattern ${pattern}`),
        where: { pattern },
      });
    }
  }
  return auditReport(collector, options);
}

/** The group sizes of a function audit: at least one, each a positive integer. */
export function auditSizes(M: number | readonly number[]): number[] {
  const sizes = typeof M === 'number' ? [M] : [...M];
  if (sizes.length === 0) throw new InputError('M: give at least one group size');
  for (const size of sizes) requirePositiveInteger('M', size);
  return sizes;
}

function weights(out: unknown, M: number, at: string): number[] {
  const isList = Array.isArray(out) || ArrayBuffer.isView(out);
  const list = isList ? Array.from(out as ArrayLike<unknown>) : undefined;
  if (list === undefined || list.length !== M) {
    const got = list === undefined ? typeof out : `${list.length} values`;
    throw new InputError(`${at}: expected an array of ${M} numbers, got ${got}`);
  }
  const bad = list.findIndex((z) => typeof z !== 'number');
  if (bad >= 0) {
    throw new InputError(`${at}: weight ${bad} is ${typeof list[bad]}, not a number`);
  }
  return list as number[];
}

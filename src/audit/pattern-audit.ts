import { InputError, LIMITS, requireSize } from '../errors/index.ts';
import { auditReport, checkAuditOptions } from './audit-report.ts';
import { CountFormCollector } from './count-form-collector.ts';
import { patternAt, patternCount, rewardPatterns } from './reward-patterns.ts';
import type { AuditReport, AuditReportOptions } from './types.ts';

/**
 * The weights a function gives a batch of reward patterns, one array per pattern, in order (a
 * batch crosses to a worker thread or a Python process in one message). Each array must hold
 * numbers; its length is checked by {@link auditPatterns}.
 */
export type WeighPatterns = (
  patterns: readonly Uint8Array[],
) => Promise<readonly ArrayLike<number>[]>;

/** Options of an audit of code: where the patterns come from, and the progress of the calls. */
export interface PatternAuditOptions extends AuditReportOptions {
  /** The group size(s) to audit; one `bySize` entry each. */
  readonly M: number | readonly number[];
  /**
   * Random arrangements of every count `K` when `M > 16`; default 64, fewer at large `M` so that
   * about 3.4e7 rewards are drawn per size, never fewer than 2 (`defaultSamples`).
   */
  readonly samples?: number;
  /** Seed of those arrangements; default 0. */
  readonly seed?: string | number;
  /** Called after every batch with the patterns done and the patterns in all, for a progress bar. */
  readonly progress?: (done: number, total: number) => void;
  /**
   * Code run in a thread or a process of its own (a module, a Python function): called once the
   * patterns are audited, with the code still loaded: `call` weighs one more group (`audit
   * --limit` reads the large-M limit this way, docs/theory.md §9).
   */
  readonly andThen?: (call: (rewards: number[]) => Promise<readonly number[]>) => Promise<void>;
}

/**
 * Rewards in one batch: enough to amortize crossing to a thread or a process, while memory stays
 * bounded however large `M` and `samples` are.
 */
const BATCH_REWARDS = 1 << 18;

/**
 * Checks an audit's options before any call: the sizes (each at most `LIMITS.auditM`), the
 * samples, the grid and the tolerance. Returns the sizes and the number of patterns in all.
 */
export function checkPatternAudit(options: PatternAuditOptions): {
  sizes: number[];
  total: number;
} {
  const sizes = typeof options.M === 'number' ? [options.M] : [...options.M];
  if (sizes.length === 0) throw new InputError('M: give at least one group size');
  let total = 0;
  for (const M of sizes) total += patternCount(requireSize('M', M, LIMITS.auditM), options.samples);
  checkAuditOptions(options);
  return { sizes, total };
}

/**
 * Audits code for count form (docs/theory.md §2) through `weigh`, which computes the weights of a
 * batch of reward patterns however the code runs (in this thread, in a worker thread, in a Python
 * process): for every size, every pattern of {@link rewardPatterns} goes through `weigh` in
 * batches of about 2^18 rewards, at most `inFlight` of them sent and not yet filed, and each
 * weight is filed under its cell `(R_i, S_i)`. Every option is checked before the first call.
 * Throws an InputError (`label` names the code) when a result has other than `M` values.
 */
export async function auditPatterns(
  weigh: WeighPatterns,
  options: PatternAuditOptions,
  label: string,
  inFlight = 1,
): Promise<AuditReport> {
  const { sizes, total } = checkPatternAudit(options);
  const collector = new CountFormCollector();
  let done = 0;
  // Batches sent and not yet filed, oldest first; with `inFlight` 2 the code computes the next
  // batch while this thread draws and files the last.
  const sent: {
    patterns: Uint8Array[];
    index: number;
    results: Promise<readonly ArrayLike<number>[]>;
  }[] = [];
  const file = async () => {
    const { patterns, index, results } = sent.shift()!;
    const weights = await results;
    patterns.forEach((rewards, n) => {
      const advantages = weights[n]!;
      const M = rewards.length;
      if (advantages.length !== M) {
        throw new InputError(
          `${label} on pattern ${rewards.join('')}: expected an array of ${M} numbers, got ${advantages.length} values`,
        );
      }
      collector.add({ rewards, advantages, where: patternWhere(M, index + n, options) });
    });
    done += patterns.length;
    options.progress?.(done, total);
  };
  const send = async (patterns: Uint8Array[], index: number) => {
    const results = weigh(patterns);
    // A batch behind one that failed fails too; only the first failure is reported.
    results.catch(() => {});
    sent.push({ patterns, index, results });
    if (sent.length >= inFlight) await file();
  };
  for (const M of sizes) {
    const batch = Math.max(1, Math.floor(BATCH_REWARDS / M));
    let patterns: Uint8Array[] = [];
    let index = 0;
    for (const rewards of rewardPatterns(M, options)) {
      patterns.push(rewards);
      if (patterns.length === batch) {
        await send(patterns, index);
        index += patterns.length;
        patterns = [];
      }
    }
    if (patterns.length > 0) await send(patterns, index);
  }
  while (sent.length > 0) await file();
  return auditReport(collector, options);
}

/**
 * Where pattern `index` of size `M` came from, as a violation names it (`{ pattern: '0110' }`),
 * made only when read: a collector keeps the `where` of a few groups per cell, and holding every
 * such pattern's text would take O(M^2) memory at large `M`.
 */
function patternWhere(
  M: number,
  index: number,
  options: PatternAuditOptions,
): { readonly pattern: string } {
  return {
    get pattern() {
      return patternAt(M, index, options).join('');
    },
  };
}

/** `on pattern 0110 (M=4)`: where a pattern's failure happened, for a message. */
export function onPattern(rewards: ArrayLike<number>): string {
  return `on pattern ${Array.prototype.join.call(rewards, '')} (M=${rewards.length})`;
}

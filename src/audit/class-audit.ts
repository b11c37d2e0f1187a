import { AUDIT_DEFAULTS, type PythonArray } from '../defaults/index.ts';
import { InputError, LIMITS, quote, requireNonNegative, requireSize } from '../errors/index.ts';
import { type RewardClasses, type RewardClassOptions, rewardClasses } from '../rewards/index.ts';
import { requireWeights } from './audit-function.ts';
import { startPythonBridge } from './audit-python.ts';
import { classAuditReport } from './class-audit-report.ts';
import { ClassCountCollector } from './class-count-collector.ts';
import { classPatternCount, classPatterns, classRewards } from './class-patterns.ts';
import { hasGradedRewards, traceClasses, traceClassGroups } from './graded-traces.ts';
import type { ClassAdvantagesFn, ClassAuditReport } from './graded-types.ts';
import { IsolatedModule } from './isolated-module.ts';
import type { PythonTarget } from './python-bridge.ts';

/** What {@link auditClasses} reads: a weight function, a module, a Python function or a trace. */
export type ClassAuditSource =
  | ClassAdvantagesFn
  | { readonly module: string }
  | { readonly python: string | PythonTarget }
  | { readonly traces: string };

/** Options of {@link auditClasses}. */
export interface ClassAuditOptions extends RewardClassOptions {
  /** Relative tolerance of the count-form check (default 1e-9), as in the binary audit. */
  readonly relTol?: number;
  /** Group size(s) at which code is audited; required for code, refused for a trace. */
  readonly M?: number | readonly number[];
  /** Random arrangements of every class-count vector when there are more than 2^16 patterns. */
  readonly samples?: number;
  readonly seed?: string | number;
  /** `closed`: the audit passes only when the field is closed (`expectation.met`). */
  readonly expect?: string;
  /** Python: what the function receives; default numpy when it imports, else a list. */
  readonly array?: PythonArray;
  /** Python: the interpreter; default `$PYTHON`, else `python3`. */
  readonly python?: string;
  /** A module or Python function: seconds one call may take. */
  readonly timeout?: number;
  /** Code: called after every batch of calls with the groups done and in all. */
  readonly progress?: (done: number, total: number) => void;
}

/** What {@link auditClasses} returns: exactly the JSON printed by `rl-objective audit --json`. */
export interface ClassAuditResult extends ClassAuditReport {
  /** With `expect: 'closed'`: met when closed, not met when not, null when no size has a field. */
  readonly expectation?: { readonly expect: 'closed'; readonly met: boolean | null };
}

/** Rewards in one batch of calls, as the binary audit batches them. */
const BATCH_REWARDS = 1 << 18;

/** The function a module or Python file exports for an audit on reward classes, in messages. */
export const CLASS_SIGNATURE = 'advantages(rewards: number[] | number[][]): number[]';

/**
 * Whether {@link audit} of `source` is an audit on reward classes (docs/theory.md §10): the
 * options declare levels or reward functions, or the source is a trace with a reward that is a
 * vector or a number other than 0 or 1. A binary audit is left exactly as it was.
 */
export async function usesRewardClasses(
  source: ClassAuditSource | { readonly table: string },
  options: RewardClassOptions,
): Promise<boolean> {
  if (options.levels !== undefined || options.rewardFunctions !== undefined) return true;
  return typeof source !== 'function' && 'traces' in source && hasGradedRewards(source.traces);
}

/**
 * `rl-objective audit` on reward classes (docs/theory.md §10): graded rewards (`levels`) or `d`
 * binary reward functions (`rewardFunctions`), declared or, for a trace, inferred from it. Decides
 * whether the weights are in generalized count form (each depends only on the response's own
 * class and the class counts of the others), with a concrete violation when not, or count form
 * up to one positive factor per batch (a trace whose groups name a `batch`); then gives the field
 * verdict of src/graded on the recovered weights: closed or not, and where closed the potential
 * `J` and its name.
 *
 * Code is called on every class pattern (or random arrangements of every class-count vector): a
 * module's or a Python function's `advantages` receives the levels (`number[]`) or, with
 * `d >= 2`, one row of `d` rewards per response (`M x d`). Every option and, for a trace, every
 * line is checked before the audit starts. Throws an InputError for bad input.
 */
export async function auditClasses(
  source: ClassAuditSource,
  options: ClassAuditOptions,
): Promise<ClassAuditResult> {
  const declared = rewardClasses(options);
  const relTol = requireNonNegative('relTol', options.relTol ?? AUDIT_DEFAULTS.relTol);
  if (options.expect !== undefined && options.expect !== 'closed') {
    throw new InputError(
      `with reward classes, expect takes only 'closed' (the field has no binary h to compare), got ${quote(options.expect)}`,
    );
  }
  const expect = options.expect !== undefined;
  let report: ClassAuditReport;
  if (typeof source !== 'function' && 'traces' in source) {
    if (options.M !== undefined) {
      throw new InputError('M applies to code only; a trace carries its group sizes');
    }
    const classes = await traceClasses(source.traces, declared);
    const collector = new ClassCountCollector(classes.C, classes.labels);
    for await (const group of traceClassGroups(source.traces, classes)) collector.add(group);
    report = classAuditReport(collector, classes, declared === undefined, relTol);
  } else {
    if (declared === undefined) {
      throw new InputError('an audit of code on reward classes needs levels or reward-functions');
    }
    report = await auditCode(source, declared, options, relTol);
  }
  return { ...report, ...(expect && { expectation: { expect: 'closed', met: report.closed } }) };
}

type Weigh = (inputs: readonly (number[] | number[][])[]) => Promise<readonly ArrayLike<number>[]>;

async function auditCode(
  source: Exclude<ClassAuditSource, { readonly traces: string }>,
  classes: RewardClasses,
  options: ClassAuditOptions,
  relTol: number,
): Promise<ClassAuditReport> {
  const sizes =
    options.M === undefined ? [] : typeof options.M === 'number' ? [options.M] : [...options.M];
  if (sizes.length === 0) throw new InputError('M: give at least one group size');
  let total = 0;
  for (const M of sizes)
    total += classPatternCount(requireSize('M', M, LIMITS.auditM), classes.C, options.samples);
  if (typeof source === 'function') {
    return collect(async (inputs) => {
      const out: ArrayLike<number>[] = [];
      for (const input of inputs) {
        let result: unknown;
        try {
          result = await source(input);
        } catch (error) {
          throw new InputError(
            `advantages threw ${on(input)}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
          );
        }
        out.push(requireWeights(result, input.length, `advantages ${on(input)}`));
      }
      return out;
    });
  }
  if ('module' in source) {
    const module = await IsolatedModule.load(source.module, {
      exportName: 'advantages',
      signature: CLASS_SIGNATURE,
      ...(options.timeout !== undefined && { timeout: options.timeout }),
    });
    try {
      return await collect((inputs) => module.call(inputs, (i) => on(inputs[i]!)));
    } finally {
      await module.close();
    }
  }
  const { bridge } = await startPythonBridge(source.python, options);
  try {
    return await collect((inputs) => bridge.weights(inputs));
  } finally {
    await bridge.close();
  }

  async function collect(weigh: Weigh): Promise<ClassAuditReport> {
    const collector = new ClassCountCollector(classes.C, classes.labels);
    let done = 0;
    for (const M of sizes) {
      const batch = Math.max(1, Math.floor(BATCH_REWARDS / M));
      let patterns: Uint8Array[] = [];
      const flush = async () => {
        const inputs = patterns.map((p) => classRewards(classes, p));
        const results = await weigh(inputs);
        patterns.forEach((p, i) => {
          const advantages = requireWeights(results[i], M, `code ${on(inputs[i]!)}`);
          collector.add({ classes: p, advantages, where: { pattern: JSON.stringify(inputs[i]) } });
        });
        done += patterns.length;
        options.progress?.(done, total);
        patterns = [];
      };
      for (const pattern of classPatterns(M, classes.C, options)) {
        patterns.push(pattern);
        if (patterns.length === batch) await flush();
      }
      if (patterns.length > 0) await flush();
    }
    return classAuditReport(collector, classes, false, relTol);
  }
}

/** `on group [0,0.5,1] (M=3)`: where a call failed, for a message. */
function on(input: number[] | number[][]): string {
  return `on group ${JSON.stringify(input)} (M=${input.length})`;
}

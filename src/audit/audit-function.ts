import { resolve } from 'node:path';
import { InputError, quote, requireInputFile } from '../errors/index.ts';
import { IsolatedModule } from './isolated-module.ts';
import {
  auditPatterns,
  checkPatternAudit,
  onPattern,
  type PatternAuditOptions,
} from './pattern-audit.ts';
import type { AdvantagesFn, AuditReport } from './types.ts';
import { importUserFunction } from './user-module.ts';

/** The function an advantages module exports, in messages. */
export const ADVANTAGES_SIGNATURE = 'advantages(rewards: number[]): number[]';

/**
 * Loads the weight function to audit (docs/theory.md §2, the `Z_i` of Algorithm 1 step 3) from an ES
 * module into this process: its named export `advantages(rewards: number[]): number[]`, possibly
 * async. A CommonJS module's `module.exports.advantages` (seen as `default.advantages`) is
 * accepted too; a TypeScript module loads through tsx (`importUserFunction`).
 *
 * The module runs with no isolation: for code that may exit, hang or print, {@link auditModule}
 * runs it in a worker thread instead. Throws an {@link InputError} when the file is missing, is
 * not a regular file of at most 256 MiB (`requireInputFile`: importing `/dev/zero` would never
 * end), fails to load, or has no such function.
 */
export async function loadAdvantagesModule(file: string): Promise<AdvantagesFn> {
  const what = `module ${quote(file)}`;
  const path = resolve(file);
  requireInputFile(path, what);
  return (await importUserFunction(path, 'advantages', what, ADVANTAGES_SIGNATURE)) as AdvantagesFn;
}

/** Options of {@link auditFunction}. */
export interface FunctionAuditOptions extends PatternAuditOptions {
  /** Names the function in error messages, e.g. the module file. */
  readonly label?: string;
}

/**
 * Audits a weight function (docs/theory.md §2): is it count form, `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`,
 * and if so which objective `h_M` does it induce?
 *
 * The function is called in this thread on every reward pattern of `rewardPatterns` (all
 * `2^M` for `M <= 16`, else `samples` random arrangements of every count `K`; `auditPatterns`),
 * and each weight is filed under its cell `(R_i, S_i)`. Calls are awaited one at a time, so an
 * async function works.
 *
 * Throws an {@link InputError} when the function throws, or returns something other than `M`
 * numbers; a weight that is NaN or infinite is reported as a count-form violation instead.
 */
export async function auditFunction(
  fn: AdvantagesFn,
  options: FunctionAuditOptions,
): Promise<AuditReport> {
  const label = options.label ?? 'advantages';
  const weigh = async (patterns: readonly Uint8Array[]) => {
    const results: ArrayLike<number>[] = [];
    for (const rewards of patterns) {
      let out: unknown;
      try {
        out = await fn(Array.from(rewards));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new InputError(`${label} threw ${onPattern(rewards)}: ${message.split('\n')[0]}`);
      }
      results.push(requireWeights(out, rewards.length, `${label} on pattern ${rewards.join('')}`));
    }
    return results;
  };
  return auditPatterns(weigh, options, label);
}

/** Options of {@link auditModule}. */
export interface ModuleAuditOptions extends PatternAuditOptions {
  /**
   * Seconds one call of the function (or the module's import) may take before its thread is
   * stopped; default 60.
   */
  readonly timeout?: number;
}

/**
 * Audits the weight function a module exports (`advantages(rewards: number[]): number[]`,
 * possibly async; JavaScript or TypeScript) as {@link auditFunction} does, with the module run
 * in a worker thread of its own (`IsolatedModule`): a `process.exit`, a Promise that never
 * settles, a call longer than `timeout` seconds, a crash or a console message of the module
 * never ends or pollutes this process, and each ends the audit with a one-line
 * {@link InputError} naming the module and the pattern. The patterns cross to the thread in
 * batches. Every option is checked before the module is loaded.
 */
export async function auditModule(file: string, options: ModuleAuditOptions): Promise<AuditReport> {
  checkPatternAudit(options);
  const module = await IsolatedModule.load(file, {
    exportName: 'advantages',
    signature: ADVANTAGES_SIGNATURE,
    ...(options.timeout !== undefined && { timeout: options.timeout }),
  });
  try {
    const report = await auditPatterns(
      (patterns) => module.call(patterns, (i) => onPattern(patterns[i]!)),
      options,
      `module ${quote(file)}: advantages`,
      2,
    );
    await options.andThen?.(async (rewards) => {
      const [weights] = await module.call([rewards], () => `on a group of ${rewards.length}`);
      return Array.from(weights!);
    });
    return report;
  } finally {
    await module.close();
  }
}

/** `out` as `M` weights, read where it is (no copy); an InputError when it is not `M` numbers. */
export function requireWeights(out: unknown, M: number, at: string): ArrayLike<number> {
  const isList = Array.isArray(out) || ArrayBuffer.isView(out);
  const list = isList ? (out as ArrayLike<unknown>) : undefined;
  if (list === undefined || list.length !== M) {
    const got = list === undefined ? typeof out : `${list.length} values`;
    throw new InputError(`${at}: expected an array of ${M} numbers, got ${got}`);
  }
  for (let i = 0; i < M; i++) {
    if (typeof list[i] !== 'number') {
      throw new InputError(`${at}: weight ${i} is ${typeof list[i]}, not a number`);
    }
  }
  return list as ArrayLike<number>;
}

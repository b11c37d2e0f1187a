import { resolve } from 'node:path';
import { AUDIT_DEFAULTS, PYTHON_ARRAYS, type PythonArray } from '../defaults/index.ts';
import { InputError, quote } from '../errors/input-error.ts';
import { requireInputFile } from '../errors/input-file.ts';
import { auditSizes, type FunctionAuditOptions } from './audit-function.ts';
import { auditReport } from './audit-report.ts';
import { CountFormCollector } from './count-form-collector.ts';
import { PythonBridge, type PythonTarget, parsePythonTarget } from './python-bridge.ts';
import { rewardPatterns } from './reward-patterns.ts';
import type { AuditReport } from './types.ts';

/** Options of {@link auditPython}. */
export interface PythonAuditOptions extends Omit<FunctionAuditOptions, 'label'> {
  /** What the function receives; default numpy (float64) when numpy imports, else a list of floats. */
  readonly array?: PythonArray;
  /** The interpreter; default `$PYTHON`, else `python3`. */
  readonly python?: string;
  /** Seconds one call may take before the process is stopped; default 60 (the import gets at least 60). */
  readonly timeout?: number;
  /**
   * Called once the patterns are audited, with the function still loaded: `call` weighs one more
   * group (`audit --limit` reads the large-M limit this way, docs/theory.md §9).
   */
  readonly andThen?: (call: (rewards: number[]) => Promise<readonly number[]>) => Promise<void>;
}

/**
 * Audits the user's own Python weight function (docs/theory.md §2, §7), as {@link auditFunction} audits
 * a JavaScript one: is it count form, `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`, and if so which
 * objective `h_M` does it induce?
 *
 * One Python process imports `FUNC` from `FILE.py` (through the shim `python-bridge.py`, standard
 * library only) and calls it on every reward pattern of {@link rewardPatterns} for each `M`: all
 * `2^M` for `M <= 16`, else `samples` random arrangements of every count `K`. The rewards are a
 * float64 numpy array, a float64 torch tensor or a list of floats (`array`); the function may
 * return anything array-like, or an awaitable of it.
 *
 * Throws an InputError (one line) when the interpreter cannot start, the file is missing, the
 * module fails to import, the function is missing, the function raises (its exception and the
 * pattern), it returns other than `M` finite numbers, or one call takes longer than `timeout`
 * seconds (the process is then killed; importing the module gets at least 60 s).
 */
export async function auditPython(
  target: string | PythonTarget,
  options: PythonAuditOptions,
): Promise<AuditReport> {
  const { file, func } = typeof target === 'string' ? parsePythonTarget(target) : target;
  const sizes = auditSizes(options.M);
  const array = options.array ?? 'auto';
  if (array !== 'auto' && !(PYTHON_ARRAYS as readonly string[]).includes(array)) {
    throw new InputError(`array must be one of ${PYTHON_ARRAYS.join(', ')}; got ${quote(array)}`);
  }
  const timeout = options.timeout ?? AUDIT_DEFAULTS.timeout;
  if (!(Number.isFinite(timeout) && timeout > 0)) {
    throw new InputError(`timeout must be a number of seconds > 0, got ${timeout}`);
  }
  const path = resolve(file);
  requireInputFile(path, `python file ${quote(file)}`);
  // Draw one pattern of every size now, so that a bad `samples` is reported before Python starts.
  for (const M of sizes) rewardPatterns(M, options).next();
  const bridge = await PythonBridge.start(
    { path, file, func },
    { python: options.python ?? process.env.PYTHON ?? 'python3', array, timeout },
  );
  const collector = new CountFormCollector();
  try {
    for (const M of sizes) {
      for (const chunk of chunks(rewardPatterns(M, options), Math.max(1, CHUNK_REWARDS / M))) {
        const weights = await bridge.weights(chunk);
        chunk.forEach((rewards, n) => {
          collector.add({ rewards, advantages: weights[n]!, where: { pattern: rewards.join('') } });
        });
      }
    }
    await options.andThen?.(async (rewards) => (await bridge.weights([rewards]))[0]!);
  } finally {
    await bridge.close();
  }
  return auditReport(collector, options);
}

/**
 * Rewards sent to Python in one batch: enough patterns in flight to keep it busy, while memory
 * stays bounded however large `M` and `samples` are.
 */
const CHUNK_REWARDS = 1 << 16;

/** The items of `source` in arrays of at most `size`. */
function* chunks<T>(source: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of source) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

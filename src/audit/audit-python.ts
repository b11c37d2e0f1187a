import { resolve } from 'node:path';
import { AUDIT_DEFAULTS, PYTHON_ARRAYS, type PythonArray } from '../defaults/index.ts';
import { InputError, quote, requireInputFile } from '../errors/index.ts';
import { auditPatterns, checkPatternAudit, type PatternAuditOptions } from './pattern-audit.ts';
import { PythonBridge, type PythonTarget, parsePythonTarget } from './python-bridge.ts';
import type { AuditReport } from './types.ts';

/** Options of {@link auditPython}. */
export interface PythonAuditOptions extends PatternAuditOptions {
  /** What the function receives; default numpy (float64) when numpy imports, else a list of floats. */
  readonly array?: PythonArray;
  /** The interpreter; default `$PYTHON`, else `python3` (an empty name counts as none). */
  readonly python?: string;
  /** Seconds one call may take before the process is stopped; default 60 (the import gets at least 60). */
  readonly timeout?: number;
}

/**
 * Audits the user's own Python weight function (docs/theory.md §2, §7), as {@link auditFunction} audits
 * a JavaScript one: is it count form, `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`, and if so which
 * objective `h_M` does it induce?
 *
 * One Python process imports `FUNC` from `FILE.py` (through the shim `python-bridge.py`, standard
 * library only) and calls it on every reward pattern of `rewardPatterns` for each `M`, in
 * batches (`auditPatterns`): all `2^M` for `M <= 16`, else `samples` random arrangements of every
 * count `K`. The rewards are a
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
  const parsed = typeof target === 'string' ? parsePythonTarget(target) : target;
  checkPatternAudit(options);
  const { bridge, file, func } = await startPythonBridge(parsed, options);
  try {
    const report = await auditPatterns(
      (patterns) => bridge.weights(patterns.map((rewards) => Array.from(rewards))),
      options,
      `python ${quote(file)}:${func}`,
    );
    await options.andThen?.(async (rewards) => (await bridge.weights([rewards]))[0]!);
    return report;
  } finally {
    await bridge.close();
  }
}

/**
 * Checks the Python options (the array kind, the timeout, the file) and starts the bridge to
 * `target`'s function (`PythonBridge.start`); resolves once the function is imported.
 */
export async function startPythonBridge(
  target: string | PythonTarget,
  options: Pick<PythonAuditOptions, 'array' | 'python' | 'timeout'>,
): Promise<{ bridge: PythonBridge; file: string; func: string }> {
  const { file, func } = typeof target === 'string' ? parsePythonTarget(target) : target;
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
  const bridge = await PythonBridge.start(
    { path, file, func },
    { python: pythonInterpreter(options.python), array, timeout },
  );
  return { bridge, file, func };
}

/**
 * The interpreter to run: the one named, else `$PYTHON`, else `python3`; an empty name (an unset
 * `--python-bin ""` or `PYTHON=`, as shell scripts leave them) counts as none.
 */
export function pythonInterpreter(named: string | undefined): string {
  for (const name of [named, process.env.PYTHON]) {
    if (name !== undefined && name.trim() !== '') return name;
  }
  return 'python3';
}

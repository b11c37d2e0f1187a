import type { AuditOptions, AuditSource } from '../audit/index.ts';
import { PYTHON_ARRAYS, type PythonArray } from '../defaults/index.ts';
import {
  InputError,
  LIMITS,
  parseNumber,
  quote,
  requireGridPoints,
  requireNonNegative,
  requirePositiveInteger,
  requireSize,
} from '../errors/index.ts';
import type { RewardClassOptions } from '../rewards/index.ts';
import { directoryFlag } from './parse-flags.ts';
import { type RewardClassFlags, rewardClassFlags } from './reward-class-flags.ts';

/** The flags of `rl-objective audit`, as commander gives them. */
export interface AuditFlags extends RewardClassFlags {
  module?: string;
  python?: string;
  pythonArray?: string;
  pythonBin?: string;
  timeout?: string;
  traces?: string;
  table?: string;
  M?: string;
  samples?: string;
  seed: string;
  relTol: string;
  grid: string;
  expect?: string;
  limit?: boolean;
  limitM?: string;
  json?: boolean;
  out?: string;
}

/** The flags that name what to audit; exactly one is given. */
const SOURCES = ['module', 'python', 'traces', 'table'] as const;

/**
 * What `audit` reads and how, from its flags, every one checked before a module is imported or
 * a file read: a bad flag is reported at once, whatever is wrong with the input it would have
 * applied to. Throws an InputError naming the flag.
 */
export function auditFlags(flags: AuditFlags): {
  source: AuditSource;
  options: AuditOptions;
  classes: RewardClassOptions | undefined;
} {
  const inputs = SOURCES.filter((k) => flags[k] !== undefined);
  if (inputs.length !== 1) {
    throw new InputError(
      'audit needs exactly one of --module FILE, --python FILE.py:FUNC, --traces FILE, --table FILE',
    );
  }
  const name = inputs[0]!;
  const classes = classFlags(flags, name);
  const code = name === 'module' ? '--module' : name === 'python' ? '--python' : undefined;
  if (flags.M !== undefined && code === undefined) {
    throw new InputError(
      '--M applies to --module and --python only; traces and tables carry their group size',
    );
  }
  if (code !== undefined && flags.M === undefined) {
    throw new InputError(
      `${code} needs --M N (or a list such as 8,64): the group size(s) to audit`,
    );
  }
  const run = codeFlags(flags, name === 'python');
  const M = flags.M?.split(',').map((m) =>
    requireSize('--M', parseNumber('--M', m), LIMITS.auditM),
  );
  const samples =
    flags.samples === undefined
      ? undefined
      : requirePositiveInteger('--samples', parseNumber('--samples', flags.samples));
  const options = {
    relTol: requireNonNegative('--rel-tol', parseNumber('--rel-tol', flags.relTol)),
    grid: requireGridPoints('--grid', parseNumber('--grid', flags.grid)),
  };
  const out = directoryFlag('--out', flags.out);
  const source = { [name]: flags[name]! } as AuditSource;
  if (flags.limitM !== undefined && !flags.limit)
    throw new InputError('--limit-m applies to --limit only');
  const limitM =
    flags.limitM === undefined
      ? undefined
      : requirePositiveInteger('--limit-m', parseNumber('--limit-m', flags.limitM));
  const rest = {
    M,
    samples,
    seed: flags.seed,
    expect: flags.expect,
    limit: flags.limit === true,
    ...(limitM !== undefined && { limitM }),
  };
  return { source, options: { ...options, ...run, ...rest, out }, classes };
}

/**
 * The reward classes of an audit (docs/theory.md §10), `--levels` or `--reward-functions`
 * (`rewardClassFlags`), with what they exclude: a table (binary by its format), `--limit` and
 * `--out` (binary studies), and an `--expect` other than `closed`.
 */
function classFlags(flags: AuditFlags, source: string): RewardClassOptions | undefined {
  const classes = rewardClassFlags(flags);
  const named = flags.levels !== undefined ? '--levels' : '--reward-functions';
  if (classes !== undefined && source === 'table') {
    throw new InputError(
      `${named} applies to --module, --python and --traces; a --table is binary`,
    );
  }
  if (classes !== undefined && (flags.limit || flags.out !== undefined)) {
    throw new InputError(
      `${flags.limit ? '--limit' : '--out'} applies to binary rewards; with ${named} the audit gives the field verdict`,
    );
  }
  if (classes !== undefined && flags.expect !== undefined && flags.expect !== 'closed') {
    throw new InputError(
      `with ${named}, --expect takes only closed (there is no binary h to compare), got ${quote(flags.expect)}`,
    );
  }
  if (flags.expect === 'closed' && source === 'table') {
    throw new InputError(
      '--expect closed applies to reward classes; a binary --table in count form always has an objective',
    );
  }
  return classes;
}

/**
 * The `--timeout` of code (a module or a Python function), and the `--python` interpreter and
 * array kind, checked; none of them without code to run.
 */
function codeFlags(
  flags: AuditFlags,
  python: boolean,
): Pick<AuditOptions, 'array' | 'python' | 'timeout'> {
  const pythonOnly = (['pythonArray', 'pythonBin'] as const).find((k) => flags[k] !== undefined);
  if (!python && pythonOnly !== undefined) {
    const name = { pythonArray: '--python-array', pythonBin: '--python-bin' }[pythonOnly];
    throw new InputError(`${name} applies to --python only`);
  }
  if (flags.timeout !== undefined && flags.module === undefined && !python) {
    throw new InputError('--timeout applies to --module and --python only');
  }
  const array = flags.pythonArray;
  if (array !== undefined && !(PYTHON_ARRAYS as readonly string[]).includes(array)) {
    throw new InputError(
      `--python-array must be one of ${PYTHON_ARRAYS.join(', ')}; got ${quote(array)}`,
    );
  }
  const timeout = flags.timeout === undefined ? undefined : parseNumber('--timeout', flags.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new InputError(`--timeout must be a number of seconds > 0, got ${flags.timeout}`);
  }
  return { array: array as PythonArray | undefined, python: flags.pythonBin, timeout };
}

import { BUDGET_NAMES, type BudgetName, VERIFY_DEFAULTS } from '../defaults/index.ts';
import { InputError, parseNumber, quote, requireOutputDirectory } from '../errors/index.ts';

// How the commands read their flags' text into the numbers the library takes: each error names
// the flag as the user typed it, before any library is loaded.

/** The number a flag gives (`parseNumber`), or `undefined` when the flag is absent. */
export function numberFlag(flag: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseNumber(flag, text);
}

/**
 * A directory flag such as `--out` or `--checkpoint`, as given, once it is known to be usable
 * (`requireOutputDirectory`: not a file or a device, creatable, writable), before any work;
 * `undefined` when the flag is absent.
 */
export function directoryFlag<T extends string | undefined>(flag: string, path: T): T {
  if (path !== undefined) requireOutputDirectory(path, `${flag} ${quote(path)}`);
  return path;
}

/** A false-fail rate flag such as `--alpha`: a number strictly between 0 and 1. */
export function rateFlag(flag: string, text: string): number {
  const rate = parseNumber(flag, text);
  if (!(rate > 0 && rate < 1)) {
    throw new InputError(`${flag} must be a number in (0, 1), got ${text}`);
  }
  return rate;
}

/** The budget names as the help and the errors list them: `quick, default or full`. */
export const BUDGETS = `${BUDGET_NAMES.slice(0, -1).join(', ')} or ${BUDGET_NAMES.at(-1)}`;

/** The budget chosen by `verify`'s `--quick`, `--full` or `--budget NAME` (default: the library's). */
export function budgetFlag(flags: {
  readonly quick?: boolean;
  readonly full?: boolean;
  readonly budget?: string;
}): BudgetName {
  if (flags.quick && flags.full) throw new InputError('--quick and --full exclude each other');
  const flagged = flags.quick ? 'quick' : flags.full ? 'full' : undefined;
  if (flags.budget === undefined) return flagged ?? VERIFY_DEFAULTS.budget;
  const named = BUDGET_NAMES.find((name) => name === flags.budget);
  if (named === undefined) {
    throw new InputError(`--budget must be ${BUDGETS}, got ${quote(flags.budget)}`);
  }
  if (flagged !== undefined && flagged !== named) {
    throw new InputError(`--budget ${named} contradicts --${flagged}`);
  }
  return named;
}

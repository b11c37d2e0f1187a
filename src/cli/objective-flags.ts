import { InputError, parseNumber, quote, requireGridPoints } from '../errors/index.ts';
import type { Normalization } from '../objective/index.ts';
import type { GradedObjectiveFlags } from './graded-objective-flags.ts';

/** What `objective` (binary rewards) takes from its flags, checked. */
export interface ObjectiveFlagValues {
  readonly M: number[];
  readonly t: number[] | undefined;
  readonly grid: number | undefined;
  readonly normalize: Normalization | undefined;
  readonly limitM: number | undefined;
}

/**
 * Reads and checks `objective`'s flags for binary rewards, before any library loads: the flags
 * that exclude each other or apply to `--limit` only, one `--M` without `--limit`, numbers as
 * decimal literals, `--grid` from 2 to its limit. Throws InputError naming the flag.
 */
export function objectiveFlags(flags: GradedObjectiveFlags): ObjectiveFlagValues {
  if (flags.t !== undefined && flags.grid !== undefined) {
    throw new InputError('give either --t or --grid, not both');
  }
  if (!flags.limit && (flags.limitM !== undefined || flags.stated !== undefined)) {
    throw new InputError(
      `${flags.limitM !== undefined ? '--limit-m' : '--stated'} applies to --limit only`,
    );
  }
  if (flags.limit && flags.normalize !== undefined) {
    throw new InputError('--normalize does not apply to --limit (it always uses h/h(1))');
  }
  if (!flags.limit && flags.M.includes(',')) {
    throw new InputError(`--M takes one group size, got ${quote(flags.M)}; a list needs --limit`);
  }
  return {
    M: flags.M.split(',').map((m) => parseNumber('--M', m)),
    t: flags.t?.split(',').map((t) => parseNumber('--t', t)),
    grid:
      flags.grid === undefined
        ? undefined
        : requireGridPoints('--grid', parseNumber('--grid', flags.grid)),
    normalize: normalization(flags.normalize),
    limitM: flags.limitM ? parseNumber('--limit-m', flags.limitM) : undefined,
  };
}

function normalization(flag: string | true | undefined): Normalization | undefined {
  if (flag === undefined) return undefined;
  if (flag === true || flag === 'end') return 'end';
  if (flag === 'harmonic') return 'harmonic';
  throw new InputError(`--normalize must be 'end' or 'harmonic', got ${quote(flag)}`);
}

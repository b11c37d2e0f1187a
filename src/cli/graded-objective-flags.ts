import type { Command } from 'commander';
import { InputError, parseNumber } from '../errors/index.ts';
import type { GradedObjectiveOptions } from '../graded/index.ts';
import {
  addRewardClassOptions,
  type RewardClassFlags,
  rewardClassFlags,
} from './reward-class-flags.ts';

/** The flags of `objective`, as commander gives them: the graded ones and the binary ones. */
export interface GradedObjectiveFlags extends RewardClassFlags {
  scheme: string;
  M: string;
  grid?: string;
  q?: string[];
  json?: boolean;
  t?: string;
  normalize?: string | true;
  limit?: boolean;
  limitM?: string;
  stated?: string;
}

/** The flags of `objective` that apply to binary rewards only, as typed and as read. */
const BINARY_ONLY = [
  ['--t', 't'],
  ['--normalize', 'normalize'],
  ['--limit', 'limit'],
  ['--limit-m', 'limitM'],
  ['--stated', 'stated'],
] as const;

/** Registers `--levels`, `--reward-functions` and the repeatable `--q` on `objective`. */
export function addGradedObjectiveOptions(command: Command): Command {
  return addRewardClassOptions(command).option(
    '--q <list>',
    'with --levels or --reward-functions: a point of the simplex, e.g. 0.5,0.2,0.3 (repeatable)',
    (value: string, previous: string[] = []) => [...previous, value],
  );
}

/**
 * `objective`'s options for reward classes from its flags (docs/theory.md §10), or `undefined`
 * for binary rewards. `--q` needs classes; the binary flags (`--t`, `--normalize`, `--limit`,
 * `--limit-m`, `--stated`) refuse them. Throws InputError naming the flag, before any work.
 */
export function gradedObjectiveFlags(
  flags: GradedObjectiveFlags,
): GradedObjectiveOptions | undefined {
  const classes = rewardClassFlags(flags);
  if (classes === undefined) {
    if (flags.q !== undefined) {
      throw new InputError('--q needs --levels or --reward-functions (binary rewards take --t)');
    }
    return undefined;
  }
  const named = flags.levels !== undefined ? '--levels' : '--reward-functions';
  for (const [flag, key] of BINARY_ONLY) {
    if (flags[key] !== undefined && flags[key] !== false) {
      throw new InputError(`${flag} applies to binary rewards; with ${named} use --q or --grid`);
    }
  }
  return {
    scheme: flags.scheme,
    M: parseNumber('--M', flags.M),
    ...classes,
    ...(flags.q === undefined
      ? {}
      : { q: flags.q.map((q) => q.split(',').map((x) => parseNumber('--q', x))) }),
    ...(flags.grid === undefined ? {} : { grid: parseNumber('--grid', flags.grid) }),
  };
}

/**
 * Runs `objective` on reward classes when the flags name them: calls `gradedObjective` and
 * prints its report (text, or JSON with `--json`). Returns false, doing nothing, for binary
 * rewards. The library loads only here.
 */
export async function runGradedObjective(flags: GradedObjectiveFlags): Promise<boolean> {
  const options = gradedObjectiveFlags(flags);
  if (options === undefined) return false;
  const [{ gradedObjective }, { gradedText }] = await Promise.all([
    import('../graded/graded-objective.ts'),
    import('./format-graded.ts'),
  ]);
  const report = gradedObjective(options);
  process.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : gradedText(report));
  return true;
}

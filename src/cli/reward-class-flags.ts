import type { Command } from 'commander';
import { InputError, parseNumber } from '../errors/index.ts';
import { parseLevels, type RewardClassOptions } from '../rewards/index.ts';

/** The reward-class flags of the commands that take graded rewards (docs/theory.md §10). */
export interface RewardClassFlags {
  levels?: string;
  rewardFunctions?: string;
}

/** Registers `--levels` and `--reward-functions` (docs/theory.md §10) on a command. */
export function addRewardClassOptions(command: Command): Command {
  return command
    .option('--levels <list>', 'graded rewards: strictly increasing levels, e.g. 0,0.5,1')
    .option(
      '--reward-functions <d>',
      'd binary reward functions: 2^d classes ordered by r_1 r_2 ... r_d (at most 6)',
    );
}

/**
 * The reward classes the flags name, `--levels` or `--reward-functions` (not both), or
 * `undefined` when neither is given: binary rewards. Checked before any work; each error names
 * the flag. The classes themselves are validated by the library (`rewardClasses`).
 */
export function rewardClassFlags(flags: RewardClassFlags): RewardClassOptions | undefined {
  if (flags.levels !== undefined && flags.rewardFunctions !== undefined) {
    throw new InputError('give either --levels or --reward-functions, not both');
  }
  if (flags.levels !== undefined) return { levels: parseLevels('--levels', flags.levels) };
  if (flags.rewardFunctions !== undefined) {
    return { rewardFunctions: parseNumber('--reward-functions', flags.rewardFunctions) };
  }
  return undefined;
}

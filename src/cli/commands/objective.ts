import type { Command } from 'commander';
import { InputError } from '../../errors/input-error.ts';

/** Registers `rl-objective objective`. Placeholder until its issue lands; replace this whole file. */
export function registerObjective(root: Command): void {
  root
    .command('objective')
    .description('not implemented yet')
    .action(() => {
      throw new InputError('objective is not implemented yet');
    });
}

import type { Command } from 'commander';
import { InputError } from '../../errors/input-error.ts';

/** Registers `rl-objective merge`. Placeholder until its issue lands; replace this whole file. */
export function registerMerge(root: Command): void {
  root
    .command('merge')
    .description('not implemented yet')
    .action(() => {
      throw new InputError('merge is not implemented yet');
    });
}

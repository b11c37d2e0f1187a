import type { Command } from 'commander';
import { InputError } from '../../errors/input-error.ts';

/** Registers `rl-objective simulate`. Placeholder until its issue lands; replace this whole file. */
export function registerSimulate(root: Command): void {
  root
    .command('simulate')
    .description('not implemented yet')
    .action(() => {
      throw new InputError('simulate is not implemented yet');
    });
}

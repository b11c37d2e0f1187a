import type { Command } from 'commander';
import { InputError } from '../../errors/input-error.ts';

/** Registers `rl-objective verify`. Placeholder until its issue lands; replace this whole file. */
export function registerVerify(root: Command): void {
  root
    .command('verify')
    .description('not implemented yet')
    .action(() => {
      throw new InputError('verify is not implemented yet');
    });
}

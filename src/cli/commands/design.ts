import type { Command } from 'commander';
import { InputError } from '../../errors/input-error.ts';

/** Registers `rl-objective design`. Placeholder until its issue lands; replace this whole file. */
export function registerDesign(root: Command): void {
  root
    .command('design')
    .description('not implemented yet')
    .action(() => {
      throw new InputError('design is not implemented yet');
    });
}

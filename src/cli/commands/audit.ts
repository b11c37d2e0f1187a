import type { Command } from 'commander';
import { InputError } from '../../errors/input-error.ts';

/** Registers `rl-objective audit`. Placeholder until its issue lands; replace this whole file. */
export function registerAudit(root: Command): void {
  root
    .command('audit')
    .description('not implemented yet')
    .action(() => {
      throw new InputError('audit is not implemented yet');
    });
}

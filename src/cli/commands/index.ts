import type { Command } from 'commander';
import { registerAudit } from './audit.ts';
import { registerDesign } from './design.ts';
import { registerMerge } from './merge.ts';
import { registerObjective } from './objective.ts';
import { registerSimulate } from './simulate.ts';
import { registerTrain } from './train.ts';
import { registerVerify } from './verify.ts';

/**
 * Every CLI command, as a function that registers it on the root program. Each command lives in
 * its own file in this folder and is a thin shell over a typed library function.
 */
export const commands: ReadonlyArray<(root: Command) => void> = [
  registerObjective,
  registerDesign,
  registerSimulate,
  registerTrain,
  registerVerify,
  registerAudit,
  registerMerge,
];

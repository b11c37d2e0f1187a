import { drGrpo } from './dr-grpo.ts';
import { grpo } from './grpo.ts';
import { passk } from './passk.ts';
import { reinforce } from './reinforce.ts';
import { rloo } from './rloo.ts';
import { rs } from './rs.ts';
import type { SchemeKind } from './scheme-kind.ts';
import { table } from './table.ts';

/**
 * Every scheme the spec grammar accepts, in help order: the catalogue of MATH.md §3, then the
 * trainer presets of §7. Each entry has its name, usage (keys and defaults) and a one-line
 * summary for `--help` and error messages.
 */
export const schemeCatalogue: readonly SchemeKind[] = [
  reinforce,
  rloo,
  drGrpo,
  rs,
  grpo,
  passk,
  table,
];

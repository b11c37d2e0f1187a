import { chenPassk } from './chen-passk.ts';
import { design } from './design.ts';
import { drGrpo } from './dr-grpo.ts';
import { fGrpo } from './f-grpo.ts';
import { grpo } from './grpo.ts';
import { openrlhfGroupNorm } from './openrlhf-group-norm.ts';
import { passk } from './passk.ts';
import { pkpo } from './pkpo.ts';
import { reinforce } from './reinforce.ts';
import { rloo } from './rloo.ts';
import { rs } from './rs.ts';
import type { SchemeKind } from './scheme-kind.ts';
import { table } from './table.ts';
import { trlGrpo } from './trl-grpo.ts';
import { trlRloo } from './trl-rloo.ts';
import { verlGrpo } from './verl-grpo.ts';
import { verlGrpoPassk } from './verl-grpo-passk.ts';
import { verlGrpoVectorized } from './verl-grpo-vectorized.ts';

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
  fGrpo,
  passk,
  design,
  table,
  verlGrpo,
  verlGrpoVectorized,
  verlGrpoPassk,
  trlGrpo,
  trlRloo,
  openrlhfGroupNorm,
  pkpo,
  chenPassk,
];

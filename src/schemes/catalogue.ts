import { design } from './design.ts';
import {
  drGrpo,
  fGrpo,
  grpo,
  meanScaled,
  openrlhfGroupNorm,
  trlGrpo,
  verlGrpo,
  verlGrpoVectorized,
} from './group-normalized.ts';
import { chenPassk, passk, pkpo, verlGrpoPassk } from './pass-at-k.ts';
import { reinforce, rloo, trlRloo } from './reinforce.ts';
import { rs } from './rs.ts';
import type { SchemeKind } from './scheme-kind.ts';
import { table } from './table.ts';

/**
 * Every scheme the spec grammar accepts, in help order: the catalogue of docs/theory.md §3, then the
 * trainer presets of §7, then the mean-scaled baseline of §10. Each entry has its name, usage (keys and defaults) and a one-line
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
  meanScaled,
];

/**
 * The catalogue of docs/theory.md §3 as specs, one per row of its table (pass@k with k = 4), then
 * F-GRPO (§9, gamma = 1): the schemes the verification battery and its figures sweep. The one
 * list of them; `catalogueAt` gives those defined at a group size.
 */
export const CATALOGUE_SPECS: readonly string[] = [
  'reinforce',
  'rloo',
  'dr-grpo',
  'rs',
  'grpo',
  'passk:k=4',
  'f-grpo:gamma=1',
];

/**
 * The scheme catalogue (docs/theory.md §3 and §7) as help text: one line per scheme, its usage then its
 * summary and, where known, its large-M limit (docs/theory.md §9), followed by the `filter` modifiers
 * that every scheme accepts.
 */
export function schemeCatalogueHelp(): string {
  const width = Math.max(...schemeCatalogue.map((k) => k.usage.length));
  const lines = schemeCatalogue.map(
    (k) => `${k.usage.padEnd(width)}  ${k.summary}${k.limit ? `; limit ${k.limit.text}` : ''}`,
  );
  lines.push(
    `${'<any>:...,filter=dapo'.padEnd(width)}  DAPO dynamic sampling (verl recipe): weights times 1[0 < K < M]; M = 1 kept`,
    `${'<any>:...,filter=range,lo=L,hi=H'.padEnd(width)}  OpenRLHF dynamic filtering: weights times 1[L < K/M < H]; default (0, 1); M >= 2`,
  );
  return lines.join('\n');
}

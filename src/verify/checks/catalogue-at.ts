import { CATALOGUE_SPECS } from '../figures/induced-objectives.ts';

/**
 * The catalogue specs (MATH.md §3) defined at group size `M`: rloo needs `M >= 2` and pass@k
 * with k = 4 needs `M >= 4`.
 */
export function catalogueAt(M: number): string[] {
  return CATALOGUE_SPECS.filter(
    (spec) => (spec !== 'rloo' || M >= 2) && (spec !== 'passk:k=4' || M >= 4),
  );
}

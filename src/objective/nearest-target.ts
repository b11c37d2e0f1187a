import { type Target, target } from '../targets/index.ts';
import { type Sampled, sampled, supDistance } from './sup-distance.ts';

/**
 * The named target closest to an objective, its distance (`supDistance`), and the other names of
 * the same objective (`identity` is also `passk:k=1`), absent when it has none.
 */
export interface Nearest {
  readonly name: string;
  readonly distance: number;
  readonly aliases?: readonly string[];
}

/** What {@link compareTargets} finds. */
export interface TargetComparison {
  /** The closest target; null when no distance is defined (the objective does not increase). */
  readonly nearest: Nearest | null;
  /**
   * The distance to every target compared, keyed by the first name of each distinct objective
   * (NaN where undefined); the other names are in {@link aliases}, not here.
   */
  readonly distances: Readonly<Record<string, number>>;
  /** For each key of {@link distances} that has other names: those names, in list order. */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

/**
 * Distances closer than this are a tie, decided by list order: the distances of one function
 * under two routes differ by rounding, and which is "nearer" must not depend on it.
 */
const TIE = 1e-12;

/**
 * The named targets an objective at group size `M` is compared with (docs/theory.md §3): identity,
 * log, logit, arcsin, and pass@k for `k = 1..M` (`passk:k=1` is identity under another name).
 */
export function namedTargetSpecs(M: number): string[] {
  const specs = ['identity', 'log', 'logit', 'arcsin'];
  for (let k = 1; k <= M; k++) specs.push(`passk:k=${k}`);
  return specs;
}

/**
 * Compares an objective `f` sampled on a grid with each target, by the one distance of the
 * package (`supDistance`, docs/objective.md), and names the nearest.
 *
 * Targets that are one objective (docs/theory.md §9: the same member `I_t(A, B)` of the incomplete-
 * beta family, up to an affine map, e.g. `identity`, `passk:k=1`, `power:q=1`, `beta:a=1,b=1`)
 * are compared once, under the first of their names in `targets`, and the others are listed as
 * its aliases: which name is shown never depends on rounding. Among distinct objectives the
 * smallest distance is nearest, and distances within 1e-12 of each other are a tie, won by the
 * earlier in `targets`.
 */
export function compareTargets(
  f: Sampled,
  targets: readonly (string | Target)[],
): TargetComparison {
  const byKey = new Map<string, { spec: string; target: Target; aliases: string[] }>();
  for (const entry of targets) {
    const made = typeof entry === 'string' ? target(entry) : entry;
    const key =
      made.member === undefined ? made.spec : `member:${made.member[0]},${made.member[1]}`;
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, { spec: made.spec, target: made, aliases: [] });
    else if (known.spec !== made.spec && !known.aliases.includes(made.spec)) {
      known.aliases.push(made.spec);
    }
  }
  const distances: Record<string, number> = {};
  const aliases: Record<string, readonly string[]> = {};
  let nearest: Nearest | null = null;
  for (const { spec, target: made, aliases: others } of byKey.values()) {
    const distance = supDistance(
      f,
      sampled(f.ts, (t) => made.h(t)),
    ).distance;
    distances[spec] = distance;
    if (others.length > 0) aliases[spec] = others;
    if (!Number.isNaN(distance) && (nearest === null || distance < nearest.distance - TIE)) {
      nearest = { name: spec, distance, ...(others.length > 0 && { aliases: others }) };
    }
  }
  return { nearest, distances, aliases };
}

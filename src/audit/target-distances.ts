import { targetDistances as distancesTo } from '../objective/target-distance.ts';
import { target } from '../targets/targets.ts';
import type { Nearest } from './types.ts';

/**
 * The distance of the objective induced by `c` (MATH.md §2) to each named target an audit
 * compares with (MATH.md §3): identity, log, logit, arcsin and pass@k for `k = 1..M`, each after
 * the best affine fit (`targetDistance`), keyed by canonical target spec (`passk:k=4`), and the
 * nearest of them (the first listed on a tie, so identity before `passk:k=1`). The `extra`
 * target specs (e.g. a fitted `beta:a=A,b=B`, MATH.md §9) get a distance too, but never count
 * as nearest: `nearest` is a named target.
 */
export function targetDistances(
  c: readonly number[],
  extra: readonly string[] = [],
): {
  distances: Record<string, number>;
  nearest: Nearest;
} {
  const specs = ['identity', 'log', 'logit', 'arcsin'];
  for (let k = 1; k <= c.length; k++) specs.push(`passk:k=${k}`);
  const named = specs.map((spec) => target(spec));
  const members = extra.map((spec) => target(spec));
  const all = distancesTo(c, [...named, ...members]);
  const distances: Record<string, number> = {};
  let nearest: Nearest | undefined;
  named.forEach(({ spec }, i) => {
    const distance = all[i]!.distance;
    distances[spec] = distance;
    if (nearest === undefined || distance < nearest.distance) nearest = { name: spec, distance };
  });
  members.forEach(({ spec }, i) => {
    distances[spec] = all[named.length + i]!.distance;
  });
  return { distances, nearest: nearest! };
}

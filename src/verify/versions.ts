import { packageVersion } from '../checkpoint/run-identity.ts';

/**
 * The versions a report records so that it can be reproduced: rl-objective itself, Node, and the
 * packages whose numbers or figures it depends on.
 */
export function versions(): Record<string, string> {
  return {
    'rl-objective': packageVersion(),
    node: process.versions.node,
    ...Object.fromEntries(
      ['seedrandom', '@stdlib/stats-base-dists-normal-quantile', 'vega', 'vega-lite'].map(
        (name) => [name, packageVersion(name)],
      ),
    ),
  };
}

import { readFileSync } from 'node:fs';

/** Version of an installed package, read from its package.json next to this project's. */
function installed(name: string): string {
  const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/**
 * The versions a report records so that it can be reproduced: rl-objective itself, Node, and the
 * packages whose numbers or figures it depends on.
 */
export function versions(): Record<string, string> {
  const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return {
    'rl-objective': own.version,
    node: process.versions.node,
    seedrandom: installed('seedrandom'),
    '@stdlib/stats-base-dists-normal-quantile': installed(
      '@stdlib/stats-base-dists-normal-quantile',
    ),
    vega: installed('vega'),
    'vega-lite': installed('vega-lite'),
  };
}

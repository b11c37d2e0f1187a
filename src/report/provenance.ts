import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OWN = 'rl-objective';
const cache = new Map<string, string>();

/**
 * The `version` of an installed package (default: rl-objective itself), read once from its
 * package.json. A run identity carries rl-objective's, because a different version may compute
 * different chunk results from the same seed; a report carries those of the packages its numbers
 * and figures depend on ({@link versions}).
 *
 * Found through Node's own resolution, so it holds from the sources, from the compiled dist/, and
 * from a project that installed the package with its dependencies hoisted beside it. The package
 * folder is the nearest one above its entry point whose package.json has that name, since not every
 * package exports its package.json.
 */
export function packageVersion(name = OWN): string {
  let version = cache.get(name);
  if (version === undefined) {
    // Our own entry points exist only once built; our package.json always does.
    const entry = import.meta.resolve(name === OWN ? `${OWN}/package.json` : name);
    let dir = dirname(fileURLToPath(entry));
    for (;;) {
      const manifest = readManifest(join(dir, 'package.json'));
      if (manifest?.name === name) {
        version = manifest.version;
        break;
      }
      if (dirname(dir) === dir) throw new Error(`no package.json named ${name} above its entry`);
      dir = dirname(dir);
    }
    cache.set(name, version);
  }
  return version;
}

function readManifest(path: string): { name?: string; version: string } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version: string };
  } catch {
    return undefined;
  }
}

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

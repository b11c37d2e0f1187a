import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageVersion, versions } from './provenance.ts';

/** The version written in a package.json of this checkout, read directly. */
const manifestVersion = (path: string) =>
  (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string }).version;

describe('packageVersion and versions', () => {
  it("reads rl-objective's own version and an installed package's from their package.json", () => {
    expect(packageVersion()).toBe(manifestVersion('../../package.json'));
    expect(packageVersion('vega')).toBe(manifestVersion('../../node_modules/vega/package.json'));
  });

  it('refuses a package that is not installed', () => {
    expect(() => packageVersion('rl-objective-no-such-package')).toThrow();
  });

  it('records rl-objective, Node and the packages the numbers and figures depend on', () => {
    expect(versions()).toEqual({
      'rl-objective': packageVersion(),
      node: process.versions.node,
      seedrandom: manifestVersion('../../node_modules/seedrandom/package.json'),
      '@stdlib/stats-base-dists-normal-quantile': manifestVersion(
        '../../node_modules/@stdlib/stats-base-dists-normal-quantile/package.json',
      ),
      vega: manifestVersion('../../node_modules/vega/package.json'),
      'vega-lite': manifestVersion('../../node_modules/vega-lite/package.json'),
    });
  });
});

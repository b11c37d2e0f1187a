// The order of the test files in Stryker's runs (vitest.stryker.config.ts). Stryker stops a mutant's
// run at its first failing test, and that test is most often a unit test of the mutated file, which
// is fast; vitest's own order runs the slowest files first, to keep several workers busy, which
// Stryker's single worker per runner does not need. Fastest first, the slow size sweeps run only for
// the mutants that the fast files leave alive.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Sorts test files by their duration in vitest's results cache, shortest first, with the files
 * that failed last time (the file that killed the previous mutant, of nearby code) before all
 * others; files not in the cache by size, smallest first.
 */
export class FastestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const key = (spec: TestSpecification) =>
      `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
    const rank = (spec: TestSpecification): [number, number] => {
      const result = cache.getFileTestResults(key(spec));
      if (result) return [result.failed ? 0 : 1, result.duration];
      return [2, cache.getFileStats(key(spec))?.size ?? Number.POSITIVE_INFINITY];
    };
    return files
      .map((spec) => ({ spec, rank: rank(spec) }))
      .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1])
      .map(({ spec }) => spec);
  }
}

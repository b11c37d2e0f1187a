import { resolveScheme } from './resolve-scheme.ts';

/**
 * Validates a scheme spec without a group size, so that the CLI can fail before any work
 * (MATH.md §3 and §7 catalogue), and returns its canonical form with every default filled in,
 * e.g. `grpo:eps=1e-6` gives `grpo:std=population,eps=0.000001,eps-at=std`. Checks that need
 * `M` (`k <= M`, `M >= 2`, a table file's `M`) are left to `scheme(spec, M)`.
 */
export function parseSchemeSpec(spec: string): string {
  return resolveScheme(spec).spec;
}

import { InputError } from '../errors/input-error.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import { patternTable } from './pattern-table.ts';
import { resolveScheme } from './resolve-scheme.ts';
import type { Scheme } from './scheme.ts';
import { schemeTables } from './scheme-tables.ts';

/**
 * Builds the weight scheme named by `spec` (grammar `name[:key=value,...]`, catalogue of
 * MATH.md §3 and presets of §7, optionally `filter=dapo`) for group size `M`: its native group
 * formula, and its count-form tables `a`, `b`, `c = b - a` of §2, derived from that formula
 * (see `schemeTables` for the route above `NATIVE_TABLES_MAX_M`). `advantages` runs the native
 * formula itself; `advantagesInto`, the simulators' inner loop, the same formula tabulated over
 * every reward pattern up to `PATTERN_TABLE_MAX_M` (`patternTable`: the same bits, faster).
 *
 * Throws InputError for an unknown name, key or value, `M` not a positive integer, or a limit
 * of the scheme (`k > M`, rloo with `M = 1`, ...). `scheme(s.spec, M).spec === s.spec`.
 */
export function scheme(spec: string, M: number): Scheme {
  requirePositiveInteger('M', M);
  const resolved = resolveScheme(spec);
  const formulas = resolved.bind(M);
  const { a, b } = schemeTables(formulas, M);
  const c = b.map((bs, s) => bs - a[s]!);
  const native = formulas.advantagesInto;
  const label = `scheme '${resolved.spec}' with M = ${M}`;
  return {
    spec: resolved.spec,
    name: resolved.name,
    M,
    a: Object.freeze(a),
    b: Object.freeze(b),
    c: Object.freeze(c),
    advantagesInto: patternTable(native, M),
    ...(formulas.groupWeightsInto ? { groupWeightsInto: formulas.groupWeightsInto } : {}),
    advantages(rewards) {
      if (rewards.length !== M) {
        throw new InputError(`${label}: expected ${M} rewards, got ${rewards.length}`);
      }
      rewards.forEach((r, i) => {
        if (r !== 0 && r !== 1) {
          throw new InputError(`${label}: reward ${i} must be 0 or 1, got ${r}`);
        }
      });
      const out = new Float64Array(M);
      native(rewards, out);
      return Array.from(out);
    },
  };
}

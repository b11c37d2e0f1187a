import { formatBetaFit, type ObjectiveTable } from '../objective/index.ts';
import { formatTable } from './output.ts';

/** Up to this group size the text output shows the tables `a` and `b` in full. */
const TABLES_SHOWN_MAX_M = 16;

/**
 * An objective table as `rl-objective objective` prints it: the scheme, its tables (in full up
 * to M = 16), its best beta fit, and one row per point with `hNormalized` when `normalized`.
 */
export function objectiveText(table: ObjectiveTable, normalized: boolean): string {
  const lines = [`scheme ${table.scheme}, M = ${table.M}`];
  if (table.M <= TABLES_SHOWN_MAX_M) {
    lines.push(`a = [${table.a.join(', ')}]`, `b = [${table.b.join(', ')}]`);
  } else {
    lines.push(`(tables a and b have ${table.M} entries each: use --json to see them)`);
  }
  lines.push(
    `best beta fit: ${formatBetaFit(table.fit, table.fitReason)}${table.fit === null ? '' : ` (sup distance to h/h(1) on these ${table.points.length} points)`}`,
  );
  return `${lines.join('\n')}\n\n${formatTable(
    normalized ? ['t', 'h', 'dh', 'hNormalized'] : ['t', 'h', 'dh'],
    table.points.map((p) => (normalized ? [p.t, p.h, p.dh, p.hNormalized!] : [p.t, p.h, p.dh])),
  )}`;
}

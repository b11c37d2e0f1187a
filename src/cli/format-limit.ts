import type { LargeMLimit, ReadLimit } from '../objective/index.ts';
import { formatTable } from './output.ts';

/**
 * A large-M study (docs/theory.md §9, `largeMLimit`) as text, under a first line `head` naming what
 * was studied: the limit read from the scheme (its kind, normalization and names) or why there is
 * none, the stated limit, what the distances are, one row per size (best fit, its distance, the
 * distances to the previous size, to the stated limit and to the read limit), then where each
 * sequence of distances goes.
 */
export function formatLimit(head: string, study: LargeMLimit): string {
  const { largeM, limit } = study;
  const lines = [head];
  if (limit !== null) lines.push(...readLimitLines(limit));
  else if (study.limitReason !== undefined) lines.push(`limit: not read (${study.limitReason})`);
  const stated = largeM.stated;
  lines.push(
    stated === null
      ? 'stated limit: none'
      : `stated limit: ${stated.text}${stated.text === stated.target ? '' : ` = ${stated.target}`}`,
  );
  lines.push(
    `distances: the largest gap over the ${largeM.grid} grid points, both objectives rescaled to 0 at t = 0 and 1 at t = 1 (where one is infinite: at the first or last grid point inside)`,
    '',
  );
  const dash = (x: number | null) => (x === null ? '-' : sig(x));
  const columns = ['M', 'best beta fit', 'fit distance', 'to previous M'];
  if (largeM.toStated !== null) columns.push('to stated');
  if (largeM.toLimit !== null) columns.push('to limit');
  const table = formatTable(
    columns,
    largeM.sizes.map((s) => {
      const row: (string | number)[] = [
        s.M,
        s.fit === null
          ? 'none'
          : `I_t(${sig(s.fit.a)}, ${sig(s.fit.b)})${s.fit.atEdge ? ' (edge)' : ''}`,
        s.fit === null ? '-' : sig(s.fit.distance),
        dash(s.fromPrevious),
      ];
      if (largeM.toStated !== null) row.push(dash(s.toStated));
      if (largeM.toLimit !== null) row.push(dash(s.toLimit));
      return row;
    }),
  );
  lines.push(table.trimEnd(), '');
  for (const s of largeM.sizes) {
    if (s.fit === null) lines.push(`M = ${s.M}: no fit: ${s.fitReason ?? 'no objective'}`);
  }
  lines.push(`successive objectives: ${largeM.successive.text}`);
  if (largeM.toStated !== null) lines.push(`distance to the stated limit: ${largeM.toStated.text}`);
  if (largeM.toLimit !== null) lines.push(`distance to the read limit: ${largeM.toLimit.text}`);
  return `${lines.join('\n')}\n`;
}

/** The read limit: its kind and normalization, then its names (exact, nearest, fit). */
function readLimitLines(limit: ReadLimit): string[] {
  const { zeroAt, oneAt } = limit.normalization;
  const power = (x: number | null, base: string) => (x === null ? '-' : `${base}^${sig(x)}`);
  const head = `limit read from the weights of one group of M* = ${limit.M} (${limit.evaluations} groups): ${limit.kind}`;
  if (limit.kind === 'degenerate') {
    return [head, `  ${limit.reason ?? 'the weights concentrate at an end'}; no fit, no name`];
  }
  const lines = [
    `${head}; weights like ${power(limit.exponents.atZero, 't')} at 0, ${power(limit.exponents.atOne, '(1-t)')} at 1`,
  ];
  lines.push(`  normalized to 0 at t = ${zeroAt} and 1 at t = ${oneAt}`);
  const names: string[] = [];
  if (limit.exact !== null) {
    names.push(`limit = ${limit.exact.target} (distance ${sig(limit.exact.distance)})`);
  }
  if (limit.nearest !== null) {
    const aliases = limit.nearest.aliases ? ` (= ${limit.nearest.aliases.join(' = ')})` : '';
    names.push(`nearest named: ${limit.nearest.name}${aliases} (${sig(limit.nearest.distance)})`);
  }
  names.push(
    limit.fit === null
      ? `best beta fit: none (${limit.fitReason ?? 'no fit'})`
      : `best beta fit: I_t(${sig(limit.fit.a)}, ${sig(limit.fit.b)}) (${sig(limit.fit.distance)})`,
  );
  lines.push(`  ${names.join('; ')}`);
  return lines;
}

function sig(x: number): string {
  return String(Number(x.toPrecision(3)));
}

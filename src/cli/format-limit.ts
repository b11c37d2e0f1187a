import type { LargeMLimit } from '../objective/large-m-limit.ts';
import { formatTable } from './output.ts';

/**
 * A large-M study (docs/theory.md §9, `largeMLimit`) as text, under a first line `head` naming what
 * was studied: the stated limit, one row per size (best fit, its distance, the sup distance to
 * the previous size and to the limit), then whether those distances shrink.
 */
export function formatLimit(head: string, study: LargeMLimit): string {
  const lines = [head];
  const limit = study.limit;
  if (limit === null) lines.push('stated limit: none known for this scheme');
  else if (limit.target.startsWith('beta:')) {
    lines.push(`stated limit: ${limit.text} = ${limit.target}`);
  } else {
    lines.push(`stated limit: ${limit.text} (outside the beta family: no sup distance to it)`);
  }
  lines.push(`distances are sups of |difference of h/h(1)| over ${study.grid} points`, '');
  const dash = (x: number | null) => (x === null ? '-' : sig(x));
  const table = formatTable(
    ['M', 'best beta fit', 'fit distance', 'to previous M', 'to limit'],
    study.sizes.map((s) => [
      s.M,
      s.fit === null ? 'none' : `I_t(${sig(s.fit.a)}, ${sig(s.fit.b)})`,
      s.fit === null ? '-' : sig(s.fit.distance),
      dash(s.fromPrevious),
      dash(s.toLimit),
    ]),
  );
  lines.push(table.trimEnd(), '');
  for (const s of study.sizes) {
    if (s.fit === null) lines.push(`M = ${s.M}: no fit: ${s.fitReason ?? 'no objective'}`);
  }
  lines.push(
    `successive objectives: ${verdict(
      study.successiveShrink,
      study.sizes.slice(1).map((s) => s.fromPrevious),
    )}`,
  );
  if (study.sizes.some((s) => s.toLimit !== null)) {
    lines.push(
      `distance to the stated limit: ${verdict(
        study.limitShrink,
        study.sizes.map((s) => s.toLimit),
      )}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function verdict(shrink: boolean | null, values: readonly (number | null)[]): string {
  const shown = values.map((v) => (v === null ? '-' : sig(v))).join(' > ');
  if (shrink === null)
    return `cannot tell (${values.length < 2 ? 'fewer than two' : 'a missing'} distance)`;
  return shrink ? `shrinking (${shown})` : `NOT shrinking (${shown.replaceAll(' > ', ', ')})`;
}

function sig(x: number): string {
  return String(Number(x.toPrecision(3)));
}

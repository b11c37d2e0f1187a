import { schemeCatalogue } from './catalogue.ts';

/**
 * The scheme catalogue (MATH.md §3 and §7) as help text: one line per scheme, its usage then its
 * summary and, where known, its large-M limit (MATH.md §9), followed by the `filter` modifiers
 * that every scheme accepts.
 */
export function schemeCatalogueHelp(): string {
  const width = Math.max(...schemeCatalogue.map((k) => k.usage.length));
  const lines = schemeCatalogue.map(
    (k) => `${k.usage.padEnd(width)}  ${k.summary}${k.limit ? `; limit ${k.limit.text}` : ''}`,
  );
  lines.push(
    `${'<any>:...,filter=dapo'.padEnd(width)}  DAPO dynamic sampling (verl recipe): weights times 1[0 < K < M]; M = 1 kept`,
    `${'<any>:...,filter=range,lo=L,hi=H'.padEnd(width)}  OpenRLHF dynamic filtering: weights times 1[L < K/M < H]; default (0, 1); M >= 2`,
  );
  return lines.join('\n');
}

import { schemeCatalogue } from './catalogue.ts';

/**
 * The scheme catalogue (MATH.md §3 and §7) as help text: one line per scheme, its usage then its
 * summary, followed by the `filter=dapo` modifier that every scheme accepts.
 */
export function schemeCatalogueHelp(): string {
  const width = Math.max(...schemeCatalogue.map((k) => k.usage.length));
  const lines = schemeCatalogue.map((k) => `${k.usage.padEnd(width)}  ${k.summary}`);
  lines.push(
    `${'<any>:...,filter=dapo'.padEnd(width)}  DAPO dynamic sampling: weights times 1[0 < K < M]`,
  );
  return lines.join('\n');
}

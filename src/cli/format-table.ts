/**
 * Formats rows as an aligned plain-text table for the CLI's human-readable output: numbers with
 * 12 significant digits (the JSON output carries every digit), columns right-aligned.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (number | string)[])[],
): string {
  const cells = [header, ...rows.map((row) => row.map(formatCell))];
  const widths = header.map((_, j) => Math.max(...cells.map((row) => row[j]!.length)));
  return `${cells.map((row) => row.map((cell, j) => cell.padStart(widths[j]!)).join('  ')).join('\n')}\n`;
}

function formatCell(value: number | string): string {
  return typeof value === 'number' ? String(Number(value.toPrecision(12))) : value;
}

// File-size metrics of the library (CONTRIBUTING.md, "One concept per file"):
// `node --import tsx scripts/source-metrics.ts [ROOT]` prints, for the non-test .ts files of
// ROOT/src (default: this repository), their number, the median line count, the share under 15
// lines, and the files under 15 lines, each with its count.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from 'simple-statistics';

/** Below this many lines a file is a crumb unless it is a small public API file. */
export const SMALL_FILE_LINES = 15;

/** The size metrics of a set of source files. */
export interface SourceMetrics {
  readonly files: number;
  readonly medianLines: number;
  /** Fraction of the files with fewer than {@link SMALL_FILE_LINES} lines. */
  readonly smallShare: number;
  /** The files under {@link SMALL_FILE_LINES} lines, smallest first, with their line counts. */
  readonly small: readonly { readonly path: string; readonly lines: number }[];
}

function* sourceFiles(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* sourceFiles(root, path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) yield path;
  }
}

/** Lines as `wc -l` counts them: newline characters. */
function lineCount(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The size metrics of the non-test `.ts` files under `root/src`. */
export function sourceMetrics(root: string): SourceMetrics {
  const sizes = [...sourceFiles(root, 'src')].map((path) => ({
    path,
    lines: lineCount(readFileSync(join(root, path), 'utf8')),
  }));
  const small = sizes
    .filter((f) => f.lines < SMALL_FILE_LINES)
    .sort((x, y) => x.lines - y.lines || x.path.localeCompare(y.path));
  return {
    files: sizes.length,
    medianLines: median(sizes.map((f) => f.lines)),
    smallShare: small.length / sizes.length,
    small,
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const m = sourceMetrics(root);
  const percent = (100 * m.smallShare).toFixed(1);
  const lines = [
    `non-test files in src/: ${m.files}`,
    `median lines: ${m.medianLines}`,
    `under ${SMALL_FILE_LINES} lines: ${m.small.length} (${percent} %)`,
    ...m.small.map((f) => `  ${String(f.lines).padStart(3)}  ${f.path}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

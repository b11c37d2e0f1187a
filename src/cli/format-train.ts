import type { TrainResult } from '../dynamics/index.ts';
import { largest } from '../math/index.ts';
import { significant } from './output.ts';

/**
 * A training run as `rl-objective train` prints it: the run, one row per scheme with its values
 * at the last step (4 significant digits) and its path check, then the summary line and where
 * the report is, if one was written.
 */
export function trainText(r: TrainResult, summary: string, report: string | undefined): string {
  const fmt = (x: number) => significant(x, 4);
  const last = r.steps.length - 1;
  const header = ['scheme', 'mean p', '±SE', 'mean field', 'hardest', 'max|z|', 'agree'];
  const rows = r.schemes.map((s) => [
    s.scheme,
    fmt(s.meanP.mean[last]!),
    fmt(s.meanP.stderr[last]!),
    fmt(s.meanField.meanP[last]!),
    fmt(s.hardest.mean[last]!),
    fmt(Math.abs(s.check.z[s.check.component]!)),
    s.check.agree === null ? 'no verdict' : s.check.agree ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, j) =>
    Math.max(
      h.length,
      largest(rows, (row) => row[j]!.length),
    ),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!)))
      .join('  ');
  const c = r.config;
  return [
    `${c.corpus.spec}, M = ${c.M}, ${c.steps} steps, batch ${c.batch}, lr ${c.lr}, ${c.seeds} seeds, in ${r.seconds.toFixed(2)} s (values at step ${c.steps})`,
    line(header),
    ...rows.map(line),
    `${summary}${report === undefined ? '' : ` · report: ${report}`}`,
    '',
  ].join('\n');
}

import { relative } from 'node:path';
import type { Report } from '../report/model.ts';
import { EXIT } from './exit-codes.ts';

/**
 * Writes a battery report into `dir` (`writeReport`: agreement.json, agreement.md, index.html,
 * figures), prints its one-line summary with the path of index.html (or, with `json`, the report)
 * on stdout, and sets the exit status: 1 if some check disagrees, else 3 if some check gave no
 * verdict (`insufficient`, MATH.md §6), else 0. Shared by `verify` and
 * `merge`, which publish the same report for the same run. The renderers load on first use.
 */
export async function publishReport(report: Report, dir: string, json: boolean): Promise<void> {
  const [{ writeReport }, { summaryLine }] = await Promise.all([
    import('../report/write-report.ts'),
    import('../report/report-text.ts'),
  ]);
  const paths = await writeReport(report, dir);
  const shown = relative(process.cwd(), paths.html);
  process.stdout.write(
    json
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${summaryLine(report, shown.startsWith('..') ? paths.html : shown)}\n`,
  );
  const { disagree, insufficient = 0 } = report.summary;
  process.exitCode = disagree > 0 ? EXIT.disagree : insufficient > 0 ? EXIT.insufficient : EXIT.ok;
}

import { type Report, versions } from '../report/index.ts';
import { ksDistance } from '../stats/index.ts';
import { THEOREM_IDS } from './check.ts';
import type { BatteryResult } from './decide-battery.ts';
import { gradedFieldFigure } from './figures/graded-figures.ts';
import { learningCurvesFigure } from './figures/learning-curves.ts';
import {
  fGrpoLimitFigure,
  grpoNormalizedFigure,
  inducedObjectivesFigure,
  rejectionSamplingVsLogFigure,
  transformsFigure,
} from './figures/objective-figures.ts';
import { agreementFigure, zCalibrationFigure } from './figures/verdict-figures.ts';

/** What a report states about its run besides the rows. */
export interface BatteryReportOptions {
  /** `quick`, `default` or `full`, for the title. */
  readonly budget: string;
  readonly seed: string | number;
  readonly alpha: number;
  /** The command line that produced the report. */
  readonly command: string;
  /** Wall time of the run, in seconds. */
  readonly seconds: number;
}

/**
 * The report of a complete battery run (`verify`, or `merge` of its shards): the rows with their
 * verdicts, the summary by theorem, the Kolmogorov–Smirnov distance of the calibration
 * z-scores from N(0, 1) (docs/theory.md §6), and the figures (the paper's figures 1–3, the induced
 * objectives of the catalogue, F-GRPO against its large-M limit, agreement and calibration,
 * learning curves), all computed from the library.
 */
export function batteryReport(result: BatteryResult, options: BatteryReportOptions): Report {
  const { rows, calibrationZ } = result;
  const byTheorem: Record<string, { checks: number; agree: number }> = {};
  for (const theorem of THEOREM_IDS) {
    const mine = rows.filter((r) => r.theorem === theorem);
    if (mine.length > 0) {
      byTheorem[theorem] = { checks: mine.length, agree: mine.filter((r) => r.agree).length };
    }
  }
  const agree = rows.filter((r) => r.agree).length;
  const insufficient = rows.filter((r) => r.groupsNeeded !== undefined).length;
  const monteCarlo = rows.filter((r) => r.stderr > 0 || r.z !== null).length;
  const finiteZ = calibrationZ.filter(Number.isFinite);
  return {
    title: `rl-objective verification (${options.budget} budget)`,
    seed: options.seed,
    alpha: options.alpha,
    versions: versions(),
    command: options.command,
    checks: rows,
    figures: [
      transformsFigure(),
      rejectionSamplingVsLogFigure(),
      grpoNormalizedFigure(),
      agreementFigure(rows),
      zCalibrationFigure(calibrationZ),
      inducedObjectivesFigure(),
      fGrpoLimitFigure(),
      learningCurvesFigure(),
      gradedFieldFigure(),
    ],
    summary: {
      checks: rows.length,
      agree,
      disagree: rows.length - agree - insufficient,
      insufficient,
      monteCarlo,
      deterministic: rows.length - monteCarlo,
      byTheorem,
      ksDistance: finiteZ.length > 0 ? ksDistance(finiteZ) : null,
      seconds: options.seconds,
    },
  };
}

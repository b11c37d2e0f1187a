import type { Report } from '../../reports/model.ts';
import { DEFAULT_ALPHA, DEFAULT_BETA, ksDistance } from '../stats/index.ts';
import { battery } from './battery.ts';
import { type BudgetName, budget } from './budget.ts';
import { type Check, THEOREM_IDS } from './check.ts';
import { agreementFigure } from './figures/agreement.ts';
import { grpoNormalizedFigure } from './figures/grpo-normalized.ts';
import { inducedObjectivesFigure } from './figures/induced-objectives.ts';
import { rejectionSamplingVsLogFigure } from './figures/rejection-sampling-vs-log.ts';
import { transformsFigure } from './figures/transforms.ts';
import { zCalibrationFigure } from './figures/z-calibration.ts';
import type { BatteryProgress } from './progress-reporter.ts';
import { runBattery } from './run-battery.ts';
import { versions } from './versions.ts';

/** Options of {@link verify}; every field has the CLI's default. */
export interface VerifyOptions {
  /** `quick`, `default` or `full`. */
  readonly budget?: BudgetName;
  readonly seed?: string | number;
  readonly threads?: number;
  /** Family-wise false-fail rate of the run (default 1e-6). */
  readonly alpha?: number;
  /** False-pass rate at which resolutions are stated (default 1e-3). */
  readonly beta?: number;
  /** The command line recorded in the report. */
  readonly command?: string;
  readonly signal?: AbortSignal;
  /** Builds the progress display once the battery is known. */
  readonly progress?: (checks: readonly Check[]) => BatteryProgress;
  /** Keeps only the checks for which this returns true (tests, shards). */
  readonly select?: (check: Check) => boolean;
}

/** Default seed of `verify`. */
export const DEFAULT_SEED = 1;

/**
 * Runs the verification battery (issue 5; MATH.md §2–6) and returns the report: one row per
 * check with its verdict, Holm's split of `alpha` over the Monte Carlo checks, and the figures
 * (the paper's figures 1–3, the induced objectives of the catalogue, agreement and calibration),
 * all computed from the library. The same seed gives the same numbers whatever `threads`.
 */
export async function verify(options: VerifyOptions = {}): Promise<Report> {
  const started = performance.now();
  const chosen = budget(options.budget ?? 'default');
  const seed = options.seed ?? DEFAULT_SEED;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const checks = battery(chosen).filter(options.select ?? (() => true));
  const { rows, calibrationZ } = await runBattery(checks, {
    seed,
    alpha,
    beta: options.beta ?? DEFAULT_BETA,
    threads: options.threads ?? 1,
    signal: options.signal,
    progress: options.progress?.(checks),
  });
  const byTheorem: Record<string, { checks: number; agree: number }> = {};
  for (const theorem of THEOREM_IDS) {
    const mine = rows.filter((r) => r.theorem === theorem);
    if (mine.length > 0) {
      byTheorem[theorem] = { checks: mine.length, agree: mine.filter((r) => r.agree).length };
    }
  }
  const agree = rows.filter((r) => r.agree).length;
  const monteCarlo = rows.filter((r) => r.stderr > 0 || r.z !== null).length;
  const finiteZ = calibrationZ.filter(Number.isFinite);
  return {
    title: `rl-objective verification (${chosen.name} budget)`,
    seed,
    alpha,
    versions: versions(),
    command: options.command ?? `rl-objective verify --${chosen.name} --seed ${seed}`,
    checks: rows,
    figures: [
      transformsFigure(),
      rejectionSamplingVsLogFigure(),
      grpoNormalizedFigure(),
      agreementFigure(rows),
      zCalibrationFigure(calibrationZ),
      inducedObjectivesFigure(),
    ],
    summary: {
      checks: rows.length,
      agree,
      disagree: rows.length - agree,
      monteCarlo,
      deterministic: rows.length - monteCarlo,
      byTheorem,
      ksDistance: finiteZ.length > 0 ? ksDistance(finiteZ) : null,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

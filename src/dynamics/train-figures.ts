import type { Figure, Point, Series } from '../report/index.ts';
import type { SeedCurve, TrainResult } from './run-train.ts';

/** The pass@1 and pass@k levels of the "steps to reach" table (docs/theory.md §8). */
export const REACH_LEVELS = { passAt1: 0.5, passAtK: 0.9 } as const;

/** Per scheme, the first recorded steps at which the curves reach the levels of the table. */
export interface StepsToReach {
  readonly scheme: string;
  /** The pass@k level's k: 8 when it is reported, else the largest k. */
  readonly k: number;
  /** Stochastic (mean over seeds) and mean field; null when the level is not reached. */
  readonly passAt1: number | null;
  readonly passAtK: number | null;
  readonly meanFieldPassAt1: number | null;
  readonly meanFieldPassAtK: number | null;
}

function firstReach(steps: readonly number[], values: readonly number[], level: number) {
  const i = values.findIndex((v) => v >= level);
  return i < 0 ? null : steps[i]!;
}

/** The "steps to reach" table: mean pass@1 = 0.5 and pass@8 = 0.9, per scheme. */
export function stepsToReach(result: TrainResult): StepsToReach[] {
  const ks = result.config.k;
  const k = ks.includes(8) ? 8 : Math.max(...ks);
  return result.schemes.map((s) => ({
    scheme: s.scheme,
    k,
    passAt1: firstReach(result.steps, s.meanP.mean, REACH_LEVELS.passAt1),
    passAtK: firstReach(result.steps, s.passAtK[String(k)]!.mean, REACH_LEVELS.passAtK),
    meanFieldPassAt1: firstReach(result.steps, s.meanField.meanP, REACH_LEVELS.passAt1),
    meanFieldPassAtK: firstReach(
      result.steps,
      s.meanField.passAtK[String(k)]!,
      REACH_LEVELS.passAtK,
    ),
  }));
}

/** A stochastic curve as a band of ±2 standard errors and its mean, plus its mean field dashed. */
export function curveSeries(
  scheme: string,
  steps: readonly number[],
  curve: SeedCurve,
  field: readonly number[],
): Series[] {
  const points = (ys: readonly number[], errors?: readonly number[]): Point[] =>
    steps.map((x, i) =>
      errors === undefined ? { x, y: ys[i]! } : { x, y: ys[i]!, yError: 2 * errors[i]! },
    );
  return [
    {
      label: `${scheme} ±2 SE`,
      group: scheme,
      params: { scheme },
      mark: 'band',
      points: points(curve.mean, curve.stderr),
    },
    { label: scheme, group: scheme, params: { scheme }, points: points(curve.mean) },
    {
      label: `${scheme} (mean field)`,
      group: scheme,
      params: { scheme, path: 'mean field' },
      dashed: true,
      points: points(field),
    },
  ];
}

/**
 * The figures of a training report (docs/theory.md §8): learning curves of the corpus mean `p` and of
 * pass@k per scheme (stochastic mean over seeds with a ±2 SE band, mean field dashed), the
 * progress of the initially hardest decile, and per scheme the mean `p` of every
 * initial-difficulty decile over the steps.
 */
export function trainFigures(result: TrainResult): Figure[] {
  const { steps } = result;
  const k = stepsToReach(result)[0]!.k;
  const x = { title: 'SGA step' };
  const note = `${result.config.corpus.spec}, M = ${result.config.M}, batch ${result.config.batch}, lr ${result.config.lr}, ${result.config.seeds} seeds; dashed: mean field`;
  // One figure per kind of curve: every scheme's stochastic curve with its mean field.
  const curves = (
    id: string,
    title: string,
    y: string,
    pick: (s: TrainResult['schemes'][number]) => [SeedCurve, readonly number[]],
  ): Figure => ({
    id,
    title,
    x,
    y: { title: y },
    note,
    series: result.schemes.flatMap((s) => curveSeries(s.scheme, steps, ...pick(s))),
  });
  const figures: Figure[] = [
    curves('learning-curves', 'Learning curves: corpus mean p (pass@1)', 'mean p', (s) => [
      s.meanP,
      s.meanField.meanP,
    ]),
    curves('pass-at-k', `Learning curves: pass@${k}`, `pass@${k}`, (s) => [
      s.passAtK[String(k)]!,
      s.meanField.passAtK[String(k)]!,
    ]),
    curves(
      'hardest-decile',
      'Progress of the initially hardest decile (mean p)',
      'mean p of the hardest decile',
      (s) => [s.hardest, s.meanField.hardest],
    ),
  ];
  for (const [i, s] of result.schemes.entries()) {
    figures.push({
      id: `difficulty-${i + 1}`,
      title: `p by initial difficulty: ${s.scheme}`,
      x,
      y: { title: 'mean p of the decile' },
      note: 'deciles of the initial p, hardest first; mean over seeds',
      series: s.deciles
        .map((curve, j) => ({ curve, j }))
        .filter(({ j }) => result.decileSizes[j]! > 0)
        .map(({ curve, j }) => ({
          label: `decile ${j + 1}`,
          params: { decile: j + 1 },
          points: steps.map((step, r) => ({ x: step, y: curve.mean[r]! })),
        })),
    });
  }
  return figures;
}

import {
  curveSeries,
  metricLayout,
  recordedSteps,
  resolveTrain,
  runTrainChunk,
  schemeMeanField,
  trainChunkCount,
} from '../../dynamics/index.ts';
import type { Figure } from '../../report/index.ts';
import { VectorMoments } from '../../stats/index.ts';
import { DYNAMICS_SCHEMES } from '../checks/dynamics-checks.ts';

/** The run the figure shows: a hard-skewed tabular corpus, every step recorded. */
const RUN = {
  schemes: DYNAMICS_SCHEMES,
  M: 8,
  corpus: 'tabular:prompts=200,alpha=0.5,beta=2',
  steps: 200,
  batch: 32,
  lr: 32,
  seeds: 16,
  record: 1,
  seed: 1,
  stream: 'verify/learning-curves',
} as const;

/**
 * Learning curves of Algorithm 1 as SGA (docs/theory.md §8) for reinforce, rs, grpo and pass@4 on a
 * hard-skewed corpus (Beta(0.5, 2) initial difficulties): the corpus mean `p` over 16 seeds
 * with a ±2 SE band, and the mean-field path from the closed-form `h_M'` dashed. All share the
 * maximizer `p = 1`; the paths differ. A fixed seed, so every report shows the same figure.
 */
export function learningCurvesFigure(): Figure {
  const config = resolveTrain(RUN);
  const layout = metricLayout(config.k);
  const steps = recordedSteps(config);
  const perScheme = trainChunkCount(config) / config.schemes.length;
  return {
    id: 'learning-curves',
    title: 'Learning curves of Algorithm 1 as SGA: corpus mean p',
    x: { title: 'SGA step' },
    y: { title: 'mean p (pass@1)' },
    note: `${RUN.corpus}, M = ${RUN.M}, batch ${RUN.batch}, lr ${RUN.lr}, ${RUN.seeds} seeds (band ±2 SE); dashed: mean field`,
    series: config.schemes.flatMap((scheme, i) => {
      const curves = new VectorMoments(steps.length * layout.size);
      for (let c = i * perScheme; c < (i + 1) * perScheme; c++) {
        curves.merge(VectorMoments.fromJSON(runTrainChunk(config, c).curves));
      }
      const se = curves.stderr();
      const at = (values: ArrayLike<number>) => steps.map((_, r) => values[r * layout.size]!);
      const field = schemeMeanField(config, i, false).curves;
      return curveSeries(scheme, steps, { mean: at(curves.mean), stderr: at(se) }, at(field));
    }),
  };
}

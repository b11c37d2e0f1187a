import {
  driftProjections,
  resolveTrain,
  runTrainChunk,
  schemeMeanField,
  type TrainConfig,
  trainChunkCount,
  trainSetup,
} from '../../dynamics/index.ts';
import { firstStepThreshold, normalApproximation, VectorMoments } from '../../stats/index.ts';
import type { Budget } from '../budget.ts';
import { finish, type MonteCarloCheck, type MonteCarloOutcome } from '../check.ts';

/** One `dynamics` check before sizing: a scheme on a corpus, trained for a few steps. */
export interface DynamicsCheckSpec {
  readonly scheme: string;
  readonly M: number;
  readonly corpus: string;
  readonly steps: number;
  readonly batch: number;
  readonly lr: number;
  /** A count-form table to build the closed form from instead of the scheme's (mutants). */
  readonly closedForm?: readonly number[];
}

/** Seed of the battery's shared corpora: fixed, so that a check's law does not depend on the run seed. */
const CORPUS_SEED = 'verify';
/** Seeds a check starts from before sizing; the precondition raises them. */
const START_SEEDS = 2;

/**
 * The schemes whose paths the battery compares (docs/theory.md §8): every budget trains them on the
 * corpora below, and the learning-curve figure shows them.
 */
export const DYNAMICS_SCHEMES: readonly string[] = ['reinforce', 'rs', 'grpo', 'passk:k=4'];
/**
 * The corpora: a small tabular one of moderately hard prompts (Beta(2, 4), mean initial p = 1/3),
 * with enough visits per prompt that even its hardest and easiest prompts' drifts are nearly
 * normal at a few thousand seeds, and a hard-skewed shared one.
 */
const CORPORA: readonly { corpus: string; lr: number }[] = [
  { corpus: 'tabular:prompts=10,alpha=2,beta=4', lr: 8 },
  { corpus: 'shared:prompts=32,dim=3,alpha=0.5,beta=2', lr: 0.5 },
];

/**
 * The `dynamics` checks of a budget (docs/theory.md §8): every scheme of {@link DYNAMICS_SCHEMES} on a
 * tabular and a shared corpus at M = 8, for a few SGA steps (more in larger budgets; the default
 * adds rloo, `--full` grpo with sample std and M = 16); `--quick` runs each scheme on one corpus,
 * alternating, so that it covers both.
 */
export function dynamicsCheckSpecs(budget: Budget): DynamicsCheckSpec[] {
  const { steps, batch, sizes, extra } = {
    quick: { steps: 10, batch: 8, sizes: [8], extra: [] as string[] },
    default: { steps: 20, batch: 8, sizes: [8], extra: ['rloo'] },
    full: { steps: 80, batch: 16, sizes: [8, 16], extra: ['rloo', 'grpo:std=sample'] },
  }[budget.name];
  const all = sizes.flatMap((M) =>
    CORPORA.flatMap(({ corpus, lr }) =>
      [...DYNAMICS_SCHEMES, ...extra].map((scheme) => ({ scheme, M, corpus, steps, batch, lr })),
    ),
  );
  // `--quick` covers every scheme and both corpora once: scheme i on corpus i mod 2.
  return budget.name === 'quick'
    ? DYNAMICS_SCHEMES.map(
        (scheme, i) => all.find((s) => s.scheme === scheme && s.corpus === CORPORA[i % 2]!.corpus)!,
      )
    : all;
}

/**
 * A `dynamics` check (docs/theory.md §8, "the check along the path"): the martingale sum
 * `D_T = sum_t (Delta theta_t - lr grad J(theta_t))` of a stochastic path has mean 0 exactly, so
 * the mean of its fixed projections (`driftProjections`) over independent seeds is compared with
 * 0. The seeds are sized for a run of `m` Monte Carlo checks at family-wise `alpha`: the fewest
 * at which the normal approximation holds at Holm's first step (`normalApproximation` on the
 * law of each projection along the mean-field path). The paths run in this thread
 * (`evaluate`): each seed draws from `(run seed, check id, scheme, 'seed', r)`.
 */
export function dynamicsCheck(spec: DynamicsCheckSpec, alpha: number, m: number): MonteCarloCheck {
  const kind = spec.corpus.split(':')[0];
  const id = `dynamics/${spec.scheme}/M=${spec.M}/${kind}${spec.closedForm ? '/mutant' : ''}`;
  const configAt = (seeds: number, seed: string | number = 0): TrainConfig =>
    resolveTrain({
      schemes: [spec.scheme],
      M: spec.M,
      corpus: spec.corpus,
      steps: spec.steps,
      batch: spec.batch,
      lr: spec.lr,
      seeds,
      record: spec.steps,
      seed,
      corpusSeed: CORPUS_SEED,
      stream: id,
      closedForm: spec.closedForm ? [spec.closedForm] : null,
    });
  const start = configAt(START_SEEDS);
  const components = driftProjections(trainSetup(start).corpus).names.length;
  const law = schemeMeanField(start, 0, true).law!;
  const precondition = (seeds: number, threshold: number) => {
    let groupsNeeded = seeds;
    let skewness = 0;
    for (let j = 0; j < components; j++) {
      const part = { weight: 1, mean: 0, variance: law.variance[j]!, third: law.third[j]! };
      const result = normalApproximation({ parts: [part], floor: 0 }, seeds, threshold);
      groupsNeeded = Math.max(groupsNeeded, result.groupsNeeded);
      skewness = Math.max(skewness, result.skewness);
    }
    return { ok: groupsNeeded === seeds, groupsNeeded, skewness };
  };
  const seeds = precondition(START_SEEDS, firstStepThreshold(alpha, m, components)).groupsNeeded;
  const config = configAt(seeds);
  return {
    kind: 'monte-carlo',
    id,
    theorem: 'dynamics',
    scheme: config.schemes[0]!,
    M: spec.M,
    policy: `${spec.corpus}, ${spec.steps} steps, batch ${spec.batch}, lr ${spec.lr}`,
    detail: `mean over seeds of the projections of D_T = Σ_t (Δθ_t − lr ∇J(θ_t)) against 0 (${driftProjections(trainSetup(start).corpus).names.join(', ')})`,
    groups: seeds,
    components,
    precondition: (threshold) => precondition(seeds, threshold),
    simulations: [],
    outcome() {
      throw new Error(`check '${id}' simulates in this thread: call evaluate(seed)`);
    },
    evaluate: (seed) => finish(evaluateInParts(seed)),
    evaluateInParts,
  };

  /** The paths' chunks one part at a time, merged in chunk order. */
  function* evaluateInParts(seed: string | number): Generator<undefined, MonteCarloOutcome> {
    const run = configAt(seeds, seed);
    const drift = new VectorMoments(components);
    for (let c = 0; c < trainChunkCount(run); c++) {
      if (c > 0) yield;
      drift.merge(VectorMoments.fromJSON(runTrainChunk(run, c).drift));
    }
    return {
      estimate: Array.from(drift.mean),
      stderr: Array.from(drift.stderr()),
      closedForm: new Array(components).fill(0),
      groups: seeds,
    };
  }
}

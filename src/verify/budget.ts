import { BUDGET_NAMES, type BudgetName } from '../defaults/index.ts';
import { InputError } from '../errors/index.ts';

/** How much work a battery run spends. */
export interface Budget {
  readonly name: BudgetName;
  /**
   * Work per Monte Carlo check of Algorithm 1, in responses plus gradient entries:
   * `groups = work / (M + dim)`, so that a check costs about the same whatever M and the policy.
   */
  readonly work: number;
  /** Group sizes for the `weighted-gradient` sweep over schemes and policies. */
  readonly groupSizes: readonly number[];
  /** Whether every policy kind is crossed with every scheme and M, or a covering subset. */
  readonly crossPolicies: boolean;
  /** Estimates drawn per pure-rejection-sampling check. */
  readonly pureRsEstimates: number;
  /**
   * Increasing group sizes along which the deterministic convergence checks run (docs/theory.md §3):
   * fixed-M rejection sampling against `log`, GRPO against `arcsin`, and the Bernstein designs
   * against their singular targets.
   */
  readonly ladders: {
    readonly rejectionSamplingLog: readonly number[];
    readonly grpoArcsin: readonly number[];
    readonly design: readonly number[];
  };
}

/** The group sizes of the paper's figures 2 and 3 (docs/theory.md §3), where every ladder starts. */
export const PAPER_GROUP_SIZES: readonly number[] = [2, 16, 256];

const BUDGETS: Readonly<Record<BudgetName, Budget>> = {
  quick: {
    name: 'quick',
    work: 1e7,
    groupSizes: [2, 8],
    crossPolicies: false,
    pureRsEstimates: 2e5,
    ladders: {
      rejectionSamplingLog: PAPER_GROUP_SIZES,
      grpoArcsin: [4, 16, 64, 256],
      design: [8, 32, 128],
    },
  },
  default: {
    name: 'default',
    work: 5.2e7,
    groupSizes: [1, 2, 8, 64],
    crossPolicies: true,
    pureRsEstimates: 2.6e6,
    ladders: {
      rejectionSamplingLog: PAPER_GROUP_SIZES,
      grpoArcsin: [4, 16, 64, 256],
      design: [8, 32, 128, 512],
    },
  },
  full: {
    name: 'full',
    work: 4e8,
    groupSizes: [1, 2, 4, 8, 16, 64, 256],
    crossPolicies: true,
    pureRsEstimates: 4e7,
    ladders: {
      rejectionSamplingLog: [...PAPER_GROUP_SIZES, 4096],
      grpoArcsin: [4, 16, 64, 256, 1024],
      design: [8, 32, 128, 512],
    },
  },
};

/** The budget called `name`, one of {@link BUDGET_NAMES}: `quick` (≤ 60 s), `default` (≤ 5 min), `full`. */
export function budget(name: string): Budget {
  if (!Object.hasOwn(BUDGETS, name)) {
    throw new InputError(`budget must be one of ${BUDGET_NAMES.join(', ')}; got '${name}'`);
  }
  return BUDGETS[name as BudgetName];
}

import { InputError } from '../errors/input-error.ts';

/** The three budgets of `verify`, from the issue: `quick` (≤ 60 s), `default` (≤ 5 min), `full`. */
export type BudgetName = 'quick' | 'default' | 'full';

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
}

const BUDGETS: Readonly<Record<BudgetName, Budget>> = {
  quick: {
    name: 'quick',
    work: 1e7,
    groupSizes: [2, 8],
    crossPolicies: false,
    pureRsEstimates: 2e5,
  },
  default: {
    name: 'default',
    work: 4e7,
    groupSizes: [1, 2, 8, 64],
    crossPolicies: true,
    pureRsEstimates: 2e6,
  },
  full: {
    name: 'full',
    work: 4e8,
    groupSizes: [1, 2, 4, 8, 16, 64, 256],
    crossPolicies: true,
    pureRsEstimates: 4e7,
  },
};

/** The budget called `name` (`quick`, `default` or `full`). */
export function budget(name: string): Budget {
  if (!Object.hasOwn(BUDGETS, name)) {
    throw new InputError(`budget must be one of quick, default, full; got '${name}'`);
  }
  return BUDGETS[name as BudgetName];
}

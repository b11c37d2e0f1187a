// The defaults and allowed names of the library's entry points (`verify`, `simulate`, `train`,
// `audit`, `objective`, `design`), written once. The library fills in a missing option from here
// and the CLI shows the same value in its `--help`; this module imports nothing, so the CLI can
// read it before it loads any command's library.

/** Default family-wise false-fail rate of one run, split by Holm (docs/theory.md §6). */
export const DEFAULT_ALPHA = 1e-6;

/** Default false-pass rate at which a run states its resolution (docs/theory.md §6). */
export const DEFAULT_BETA = 1e-3;

/** The budgets of `verify`, smallest first: `quick` (about a minute), `default`, `full`. */
export const BUDGET_NAMES = ['quick', 'default', 'full'] as const;

/** One of {@link BUDGET_NAMES}. */
export type BudgetName = (typeof BUDGET_NAMES)[number];

/** The estimators a simulation can run (docs/theory.md §1 and §4). */
export const ESTIMATORS = ['algorithm1', 'pure-rs'] as const;

/** One of {@link ESTIMATORS}. */
export type Estimator = (typeof ESTIMATORS)[number];

/** What an audited Python function receives: a list of floats, a numpy array or a torch tensor. */
export const PYTHON_ARRAYS = ['list', 'numpy', 'torch'] as const;

/** One of {@link PYTHON_ARRAYS}. */
export type PythonArray = (typeof PYTHON_ARRAYS)[number];

/** Defaults of `verify` (docs/verify.md). */
export const VERIFY_DEFAULTS = {
  budget: 'default',
  seed: 1,
  alpha: DEFAULT_ALPHA,
  beta: DEFAULT_BETA,
  /** Worker threads of a library call; the CLI uses every core. */
  threads: 1,
  /** The report directory of the CLI (`--out`). */
  out: 'reports/out',
} as const satisfies { budget: BudgetName } & Record<string, unknown>;

/** Defaults of `simulate` (docs/simulate.md). */
export const SIMULATE_DEFAULTS = {
  estimator: 'algorithm1',
  seed: 0,
  threads: 1,
  alpha: DEFAULT_ALPHA,
  beta: DEFAULT_BETA,
  /** Per-group draw cap of pure rejection sampling. */
  maxDraws: 1e8,
} as const satisfies { estimator: Estimator } & Record<string, unknown>;

/** Defaults of `train` (docs/train.md). */
export const TRAIN_DEFAULTS = {
  M: 8,
  steps: 1000,
  batch: 64,
  seeds: 8,
  /** pass@k levels reported. */
  k: [1, 8],
  seed: 0,
  threads: 1,
  alpha: DEFAULT_ALPHA,
  beta: DEFAULT_BETA,
} as const;

/** Defaults of `audit` (docs/audit.md). */
export const AUDIT_DEFAULTS = {
  /** Random arrangements of every count K when M is too large to try every reward pattern. */
  samples: 64,
  /** Seed of those arrangements. */
  seed: 0,
  /** Relative tolerance of the count-form check. */
  relTol: 1e-9,
  /** Points t = 0..1 at which the induced objective is shown. */
  grid: 101,
  /** Largest distance to the expected objective that still meets the expectation. */
  expectTol: 0.05,
  /** Seconds one call of an audited module or Python function may take. */
  timeout: 60,
} as const;

/** Defaults of `design` (docs/objective.md, "Distances"). */
export const DESIGN_DEFAULTS = {
  /** Points t = 0..1 on which the designed objective's distance to its target is taken. */
  grid: 101,
} as const;

/** Defaults of `objective` (docs/objective.md). */
export const OBJECTIVE_DEFAULTS = {
  /** Points t = 0..1 when none are given. */
  grid: 11,
  /** Points t = 0..1 of a large-M study when none are given. */
  limitGrid: 101,
} as const;

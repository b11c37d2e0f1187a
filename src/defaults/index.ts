// Public API of src/defaults: the defaults and allowed names of every entry point's options.
export {
  AUDIT_DEFAULTS,
  BUDGET_NAMES,
  type BudgetName,
  DEFAULT_ALPHA,
  DEFAULT_BETA,
  DESIGN_DEFAULTS,
  ESTIMATORS,
  type Estimator,
  OBJECTIVE_DEFAULTS,
  PYTHON_ARRAYS,
  type PythonArray,
  SIMULATE_DEFAULTS,
  TRAIN_DEFAULTS,
  VERIFY_DEFAULTS,
} from './defaults.ts';

// Public API of src/targets: the named objectives h of docs/theory.md §3 and §9 (by spec), the
// incomplete-beta family, formula targets and targets given as functions.
export { betaSpec, incompleteBeta, incompleteBetaDensity } from './beta-family.ts';
export { FORMULA_FUNCTIONS, FORMULA_KINDS } from './formula-target.ts';
export {
  functionTarget,
  TARGET_NAMES,
  type Target,
  type TargetFunctions,
  target,
} from './targets.ts';

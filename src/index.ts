/**
 * rl-objective: the public TypeScript API. Everything the CLI does is a typed function here first.
 * Each concept folder owns its barrel; this file only gathers them.
 */

export * from './audit/index.ts';
export * from './checkpoint/index.ts';
export * from './dynamics/index.ts';
export { InputError } from './errors/input-error.ts';
export * from './estimators/index.ts';
export * from './math/index.ts';
export * from './objective/index.ts';
export * from './policies/index.ts';
export type * from './report/model.ts';
export * from './rewards/index.ts';
export * from './rng/index.ts';
export * from './schemes/index.ts';
export * from './stats/index.ts';
export { betaSpec, incompleteBeta, incompleteBetaDensity } from './targets/beta-family.ts';
export { FORMULA_FUNCTIONS, requireTargetOn } from './targets/formula-target.ts';
export { functionTarget, type Target, type TargetFunctions, target } from './targets/targets.ts';
export * from './verify/index.ts';

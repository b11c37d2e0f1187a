// Public API of src/graded: the update field of a scheme on reward classes, its closedness
// verdict and potential (docs/theory.md §10).
export { type FieldPoint, type GradedField, gradedField } from './graded-field.ts';
export {
  fieldVerdict,
  type GradedObjective,
  type GradedObjectiveOptions,
  type GradedPoint,
  gradedObjective,
  MAX_GRID_POINTS,
} from './graded-objective.ts';
export {
  type GradedPotential,
  type PotentialPoint,
  recognisePotential,
  type SeparablePart,
} from './potential-form.ts';

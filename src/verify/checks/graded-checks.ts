import { type GradedObjective, gradedField, gradedObjective } from '../../graded/index.ts';
import { h, hPrime } from '../../objective/index.ts';
import { levelClasses, rewardClasses } from '../../rewards/index.ts';
import { gradedScheme, scheme } from '../../schemes/index.ts';
import { type DeterministicCheck, worstOver } from '../check.ts';
import { GRADED_REFERENCES, type GradedReferences, type Study } from './graded-references.ts';

/** Relative agreement asked of every value of docs/theory.md §10 (the library is within ulps). */
const RELATIVE = 1e-10;

/** `normalize_then_sum`: `J` against the sum of the binary `h_M(P_k)`, absolute. */
const SEPARABLE_TOL = 1e-12;

/** The binary schemes whose field on levels `0, 1` must be their `h_M'` (docs/theory.md §10 and §2). */
const BINARY_SPECS = ['rloo', 'dr-grpo', 'grpo', 'trl-grpo'];

const BINARY_TS = [0, 0.05, 0.3, 0.5, 0.77, 1];

/**
 * `graded` (docs/theory.md §10): every result of §10 against 50-digit mpmath references
 * (`GRADED_REFERENCES`, exact multinomial enumeration and the derivative identity), for levels
 * (0, 1/2, 1) at M = 8 (reinforce, rloo, Dr. GRPO, GRPO, mean-scaled) and two reward functions
 * at M = 6 (TRL's two aggregations, Dr. GRPO on the sum):
 *
 * - at each point of §10: `W` and the derivatives `d_k D_j` (one row, the worst entry), `kappa`
 *   (three levels) or the largest antisymmetric entry, and `J` where closed, to 1e-10 relative
 *   (`max(1, |reference|)`);
 * - per scheme: the `closed` verdict of `gradedObjective` (0 or 1, exactly), and the
 *   circulation around the loop (its reference where not closed; within its rounding bound
 *   where closed);
 * - `normalize_then_sum`: `J = h_M(P_1) + h_M(P_2)` with the binary `h_M` of TRL's
 *   normalization from the binary machinery, to 1e-12;
 * - two classes at levels 0, 1: `W_1 - W_0 = h_M'` of the binary scheme at M = 8 (the case
 *   `C = 2` of §10 is §2), within `16 M` ulps of `max |c|`.
 *
 * Deterministic and the same in every budget: the whole family costs under a second.
 *
 * @param references the references to compare with; tests pass wrong ones to see the checks fail
 */
export function gradedChecks(
  references: GradedReferences = GRADED_REFERENCES,
): DeterministicCheck[] {
  return [
    ...studyChecks('levels', references.levels),
    ...studyChecks('functions', references.functions),
    ...binaryChecks(),
  ];
}

function studyChecks(label: string, study: Study): DeterministicCheck[] {
  const classes = rewardClasses(study.classes)!;
  return study.schemes.flatMap((reference) => {
    const { spec } = reference;
    const qs = reference.points.map((p) => [...p.q]);
    let report: GradedObjective | undefined;
    const run = (): GradedObjective => {
      report ??= gradedObjective({ scheme: spec, M: study.M, ...study.classes, q: qs });
      return report;
    };
    let field: ReturnType<typeof gradedField> | undefined;
    const fieldOf = () => {
      field ??= gradedField(gradedScheme(spec, classes, study.M));
      return field;
    };
    const base = {
      kind: 'deterministic' as const,
      theorem: 'graded' as const,
      scheme: spec,
      M: study.M,
      policy: 'none',
    };
    const id = `graded/${classes.spec}/${spec}`;
    const checks: DeterministicCheck[] = reference.points.flatMap((p, i) => {
      const at = () => fieldOf().at(p.q);
      const scale = (xs: readonly number[]) => RELATIVE * Math.max(1, ...xs.map(Math.abs));
      const pointChecks: DeterministicCheck[] = [
        {
          ...base,
          id: `${id}/q=${p.q.join(',')}/field`,
          detail: `W_j and d_k D_j at q = (${p.q.join(', ')}) against mpmath (worst entry)`,
          tolerance: scale([...p.W, ...p.dD.flat()]),
          evaluate: () => {
            const point = at();
            const pairs = [
              ...point.W.map((w, j) => [w, p.W[j]!] as const),
              ...point.dD.flat().map((d, j) => [d, p.dD.flat()[j]!] as const),
            ];
            return worstOver(pairs, ([estimate, closedForm]) => ({ estimate, closedForm }));
          },
        },
        p.kappa === undefined
          ? {
              ...base,
              id: `${id}/q=${p.q.join(',')}/curl`,
              detail: `largest antisymmetric entry of d_k D_j at q = (${p.q.join(', ')})`,
              tolerance: scale([p.curl]),
              evaluate: () => ({ closedForm: p.curl, estimate: at().curl }),
            }
          : {
              ...base,
              id: `${id}/q=${p.q.join(',')}/kappa`,
              detail: `kappa = d_1 D_2 - d_2 D_1 at q = (${p.q.join(', ')})`,
              tolerance: scale([p.kappa]),
              evaluate: () => ({ closedForm: p.kappa!, estimate: at().kappa! }),
            },
      ];
      if (p.J !== undefined) {
        pointChecks.push({
          ...base,
          id: `${id}/q=${p.q.join(',')}/J`,
          detail: `the potential J_M at q = (${p.q.join(', ')}), J_M(e_0) = 0`,
          tolerance: scale([p.J]),
          evaluate: () => ({ closedForm: p.J!, estimate: run().points[i]!.J! }),
        });
      }
      if (p.hSum !== undefined) {
        pointChecks.push({
          ...base,
          id: `${id}/q=${p.q.join(',')}/binary-h`,
          detail: 'J_M = h_M(P_1) + h_M(P_2), h_M of binary trl-grpo, P_k the marginals',
          tolerance: SEPARABLE_TOL,
          evaluate: () => {
            const c = scheme('trl-grpo', study.M).c;
            const P = [0, 1].map((k) =>
              p.q.reduce((sum, x, j) => sum + (classes.vectors[j]![k] === 1 ? x : 0), 0),
            );
            return { closedForm: h(c, P[0]!) + h(c, P[1]!), estimate: run().points[i]!.J! };
          },
        });
      }
      return pointChecks;
    });
    checks.push({
      ...base,
      id: `${id}/closed`,
      detail: `closed is ${reference.closed} (docs/theory.md §10): 1 for closed, 0 for not`,
      tolerance: 0,
      evaluate: () => ({ closedForm: reference.closed ? 1 : 0, estimate: run().closed ? 1 : 0 }),
    });
    checks.push(
      reference.closed
        ? {
            ...base,
            id: `${id}/circulation`,
            detail: 'circulation around the loop of a closed form: within its rounding bound',
            relation: 'at-most',
            tolerance: 0,
            evaluate: () => ({
              closedForm: run().circulationTolerance,
              estimate: Math.abs(run().circulation),
            }),
          }
        : {
            ...base,
            id: `${id}/circulation`,
            detail: `circulation around the loop ${label === 'levels' ? '' : '(classes 0, 1, C-1) '}against mpmath`,
            tolerance: RELATIVE * Math.max(1, Math.abs(reference.circulation)),
            evaluate: () => ({ closedForm: reference.circulation, estimate: run().circulation }),
          },
    );
    return checks;
  });
}

function binaryChecks(): DeterministicCheck[] {
  const M = 8;
  return BINARY_SPECS.map((spec) => {
    const binary = scheme(spec, M);
    return {
      kind: 'deterministic' as const,
      theorem: 'graded' as const,
      scheme: binary.spec,
      M,
      policy: 'none',
      id: `graded/levels=0,1/${binary.spec}/binary`,
      detail: "two classes at levels 0, 1: max over 6 t of |W_1 - W_0 - h_M'(t)|",
      tolerance: 16 * M * Number.EPSILON * Math.max(...binary.c.map(Math.abs)),
      evaluate: () => {
        const field = gradedField(gradedScheme(spec, levelClasses([0, 1]), M));
        return worstOver(BINARY_TS, (t) => {
          const W = field.W([1 - t, t]);
          return { closedForm: hPrime(binary.c, t), estimate: W[1]! - W[0]! };
        });
      },
    };
  });
}

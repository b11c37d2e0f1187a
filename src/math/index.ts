// Public API of src/math: Bernstein polynomials, the binomial and multinomial laws (with the
// compositions they live on), Gauss–Legendre quadrature and the special functions of
// docs/theory.md §2–3 and §10.
export {
  bernsteinBasis,
  bernsteinBasisInto,
  bernsteinPolynomial,
  monomialInBernstein,
} from './bernstein.ts';
export { binomialPmf, binomialPmfUnchecked } from './binomial-pmf.ts';
export {
  type Compositions,
  compositionCount,
  compositions,
  MAX_COMPOSITIONS,
} from './compositions.ts';
export { largest, maxAbs, smallest } from './extremes.ts';
export { gaussLegendre, gaussLegendreIntegral } from './gauss-legendre.ts';
export { grid } from './grid.ts';
export { betainc, betaln, betaQuantile, binomcoefln } from './lazy-stdlib.ts';
export { type Antiderivative, logitAntiderivative } from './logit-antiderivative.ts';
export { MultinomialLaw } from './multinomial.ts';
export { harmonic, regularizedIncompleteBeta } from './special-functions.ts';

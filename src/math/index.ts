// Public API of src/math: Bernstein polynomials, the binomial and multinomial laws (with the
// compositions they live on), Gauss–Legendre quadrature and the special functions of
// docs/theory.md §2–3 and §10.
export { bernsteinBasis, bernsteinPolynomial, monomialInBernstein } from './bernstein.ts';
export { binomialPmf } from './binomial-pmf.ts';
export {
  type Compositions,
  compositionCount,
  compositions,
  MAX_COMPOSITIONS,
} from './compositions.ts';
export { gaussLegendre, gaussLegendreIntegral } from './gauss-legendre.ts';
export { MultinomialLaw } from './multinomial.ts';
export { harmonic, regularizedIncompleteBeta } from './special-functions.ts';

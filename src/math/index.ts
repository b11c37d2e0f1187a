// Public API of src/math: Bernstein polynomials, the binomial law, Gauss–Legendre quadrature and
// the special functions of docs/theory.md §2–3.
export { bernsteinBasis, bernsteinPolynomial, monomialInBernstein } from './bernstein.ts';
export { binomialPmf } from './binomial-pmf.ts';
export { gaussLegendre, gaussLegendreIntegral } from './gauss-legendre.ts';
export { harmonic, regularizedIncompleteBeta } from './special-functions.ts';

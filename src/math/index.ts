// Public API of src/math: re-export each public function from its own file.
export { bernsteinBasis } from './bernstein-basis.ts';
export { bernsteinPolynomial } from './bernstein-polynomial.ts';
export { binomialPmf } from './binomial-pmf.ts';
export { gaussLegendre, gaussLegendreIntegral } from './gauss-legendre.ts';
export { harmonic } from './harmonic.ts';
export { monomialInBernstein } from './monomial-in-bernstein.ts';
export { regularizedIncompleteBeta } from './regularized-incomplete-beta.ts';

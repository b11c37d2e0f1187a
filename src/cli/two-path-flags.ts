import { InputError, parseNumber, quote } from '../errors/index.ts';
import type { LogitMove } from '../estimators/index.ts';

/**
 * The two logit moves of `simulate --two-path Y1:D1,Y2:D2` (docs/theory.md §10, the two-path
 * test): answer `Y1`'s logit moves by `D1` and answer `Y2`'s by `D2`, in both orders. Each error
 * names the flag; the library checks the answers against the policy.
 */
export function twoPathFlag(text: string): [LogitMove, LogitMove] {
  const parts = text.split(',');
  if (parts.length !== 2) {
    throw new InputError(
      `--two-path needs two moves Y1:D1,Y2:D2 (answer:logit change), got ${quote(text)}`,
    );
  }
  return parts.map((part) => {
    const [answer, delta, ...rest] = part.split(':');
    if (delta === undefined || rest.length > 0) {
      throw new InputError(`--two-path: a move is ANSWER:DELTA, e.g. 1:0.5, got ${quote(part)}`);
    }
    return {
      answer: parseNumber('--two-path answer', answer!),
      delta: parseNumber('--two-path delta', delta),
    };
  }) as [LogitMove, LogitMove];
}

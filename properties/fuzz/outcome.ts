import { InputError } from '../../src/errors/input-error.ts';

/**
 * JavaScript's line terminators (ECMA-262 LineTerminator) and every other control character
 * (a tab, ESC, C1 NEL, ...): an InputError message has none, so it prints as one line.
 */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;

/**
 * The fuzz contract: calling a parser or reader either returns, or throws an
 * {@link InputError} whose message is one non-empty line. Any other exception type (TypeError,
 * RangeError, a zod error, ...) or a multi-line message fails with a description of what was
 * thrown. Returns the value on success, `undefined` after a clean InputError.
 */
export function expectClean<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch (error) {
    checkThrown(error);
    return undefined;
  }
}

/** {@link expectClean} for an async call. */
export async function expectCleanAsync<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    checkThrown(error);
    return undefined;
  }
}

function checkThrown(error: unknown): void {
  if (!(error instanceof InputError)) {
    const what =
      error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
    throw new Error(`expected an InputError, got ${what.slice(0, 300)}`);
  }
  if (error.message.trim() === '') throw new Error('InputError with an empty message');
  if (NOT_ONE_LINE.test(error.message)) {
    throw new Error(
      `InputError message is not one line: ${JSON.stringify(error.message.slice(0, 300))}`,
    );
  }
}

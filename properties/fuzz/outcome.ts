import { InputError } from '../../src/errors/input-error.ts';

/** JavaScript's line terminators (ECMA-262 LineTerminator); an InputError message has none. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The fuzz contract (issue 7): calling a parser or reader either returns, or throws an
 * {@link InputError} whose message is one non-empty line. Any other exception type (TypeError,
 * RangeError, a zod error, ...) or a multi-line message fails with a description of what was
 * thrown. Returns the value on success, `undefined` after a clean InputError.
 */
export function expectClean<T>(call: () => T, oneLine = true): T | undefined {
  try {
    return call();
  } catch (error) {
    checkThrown(error, oneLine);
    return undefined;
  }
}

/** {@link expectClean} for an async call. */
export async function expectCleanAsync<T>(
  call: () => Promise<T>,
  oneLine = true,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    checkThrown(error, oneLine);
    return undefined;
  }
}

/** Whether `text` contains a JavaScript line terminator. */
export function hasLineBreak(text: string): boolean {
  return LINE_BREAK.test(text);
}

function checkThrown(error: unknown, oneLine: boolean): void {
  if (!(error instanceof InputError)) {
    const what =
      error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
    throw new Error(`expected an InputError, got ${what.slice(0, 300)}`);
  }
  if (error.message.trim() === '') throw new Error('InputError with an empty message');
  if (oneLine && LINE_BREAK.test(error.message)) {
    throw new Error(
      `InputError message is not one line: ${JSON.stringify(error.message.slice(0, 300))}`,
    );
  }
}

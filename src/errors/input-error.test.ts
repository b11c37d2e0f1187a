import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.ts';

describe('InputError', () => {
  it('keeps a one-line message as it is', () => {
    expect(new InputError("unknown scheme 'nope'").message).toBe("unknown scheme 'nope'");
  });

  it('escapes line breaks of text it does not control, such as a parser excerpt', () => {
    const error = new InputError(
      'malformed JSON (Unexpected token \'e\', "\ne" is not valid JSON)',
    );
    expect(error.message).toBe('malformed JSON (Unexpected token \'e\', "\\ne" is not valid JSON)');
    expect(error.message).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(error.name).toBe('InputError');
  });
});

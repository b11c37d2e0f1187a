import { describe, expect, it } from 'vitest';
import { InputError, oneLine, quote } from './input-error.ts';

describe('oneLine', () => {
  it('escapes line breaks, tabs and other control characters, keeping every character', () => {
    expect(oneLine('a\nb\r\nc\td')).toBe('a\\nb\\r\\nc\\td');
    expect(oneLine('\u0000\u001b[2J\u007f\u0085')).toBe('\\u0000\\u001b[2J\\u007f\\u0085');
    expect(oneLine('x\u2028y\u2029z')).toBe('x\\u2028y\\u2029z');
  });

  it('escapes bidirectional formatting characters', () => {
    expect(oneLine('a\u202eb\u2066c')).toBe('a\\u202eb\\u2066c');
  });

  it('leaves printable text alone, backslashes and quotes included, and is idempotent', () => {
    const text = `é ü 日本 \\n 'q' "d" 😀`;
    expect(oneLine(text)).toBe(text);
    const once = oneLine('a\nb\u2028');
    expect(oneLine(once)).toBe(once);
  });
});

describe('quote', () => {
  it('single-quotes plain input unchanged', () => {
    expect(quote('grpo:eps=x')).toBe("'grpo:eps=x'");
    expect(quote('')).toBe("''");
  });

  it('escapes quotes and backslashes, so the quoted text is unambiguous', () => {
    expect(quote("it's")).toBe("'it\\'s'");
    expect(quote('a\\nb')).toBe("'a\\\\nb'");
    // The escaped form of a backslash-n and of a line break differ.
    expect(quote('a\\nb')).not.toBe(quote('a\nb'));
  });

  it('gives one line for input with line breaks and control characters', () => {
    expect(quote('\r7reinforce')).toBe("'\\r7reinforce'");
    expect(quote('a\u2028a')).toBe("'a\\u2028a'");
    expect(quote('x\u0000\ny')).toBe("'x\\u0000\\ny'");
  });

  it('reads back as the input when evaluated as a JavaScript string literal', () => {
    for (const text of ["it's", 'a\\b', 'a\nb\r\t', '\u0000\u2028\u202e', 'é😀']) {
      expect(new Function(`return ${quote(text)}`)()).toBe(text);
    }
  });
});

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

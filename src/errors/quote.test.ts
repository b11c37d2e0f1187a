import { describe, expect, it } from 'vitest';
import { quote } from './quote.ts';

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

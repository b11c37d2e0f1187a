import { describe, expect, it } from 'vitest';
import { oneLine } from './one-line.ts';

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

import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { EXIT, fail } from './exit-codes.ts';

function stderrOf(error: unknown): { status: number; text: string } {
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const status = fail(error);
    return { status, text: write.mock.calls.map(([chunk]) => String(chunk)).join('') };
  } finally {
    write.mockRestore();
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('fail', () => {
  it('prints an InputError as one line and returns the input exit status', () => {
    expect(stderrOf(new InputError("unknown scheme 'nope'"))).toEqual({
      status: EXIT.input,
      text: "rl-objective: unknown scheme 'nope'\n",
    });
  });

  it('escapes the line breaks of any other error instead of cutting them off', () => {
    vi.stubEnv('RL_OBJECTIVE_DEBUG', '');
    expect(stderrOf(new TypeError('first\nsecond\r\u2028third'))).toEqual({
      status: EXIT.internal,
      text: 'rl-objective: internal error: first\\nsecond\\r\\u2028third\n',
    });
    expect(stderrOf('thrown\ttext').text).toBe('rl-objective: internal error: thrown\\ttext\n');
  });
});

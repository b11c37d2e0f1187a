import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { TEST_FAULT_VARIABLE, testFault } from './chunk-task.ts';

afterEach(() => {
  delete process.env[TEST_FAULT_VARIABLE];
});

describe('testFault (test hook)', () => {
  it('injects nothing when the variable is unset or empty', () => {
    expect(testFault(0, 0)).toBeUndefined();
    process.env[TEST_FAULT_VARIABLE] = '';
    expect(testFault(0, 0)).toBeUndefined();
  });

  it('fails the named chunks for the first TIMES attempts (default 1)', () => {
    process.env[TEST_FAULT_VARIABLE] = 'throw:3';
    expect([testFault(3, 0), testFault(3, 1), testFault(2, 0)]).toEqual([
      'throw',
      undefined,
      undefined,
    ]);
    process.env[TEST_FAULT_VARIABLE] = 'exit:3,17:2';
    expect([testFault(17, 0), testFault(17, 1), testFault(17, 2), testFault(4, 0)]).toEqual([
      'exit',
      'exit',
      undefined,
      undefined,
    ]);
  });

  it.each(['3', 'throw', 'throw:', 'kill:3', 'throw:3:', 'throw:a', 'throw:3;4', ' throw:3'])(
    "refuses '%s' with one line naming the variable",
    (value) => {
      process.env[TEST_FAULT_VARIABLE] = value;
      expect(() => testFault(3, 0)).toThrow(InputError);
      expect(() => testFault(3, 0)).toThrow(new RegExp(`^${TEST_FAULT_VARIABLE} must be`));
    },
  );
});

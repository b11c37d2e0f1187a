import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { TEST_FAULT_VARIABLE, testFaults } from './test-faults.ts';

/** The plan the hook reads from `value`. */
const plan = (value: string | undefined) => testFaults({ [TEST_FAULT_VARIABLE]: value }).faults;

describe('testFaults (the CLI test hook)', () => {
  it('injects nothing when the variable is unset or empty', () => {
    expect(testFaults({})).toEqual({});
    expect(plan('')).toBeUndefined();
  });

  it('fails the named chunks for the first TIMES attempts (default 1)', () => {
    const once = plan('throw:3')!;
    expect([once(3, 0), once(3, 1), once(2, 0)]).toEqual(['throw', undefined, undefined]);
    const twice = plan('exit:3,17:2')!;
    expect([twice(17, 0), twice(17, 1), twice(17, 2), twice(4, 0)]).toEqual([
      'exit',
      'exit',
      undefined,
      undefined,
    ]);
  });

  it.each(['3', 'throw', 'throw:', 'kill:3', 'throw:3:', 'throw:a', 'throw:3;4', ' throw:3'])(
    "refuses '%s' with one line naming the variable",
    (value) => {
      expect(() => plan(value)).toThrow(InputError);
      expect(() => plan(value)).toThrow(new RegExp(`^${TEST_FAULT_VARIABLE} must be`));
    },
  );
});

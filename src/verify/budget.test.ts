import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { budget } from './budget.ts';

describe('budget', () => {
  it('grows from quick to full', () => {
    expect(budget('quick').work).toBeLessThan(budget('default').work);
    expect(budget('default').work).toBeLessThan(budget('full').work);
  });

  it('rejects an unknown name, naming the allowed ones', () => {
    expect(() => budget('huge')).toThrow(InputError);
    expect(() => budget('toString')).toThrow('budget must be one of quick, default, full');
  });
});

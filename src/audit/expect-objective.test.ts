import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { causalBaseline, verlGrpo } from '../../test/conventions/index.ts';
import { InputError } from '../errors/input-error.ts';
import { auditFunction, loadAdvantagesModule } from './audit-function.ts';
import {
  checkExpectation,
  expectObjective,
  inducedObjective,
  parseExpectation,
} from './expect-objective.ts';

describe('parseExpectation', () => {
  it('splits a target spec from an optional tolerance', () => {
    expect(parseExpectation('arcsin:0.05')).toEqual({ target: 'arcsin', tol: 0.05 });
    expect(parseExpectation('identity')).toEqual({ target: 'identity', tol: 0.05 });
    expect(parseExpectation('passk:k=4')).toEqual({ target: 'passk:k=4', tol: 0.05 });
    expect(parseExpectation('passk:k=4:1e-3')).toEqual({ target: 'passk:k=4', tol: 1e-3 });
  });

  it('takes a formula for h or h′, with a tolerance only when the last part is a number', () => {
    expect(parseExpectation('expr:log(1+(exp(2)-1)*t)/2:0.01')).toEqual({
      target: 'expr:log(1+(exp(2)-1)*t)/2',
      tol: 0.01,
    });
    expect(parseExpectation('expr:t^2')).toEqual({ target: 'expr:t^2', tol: 0.05 });
    expect(parseExpectation('dexpr:1/t:1e-3')).toEqual({ target: 'dexpr:1/t', tol: 1e-3 });
  });

  it.each([
    'sine:0.1',
    'arcsin:x',
    'arcsin:-1',
    ':0.1',
    'passk:0.1',
    'expr:log(1+',
    'expr:x*t:0.1',
    'expr:log(t-1)',
    'expr:t:-1',
  ])('rejects %j', (text) => {
    expect(() => parseExpectation(text)).toThrow(InputError);
  });
});

describe('checkExpectation (the verdict behind --expect)', () => {
  it('passes verl-grpo at M = 64 against arcsin:0.05 and fails reinforce', async () => {
    const arcsin = parseExpectation('arcsin:0.05');
    const grpo = checkExpectation(await auditFunction((r) => verlGrpo(r), { M: 64 }), arcsin);
    const reinforce = checkExpectation(await auditFunction((r) => r, { M: 64 }), arcsin);
    expect(grpo.met).toBe(true);
    expect(grpo.bySize[0]!.distance).toBeLessThan(0.045);
    expect(reinforce.met).toBe(false);
    expect(reinforce.bySize[0]!.distance).toBeGreaterThan(0.1);
  });

  it('RS-GRPO (beta = 2) meets its derived limit log(1 + (e^2 - 1) t) within 0.01 at M = 1024, not at M = 8', async () => {
    const advantages = await loadAdvantagesModule(
      fileURLToPath(new URL('../../test/fixtures/audit/rs-grpo.mjs', import.meta.url)),
    );
    const expectation = parseExpectation('expr:log(1+(exp(2)-1)*t)/2:0.01');
    const large = checkExpectation(
      await auditFunction(advantages, { M: 1024, samples: 1 }),
      expectation,
    );
    expect(large.met).toBe(true);
    expect(large.bySize[0]!.distance).toBeLessThan(0.005);
    const small = checkExpectation(await auditFunction(advantages, { M: 8 }), expectation);
    expect(small.met).toBe(false);
    expect(small.bySize[0]!.reason).toMatch(
      /^M=8: distance to expr:log\(1\+\(exp\(2\)-1\)\*t\)\/2 is 0\.0\d+ > 0\.01/,
    );
  });

  it('fails a size that is not count form, and one with unobserved cells', async () => {
    const verdict = checkExpectation(await auditFunction(causalBaseline, { M: 4 }), {
      target: 'identity',
      tol: 1,
    });
    expect(verdict.met).toBe(false);
    expect(verdict.bySize[0]!.reason).toMatch(/not count form/);
  });
});

describe('inducedObjective and expectObjective', () => {
  it('recovers the tables and the nearest target of an async function', async () => {
    const objective = await inducedObjective(async (r) => r.map((x) => x - 0.5), { M: 6 });
    expect(objective.countForm).toBe(true);
    expect(objective.a).toEqual(new Array(6).fill(-0.5));
    expect(objective.nearest!.name).toBe('identity');
    expect(objective.nearest!.distance).toBeLessThan(1e-12);
  });

  it('resolves when the expectation holds and throws an informative Error otherwise', async () => {
    await expect(
      expectObjective((r) => verlGrpo(r), { M: 64, target: 'arcsin', tol: 0.05 }),
    ).resolves.toMatchObject({ countForm: true, M: 64 });
    await expect(expectObjective((r) => r, { M: 64, target: 'arcsin', tol: 0.05 })).rejects.toThrow(
      /expected the weights to optimize arcsin within 0\.05, but M=64: distance to arcsin is 0\.105 > 0\.05; nearest is identity/,
    );
    await expect(expectObjective(causalBaseline, { M: 4, target: 'identity' })).rejects.toThrow(
      /not count form[\s\S]*first violation: cell \(R=0, S=1\)/,
    );
  });

  it('reports a function that throws or returns the wrong length as an InputError', async () => {
    await expect(
      inducedObjective(
        () => {
          throw new Error('boom');
        },
        { M: 3 },
      ),
    ).rejects.toThrow(/advantages threw on pattern 000 \(M=3\): boom/);
    await expect(inducedObjective((r) => r.slice(1), { M: 3 })).rejects.toThrow(
      /expected an array of 3 numbers, got 2 values/,
    );
    await expect(inducedObjective(() => 3 as unknown as number[], { M: 3 })).rejects.toThrow(
      InputError,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { parseSpec } from './parse-spec.ts';
import { SpecReader } from './spec-reader.ts';

describe('parseSpec', () => {
  it('reads a bare name and key=value pairs in order', () => {
    expect(parseSpec('passk', 'scheme')).toEqual({ name: 'passk', params: new Map() });
    const spec = parseSpec('grpo:std=sample,eps=1e-6,eps-at=var', 'scheme');
    expect(spec.name).toBe('grpo');
    expect([...spec.params]).toEqual([
      ['std', 'sample'],
      ['eps', '1e-6'],
      ['eps-at', 'var'],
    ]);
  });

  it('reads names and keys in lower case and keeps values as typed: one case rule', () => {
    const spec = parseSpec('GRPO:STD=Sample,Eps=1E-6', 'scheme');
    expect(spec.name).toBe('grpo');
    expect([...spec.params]).toEqual([
      ['std', 'Sample'],
      ['eps', '1E-6'],
    ]);
    expect(() => parseSpec('grpo:K=1,k=2', 'scheme')).toThrow("key 'k' is given twice");
  });

  it.each(['', ':k=1', 'g rpo', '1grpo', 'grpo:', 'grpo:k', 'grpo:k=', 'grpo:=1', 'grpo:k=1,k=2'])(
    'rejects %j with an InputError',
    (text) => {
      expect(() => parseSpec(text, 'scheme')).toThrow(InputError);
    },
  );
});

describe('SpecReader', () => {
  it('resolves defaults into a canonical spec', () => {
    const reader = new SpecReader(parseSpec('grpo:eps=1e-6', 'scheme'), 'scheme');
    expect(reader.choice('std', ['population', 'sample'], 'population')).toBe('population');
    expect(reader.number('eps', 1e-8)).toBe(1e-6);
    expect(reader.done()).toBe('grpo:std=population,eps=0.000001');
  });

  it('names unknown keys and the allowed ones', () => {
    const reader = new SpecReader(parseSpec('passk:q=2', 'scheme'), 'scheme');
    reader.number('k', 1);
    expect(() => reader.done()).toThrow("scheme 'passk' has no key 'q'; allowed keys: k");
  });

  it('rejects a value outside a choice and a non-number', () => {
    const bad = new SpecReader(parseSpec('grpo:std=bessel,eps=x', 'scheme'), 'scheme');
    expect(() => bad.choice('std', ['population', 'sample'], 'population')).toThrow(
      "scheme 'grpo': std must be one of population, sample; got 'bessel'",
    );
    expect(() => bad.number('eps', 0)).toThrow("scheme 'grpo': eps must be a number, got 'x'");
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { canonicalJson, MAX_JSON_DEPTH } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every level, whatever the construction order', () => {
    const a = { b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } };
    const b = { a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    // The check can fail: a different value gives a different text.
    expect(canonicalJson({ ...b, b: 2 })).not.toBe(canonicalJson(a));
  });

  it('round-trips every finite double exactly', () => {
    const xs = [0.1, 1 / 3, 5e-324, 1.7976931348623157e308, -2.5e-10];
    expect((JSON.parse(canonicalJson(xs)) as number[]).map((x, k) => Object.is(x, xs[k]))).toEqual(
      xs.map(() => true),
    );
  });

  it.each([
    [{ p: Number.NaN }, 'config.p: NaN is not lossless JSON'],
    [{ p: [1, Number.POSITIVE_INFINITY] }, 'config.p[1]: Infinity is not lossless JSON'],
    [{ p: -0 }, 'config.p: -0 is not lossless JSON'],
    [{ p: undefined }, 'config.p: a undefined is not JSON'],
    [{ p: 1n }, 'config.p: a bigint is not JSON'],
    [{ p: new Map() }, 'config.p: a Map is not JSON'],
    [{ p: () => 1 }, 'config.p: a function is not JSON'],
  ])('refuses %o as %j', (value, message) => {
    expect(() => canonicalJson(value, 'config')).toThrow(new InputError(message));
  });

  it('refuses nesting deeper than MAX_JSON_DEPTH, and accepts it at the limit', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 0 : [nest(depth - 1)]);
    expect(() => canonicalJson(nest(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => canonicalJson(nest(MAX_JSON_DEPTH + 1))).toThrow(/nested deeper than 256/);
  });
});

import { describe, expect, it } from 'vitest';
import { substream } from './substream.ts';

describe('substream', () => {
  it('is a pure function of seed and path', () => {
    const draw = (u: () => number) => Array.from({ length: 5 }, u);
    expect(draw(substream(7, 'chunk', 3))).toEqual(draw(substream(7, 'chunk', 3)));
    expect(draw(substream(7, 'chunk', 3))).not.toEqual(draw(substream(7, 'chunk', 4)));
    expect(draw(substream(7, 'chunk', 3))).not.toEqual(draw(substream(8, 'chunk', 3)));
  });

  it('draws in [0, 1)', () => {
    const u = substream('x');
    for (let i = 0; i < 10_000; i++) {
      const v = u();
      expect(v >= 0 && v < 1).toBe(true);
    }
  });
});

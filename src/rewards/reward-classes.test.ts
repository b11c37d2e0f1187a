import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import {
  levelClasses,
  MAX_REWARD_CLASSES,
  parseLevels,
  rewardClasses,
  rewardFunctionClasses,
} from './reward-classes.ts';

/** The message of the InputError `f` throws; fails the test when it throws nothing else. */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected an InputError');
}

describe('levelClasses', () => {
  it('keeps the levels in order as classes 0..C-1, each its own scalar reward', () => {
    const classes = levelClasses([0, 0.5, 1]);
    expect(classes).toMatchObject({ kind: 'levels', C: 3, d: 1, spec: 'levels=0,0.5,1' });
    expect(classes.vectors).toEqual([[0], [0.5], [1]]);
    expect(classes.sums).toEqual([0, 0.5, 1]);
    expect(classes.labels).toEqual(['0', '0.5', '1']);
  });

  it('finds the class of a declared level exactly, and of nothing else', () => {
    const classes = levelClasses([-1, 0, 0.5, 1]);
    expect([-1, 0, -0, 0.5, 1, [0.5]].map((r) => classes.classOf(r))).toEqual([0, 1, 1, 2, 3, 2]);
    for (const r of [0.25, 0.5000000000000001, Number.NaN, 2, [0, 1], []]) {
      expect(classes.classOf(r), String(r)).toBeUndefined();
    }
  });

  it.each([
    [[0, 1, 1], 'levels: level 2 repeats level 1 (1); levels must not repeat'],
    [[0, 1, 0.5], 'levels must be strictly increasing: level 1 is 1, level 2 is 0.5'],
    [[0, Number.NaN, 1], 'levels: level 1 must be a finite number, got NaN'],
    [[0, Number.POSITIVE_INFINITY], 'levels: level 1 must be a finite number, got Infinity'],
    [[1], 'levels: at least 2 levels are needed, got 1'],
    [
      Array.from({ length: 65 }, (_, j) => j),
      'levels: at most 64 classes are allowed, got 65 levels',
    ],
  ])('refuses %j in one line', (levels, message) => {
    expect(refusal(() => levelClasses(levels))).toBe(message);
  });

  it('accepts 64 levels, the largest number of classes', () => {
    expect(levelClasses(Array.from({ length: MAX_REWARD_CLASSES }, (_, j) => j / 2)).C).toBe(64);
  });
});

describe('rewardFunctionClasses', () => {
  it('orders the 2^d classes by the binary number r_1 r_2 ... r_d', () => {
    const classes = rewardFunctionClasses(2);
    expect(classes.vectors).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(classes.labels).toEqual(['0/0', '0/1', '1/0', '1/1']);
    expect(classes.sums).toEqual([0, 1, 1, 2]);
    expect(classes).toMatchObject({ kind: 'functions', C: 4, d: 2, spec: 'reward-functions=2' });
    expect(rewardFunctionClasses(3).vectors[6]).toEqual([1, 1, 0]);
  });

  it('finds the class of every vector, and refuses what is not a vector of d bits', () => {
    const classes = rewardFunctionClasses(3);
    classes.vectors.forEach((v, j) => {
      expect(classes.classOf(v)).toBe(j);
    });
    for (const r of [[1, 0], [1, 0, 0, 0], [1, 0.5, 0], 1]) {
      expect(classes.classOf(r), String(r)).toBeUndefined();
    }
    expect(rewardFunctionClasses(1).classOf(1)).toBe(1);
  });

  it('allows d up to 6 (64 classes) and refuses more in one line', () => {
    expect(rewardFunctionClasses(6).C).toBe(64);
    expect(refusal(() => rewardFunctionClasses(7))).toBe(
      'reward-functions 7 gives 2^7 = 128 classes; at most 64 are allowed (d <= 6)',
    );
    expect(refusal(() => rewardFunctionClasses(0))).toBe(
      'reward-functions must be a positive integer, got 0',
    );
    expect(refusal(() => rewardFunctionClasses(1.5))).toContain('positive integer');
  });
});

describe('rewardClasses and parseLevels', () => {
  it('takes exactly one of levels and reward functions', () => {
    expect(rewardClasses({})).toBeUndefined();
    expect(rewardClasses({ levels: [0, 1] })?.kind).toBe('levels');
    expect(rewardClasses({ rewardFunctions: 2 })?.C).toBe(4);
    expect(refusal(() => rewardClasses({ levels: [0, 1], rewardFunctions: 2 }))).toBe(
      'give either levels or reward-functions, not both',
    );
  });

  it('parses a list of levels strictly', () => {
    expect(parseLevels('--levels', '0, 0.5,1e0')).toEqual([0, 0.5, 1]);
    expect(refusal(() => parseLevels('--levels', '0,,1'))).toBe(
      "--levels must be a number, got ''",
    );
    expect(refusal(() => parseLevels('--levels', '0,1x'))).toBe(
      "--levels must be a number, got '1x'",
    );
    expect(refusal(() => parseLevels('--levels', ' '))).toBe("--levels must list levels, got ' '");
  });
});

import { describe, expect, it } from 'vitest';
import { registerFalseFail } from '../../test/support/budget/false-fail.ts';
import {
  referenceDifficulties,
  referenceMeanField,
  referenceSga,
} from '../../test/support/dynamics/reference.ts';
import { scheme } from '../schemes/index.ts';
import { buildCorpus, parseCorpus } from './corpus.ts';
import { resolveTrain, runTrain, type TrainInput, train, trainJson } from './index.ts';

const TABULAR = 'tabular:prompts=30,alpha=0.5,beta=2';
const SHARED = 'shared:prompts=24,dim=3,alpha=0.5,beta=2';

function referenceModel(spec: string, seed: string | number = 0) {
  const description = parseCorpus(spec);
  const { prompts, alpha, beta } = description;
  const q = referenceDifficulties(prompts, alpha, beta);
  if (description.kind === 'tabular') return { kind: 'tabular' as const, q };
  // The features come from the run seed (the library's draw); the iteration is the reference's.
  const corpus = buildCorpus(description, seed);
  const features = Array.from({ length: prompts }, (_, x) =>
    Array.from(corpus.features!.subarray(x * description.dim, (x + 1) * description.dim)),
  );
  return { kind: 'shared' as const, q, features };
}

describe('train: the mean field (docs/theory.md §8)', () => {
  // Deterministic: false-fail rate 0. Two different codes (Horner closed form and per-step
  // arrays, against hPrime and plain loops) agree to 1e-9 absolute on every step.
  it('matches an independent mean-field iteration to 1e-9 at every step', async () => {
    for (const [corpus, lr] of [
      [TABULAR, 30],
      [SHARED, 0.8],
    ] as const) {
      const input: TrainInput = {
        schemes: ['reinforce', 'rs', 'grpo', 'passk:k=4'],
        M: 8,
        corpus,
        steps: 60,
        batch: 4,
        lr,
        seeds: 2,
        record: 1,
      };
      const result = trainJson(await train(input));
      for (const s of result.schemes) {
        const c = scheme(s.scheme, 8).c;
        const expected = referenceMeanField(referenceModel(corpus), c, lr, 60);
        expect(s.meanField.meanP).toHaveLength(61);
        s.meanField.meanP.forEach((v, t) => {
          expect(Math.abs(v - expected[t]!)).toBeLessThan(1e-9);
        });
        // The path moves: a test on a static path would prove nothing.
        expect(expected[60]! - expected[0]!).toBeGreaterThan(0.05);
      }
    }
  });
});

describe('train: the stochastic paths (docs/theory.md §8)', () => {
  // Two independent SGA implementations of the same model (different random streams) give mean
  // curves that differ by z = diff / sqrt(se1^2 + se2^2). Each is a mean over 500 seeds, so z is
  // N(0, 1) up to the t-distribution with ~1000 degrees of freedom. 2 schemes x 2 corpora x 20
  // recorded steps = 80 comparisons at |z| < 6.5. Each fails with probability 1.3e-10 under
  // Student's t with 998 degrees of freedom (8e-11 under the normal law); registered as 2e-10
  // each, for the approximation of a mean of 500 bounded values by that law.
  it('agree with an independent SGA implementation within their standard errors', async () => {
    const seeds = 500;
    for (const [corpus, lr] of [
      [TABULAR, 8],
      [SHARED, 0.5],
    ] as const) {
      for (const spec of ['grpo', 'rs']) {
        const ours = await train({
          schemes: [spec],
          M: 8,
          corpus,
          steps: 20,
          batch: 8,
          lr,
          seeds,
          record: 1,
          seed: 'reference-comparison',
        });
        const runs = referenceSga(referenceModel(corpus, 'reference-comparison'), spec, 8, {
          lr,
          steps: 20,
          batch: 8,
          seeds,
          seed: 'reference-comparison',
        });
        const { meanP } = ours.schemes[0]!;
        let moved = false;
        for (let t = 1; t <= 20; t++) {
          const values = runs.map((r) => r[t]!);
          const mean = values.reduce((s, v) => s + v, 0) / seeds;
          const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (seeds - 1);
          const se = Math.sqrt(meanP.stderr[t]! ** 2 + variance / seeds);
          registerFalseFail(2e-10);
          expect(Math.abs(meanP.mean[t]! - mean) / se).toBeLessThan(6.5);
          if (Math.abs(mean - runs[0]![0]!) > 10 * se) moved = true;
        }
        expect(moved).toBe(true);
      }
    }
  });

  // Deterministic (fixed seeds): false-fail rate 0.
  it('gives the same bits from checkpointed chunks as from a fresh run', async () => {
    const input: TrainInput = {
      schemes: ['reinforce', 'grpo'],
      M: 4,
      corpus: SHARED,
      steps: 15,
      batch: 4,
      lr: 0.5,
      seeds: 9,
      seedsPerChunk: 2,
    };
    const kept = new Map();
    const config = resolveTrain(input);
    const whole = await runTrain(config, { onChunk: (chunk) => kept.set(chunk.chunk, chunk) });
    expect(kept.size).toBe(10);
    for (const index of [1, 4, 8]) kept.delete(index);
    const resumed = await runTrain(config, { completed: kept });
    expect(JSON.stringify(trainJson(resumed))).toBe(JSON.stringify(trainJson(whole)));
  });

  // Deterministic: false-fail rate 0.
  it('rejects bad input with one line before any work', async () => {
    const good: TrainInput = {
      schemes: ['grpo'],
      M: 8,
      corpus: TABULAR,
      steps: 10,
      batch: 4,
      lr: 1,
      seeds: 2,
    };
    for (const [change, message] of [
      [{ lr: 0 }, /lr must be a finite number > 0/],
      [{ lr: -1 }, /lr must be/],
      [{ steps: 0 }, /steps must be a positive integer/],
      [{ batch: 0 }, /batch must be a positive integer/],
      [{ seeds: 1 }, /seeds must be at least 2/],
      [{ record: 11 }, /record must be at most steps/],
      [{ schemes: [] }, /at least one scheme/],
      [{ schemes: ['grpo', 'grpo:eps=1e-8'] }, /given twice/],
      [{ schemes: ['passk:k=9'] }, /k/],
      [{ k: [1, 1] }, /k 1 is given twice/],
      [{ k: [0] }, /k must be a positive integer/],
      [{ corpus: 'tabular:prompts=10,alpha=0' }, /alpha/],
    ] as const) {
      await expect(train({ ...good, ...change } as TrainInput)).rejects.toThrow(message);
    }
  });
});

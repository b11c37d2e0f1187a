import { describe, expect, it } from 'vitest';
import { simulate } from '../src/estimators/simulate.ts';
import type { SimulationInput } from '../src/estimators/simulation-input.ts';
import { verify } from '../src/verify/verify.ts';
import { POLICIES } from '../test/support/simulations/policies.ts';

// Fixed output (no regression): the exact bits of a few `simulate` runs, one per loop of the
// engine, and of every estimate of the quick battery, at fixed seeds, against the snapshot in
// __snapshots__/. Other tests compare runs with each other (threads, shards, resumes, the fast
// loops with the plain ones); these catch a change that moves every run alike: the generator,
// a loop, the summaries. Deterministic: false-fail rate 0.
//
// A change that is meant to move these bits also changes checkpointed chunks: bump
// CHECKPOINT_FORMAT_VERSION (src/checkpoint) with it, then update the snapshot with
// `npx vitest run simulations/fixed-output.test.ts -u` and say why in the commit.

/** Each double as the 16 hex digits of its IEEE 754 bits. */
const bits = (xs: readonly number[]) =>
  xs.map((x) => Buffer.from(Float64Array.of(x).buffer).reverse().toString('hex'));

const RUNS: Record<string, SimulationInput> = {
  'grpo, M = 8, bernoulli (pattern table)': {
    scheme: 'grpo',
    M: 8,
    policy: POLICIES.bernoulli,
    groups: 100_000,
  },
  'grpo, M = 64, bernoulli (two weights, interleaved groups)': {
    scheme: 'grpo',
    M: 64,
    policy: POLICIES.bernoulli,
    groups: 20_000,
  },
  'grpo:std=sample, M = 100, bernoulli (squares summed in order)': {
    scheme: 'grpo:std=sample',
    M: 100,
    policy: POLICIES.bernoulli,
    groups: 5_000,
  },
  'passk:k=4, M = 64, bernoulli (native formula)': {
    scheme: 'passk:k=4',
    M: 64,
    policy: POLICIES.bernoulli,
    groups: 5_000,
  },
  'rs, M = 16, softmax (sampler loop, two weights)': {
    scheme: 'rs',
    M: 16,
    policy: POLICIES.softmax,
    groups: 20_000,
  },
  'rloo, M = 8, corpus (sampler loop, pattern table)': {
    scheme: 'rloo',
    M: 8,
    policy: POLICIES.corpus,
    groups: 20_000,
  },
  'grpo, M = 12, sequence': { scheme: 'grpo', M: 12, policy: POLICIES.sequence, groups: 5_000 },
  'pure-rs, B = 4, bernoulli': {
    estimator: 'pure-rs',
    B: 4,
    policy: POLICIES.bernoulli,
    groups: 20_000,
  },
  'pure-rs, B = 2, corpus': { estimator: 'pure-rs', B: 2, policy: POLICIES.corpus, groups: 5_000 },
};

describe('fixed output', () => {
  it.each(Object.keys(RUNS))('simulate: %s', async (name) => {
    const result = await simulate({ ...RUNS[name]!, seed: 2026 });
    expect({
      estimate: bits(result.estimate),
      stderr: bits(result.stderr),
      ...(result.draws ? { draws: bits([result.draws.mean, result.draws.stderr]) } : {}),
    }).toMatchSnapshot();
  });

  it('the quick battery, seed 1: every estimate and standard error', async () => {
    const report = await verify({ budget: 'quick', seed: 1 });
    const rows = Object.fromEntries(
      report.checks.map((row) => [row.id, bits([row.estimate, row.stderr]).join(' ')]),
    );
    expect(Object.keys(rows).length).toBeGreaterThan(80);
    expect(rows).toMatchSnapshot();
  });
});

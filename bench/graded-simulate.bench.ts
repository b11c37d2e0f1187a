// Throughput of the graded Monte Carlo (docs/theory.md §10) per thread: the softmax sampler loop
// with three reward levels at M = 8, beside the same loop with binary rewards on the same policy
// in the same run (a ratio is what to read on a shared machine), and with reward functions
// (d = 2). `npm run bench graded-simulate`.
//
// Every rate is responses per second of CPU time of one thread (process.cpuUsage), the best of
// ROUNDS rounds taken in turn. The goal: at least 5e7 responses/s at M = 8 with three levels.
import { loadavg } from 'node:os';
import { algorithm1Groups } from '../src/estimators/algorithm1-loops.ts';
import { classWeightsOf } from '../src/estimators/graded-class-weights.ts';
import { buildPolicy, gradedSoftmax, type SampledPolicy } from '../src/policies/index.ts';
import { levelClasses, rewardFunctionClasses } from '../src/rewards/index.ts';
import { UniformStream } from '../src/rng/index.ts';
import { type GradedScheme, gradedScheme, type Scheme, scheme } from '../src/schemes/index.ts';
import { VectorMoments } from '../src/stats/vector-moments.ts';

const ROUNDS = 5;
const RESPONSES = 2 ** 24;
const GOAL = 5e7;

const fmt = (x: number) => x.toExponential(2);

interface Case {
  readonly name: string;
  readonly policy: SampledPolicy;
  readonly scheme: Scheme | GradedScheme;
}

const logits = [0.3, -0.2, 0.9];
const cases: Case[] = [
  {
    name: 'grpo, M = 8, levels 0,0.5,1, softmax with 3 answers',
    policy: gradedSoftmax(
      { kind: 'softmax', logits, rewards: [0, 0.5, 1] },
      levelClasses([0, 0.5, 1]),
    ),
    scheme: gradedScheme('grpo', levelClasses([0, 0.5, 1]), 8),
  },
  {
    name: 'grpo, M = 8, binary rewards (1 correct of 3 answers)',
    policy: buildPolicy({ kind: 'softmax', logits, correct: [2] }),
    scheme: scheme('grpo', 8),
  },
  {
    name: 'trl-grpo normalize_then_sum, M = 8, d = 2, softmax with 4 answers',
    policy: gradedSoftmax(
      {
        kind: 'softmax',
        logits: [...logits, 0],
        rewards: [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ],
      },
      rewardFunctionClasses(2),
    ),
    scheme: gradedScheme('trl-grpo:aggregation=normalize_then_sum', rewardFunctionClasses(2), 8),
  },
];

function cpuRate(run: () => number): number {
  const start = process.cpuUsage();
  const count = run();
  const used = process.cpuUsage(start);
  return count / ((used.user + used.system) / 1e6);
}

console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (2 cores, shared)`,
);
const best = cases.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  cases.forEach((c, i) => {
    const weights = classWeightsOf(c.scheme);
    const groups = Math.floor(RESPONSES / c.scheme.M);
    const rate = cpuRate(() => {
      const moments = new VectorMoments(c.policy.dim);
      algorithm1Groups(
        c.policy,
        c.scheme,
        groups,
        new UniformStream(round, 'bench'),
        moments,
        weights,
      );
      return groups * c.scheme.M;
    });
    best[i] = Math.max(best[i]!, rate);
  });
}
console.log('\n# the graded sampler loop, one thread, responses/s of CPU time (best of 5)');
console.log('| case | responses/s | vs binary |');
console.log('|---|---|---|');
cases.forEach((c, i) => {
  console.log(`| ${c.name} | ${fmt(best[i]!)} | ${(best[i]! / best[1]!).toFixed(2)} |`);
});
const met = best[0]! >= GOAL;
console.log(
  `\nthree levels at M = 8: ${fmt(best[0]!)} responses/s, goal ${fmt(GOAL)}: ${met ? 'met' : 'NOT MET'}`,
);
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

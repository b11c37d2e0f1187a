// The performance target of `rl-objective train`: five schemes x 8 seeds x 2000 steps
// x batch 256 x M = 8 on a 10,000-prompt tabular corpus, --threads 2, at most 20 s on 2 cores.
// Also the same run on one thread, side by side, and the mean-field part alone (it runs in the
// main thread after the paths). `npm run bench train`.
import { loadavg } from 'node:os';
import type * as Library from '../src/dynamics/index.ts';

// The compiled package, as users run it (`npm run bench` builds dist/ first): source workers
// would run under tsx's CommonJS transform. Its dynamics barrel, for the mean field alone.
const { resolveTrain, schemeMeanField, train } = (await import(
  new URL('../dist/src/dynamics/index.js', import.meta.url).href
)) as typeof Library;

const INPUT: Library.TrainInput = {
  schemes: ['reinforce', 'rloo', 'rs', 'grpo', 'passk:k=4'],
  M: 8,
  corpus: 'tabular:prompts=10000,alpha=0.5,beta=2',
  steps: 2000,
  batch: 256,
  lr: 256,
  seeds: 8,
};

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`load average before: ${load()} (2 cores)`);
const responses = 5 * 8 * 2000 * 256 * 8;
for (const threads of [2, 1]) {
  const started = performance.now();
  const result = await train({ ...INPUT, threads });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `threads ${threads}: ${seconds.toFixed(2)} s (${(responses / seconds).toExponential(2)} responses/s; target <= 20 s at 2 threads), outcome ${result.outcome}, load ${load()}`,
  );
}
const config = resolveTrain(INPUT);
const started = performance.now();
for (let i = 0; i < config.schemes.length; i++) schemeMeanField(config, i, false);
console.log(
  `mean fields of the 5 schemes alone: ${((performance.now() - started) / 1000).toFixed(2)} s`,
);

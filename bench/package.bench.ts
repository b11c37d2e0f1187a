// The compiled package as users run it (`npm run bench package`; `prebench` builds dist/ first):
//   1. CLI cold start: `rl-objective objective --scheme grpo --M 8 --t 0.5` against bare
//      `node -e 0`, and `import { h } from 'rl-objective'` (the package's own name, which Node
//      resolves to dist/ through package.json's `exports`, as in an installed tarball) against
//      the same, interleaved, median of 7 each; target at most 0.15 s above bare node for each;
//      and how many files of the package that import loads;
//   2. worker pool start plus its first chunk (in this process, from dist/): target at most 0.15 s;
//   3. `rl-objective simulate --threads 2` against `--threads 1` on a GRPO M = 8 run of 4e9
//      responses (wall clock of the whole command, start-up included), alternated, best of 2
//      each: the same estimate bits, target at least 1.8x. A run of 4e8 responses lasts about a
//      second on one thread, so there the fixed start-up of the pool (item 2) takes a visible share.
// Side by side in one run, because the machine is shared: the ratios mean more than the times.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/rl-objective.js', import.meta.url));
/** The package root: `rl-objective` resolves to its own dist/ from here. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = new URL('../dist/src/index.js', import.meta.url).href;
const RUNS = 7;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** Wall time of one child process, in seconds; exits the bench if the child fails. */
function wall(args: readonly string[]): { seconds: number; stdout: string } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ROOT });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return { seconds, stdout: run.stdout };
}

console.log(`load average before: ${load()} (2 cores)`);

const IMPORT_H = "import { h } from 'rl-objective'; if (h([1, 1], 0.5) !== 0.5) process.exit(1);";
const bare: number[] = [];
const cli: number[] = [];
const imported: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(wall(['-e', '0']).seconds);
  cli.push(wall([BIN, 'objective', '--scheme', 'grpo', '--M', '8', '--t', '0.5']).seconds);
  imported.push(wall(['--input-type=module', '-e', IMPORT_H]).seconds);
}
const startup = median(cli) - median(bare);
const importTime = median(imported) - median(bare);
console.log(
  `cold start, median of ${RUNS}: node -e 0 ${median(bare).toFixed(3)} s, objective ${median(cli).toFixed(3)} s, ` +
    `difference ${startup.toFixed(3)} s (target <= 0.150: ${startup <= 0.15 ? 'met' : 'NOT met'})`,
);
console.log(
  `import { h } from 'rl-objective', median of ${RUNS}: ${median(imported).toFixed(3)} s, ` +
    `${importTime.toFixed(3)} s above node -e 0 (target <= 0.150: ${importTime <= 0.15 ? 'met' : 'NOT met'})`,
);

// The package's own files that this import loads, listed by a loader hook in the child.
const LIST_LOADS =
  'data:text/javascript,export async function load(url, context, next) { console.error(url); return next(url, context); }';
const listed = spawnSync(
  process.execPath,
  [
    '--import',
    `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(LIST_LOADS)});`,
    '--input-type=module',
    '-e',
    IMPORT_H,
  ],
  { encoding: 'utf8', cwd: ROOT },
);
const own = listed.stderr
  .split('\n')
  .filter((url) => url.startsWith(new URL('../dist/', import.meta.url).href));
const builtins = listed.stderr.split('\n').filter((url) => url.startsWith('node:'));
console.log(
  `import { h } from 'rl-objective' loads ${own.length} files of the package and ${builtins.length} Node built-ins`,
);

const { createSimulationPool, simulate } = (await import(DIST)) as typeof import('../src/index.ts');
const firstChunk: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const pool = createSimulationPool(2);
  const input = { scheme: 'grpo', M: 8, policy: 'bernoulli:p=0.3', groups: 250_000 };
  await simulate({ ...input, chunkGroups: 250_000, pool });
  firstChunk.push((performance.now() - start) / 1000);
  await pool.destroy();
}
const poolStart = median(firstChunk);
console.log(
  `pool of 2 started plus a first chunk of 2e6 responses, median of ${RUNS}: ${poolStart.toFixed(3)} s ` +
    `(target <= 0.150: ${poolStart <= 0.15 ? 'met' : 'NOT met'})`,
);

const GROUPS = '5e8';
interface SimulateJson {
  estimate: number[];
  stderr: number[];
  responses: number;
}
const rates: Record<1 | 2, number[]> = { 1: [], 2: [] };
const outputs: Record<1 | 2, SimulateJson[]> = { 1: [], 2: [] };
for (let i = 0; i < 2; i++) {
  for (const threads of [1, 2] as const) {
    const args = [BIN, 'simulate', '--scheme', 'grpo', '--M', '8', '--policy', 'bernoulli:p=0.3'];
    const run = wall([...args, '--groups', GROUPS, '--threads', String(threads), '--json']);
    const out = JSON.parse(run.stdout) as SimulateJson;
    rates[threads].push(out.responses / run.seconds);
    outputs[threads].push(out);
  }
}
const best = (xs: readonly number[]) => Math.max(...xs);
const scaling = best(rates[2]) / best(rates[1]);
const same = outputs[2].every(
  (out) =>
    JSON.stringify([out.estimate, out.stderr]) ===
    JSON.stringify([outputs[1][0]!.estimate, outputs[1][0]!.stderr]),
);
console.log(
  `simulate grpo M = 8, ${Number(GROUPS) * 8} responses, wall clock, best of 2: ` +
    `1 thread ${best(rates[1]).toExponential(3)}/s, 2 threads ${best(rates[2]).toExponential(3)}/s, ` +
    `scaling ${scaling.toFixed(2)}x (target >= 1.8: ${scaling >= 1.8 ? 'met' : 'NOT met'}); ` +
    `estimate bits ${same ? 'identical' : 'DIFFERENT'}`,
);
console.log(`load average after: ${load()}`);
if (!same) process.exitCode = 1;

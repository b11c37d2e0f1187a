// Memory of a simulation as --groups grows (issue 3; issue 7 asks <= 200 MB for 1e9 responses):
// each run is a child process (`rl-objective simulate`), and its peak resident set is read from
// `process.resourceUsage().maxRSS` through a tiny driver. `npm run bench memory`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const DRIVER = `
import { simulate } from ${JSON.stringify(new URL('../src/estimators/simulate.ts', import.meta.url).href)};
const groups = Number(process.argv[1]);
const r = await simulate({ scheme: 'grpo', M: 8, policy: 'bernoulli:p=0.3', groups }, { threads: Number(process.argv[2]) });
console.log(JSON.stringify({ groups, responses: r.responses, seconds: r.seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, agree: r.agree }));
`;
const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = (process.env.MEMORY_BENCH_GROUPS ?? '1e5,1e6,1e7,1.25e8').split(',').map(Number);
for (const threads of [1, 2]) {
  for (const groups of sizes) {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', DRIVER, String(groups), String(threads)],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const line = run.stdout.trim() || run.stderr.trim();
    console.log(`threads ${threads}: ${line}`);
  }
}
console.log(
  'maxRSS is the main thread process peak (workers share the process); 1.25e8 groups = 1e9 responses',
);

// Peak resident memory of a 1e9-response `rl-objective simulate` run (target: at most 200 MB),
// with 1 and 2 worker threads, with and without a checkpoint (--checkpoint, one file per
// completed chunk). Each run is the real CLI in a child process; a preloaded one-line module
// prints `process.resourceUsage().maxRSS` (the whole process: worker threads share it) as the
// process exits. `npm run bench memory`; MEMORY_BENCH_GROUPS overrides the 1.25e8 groups
// (x M = 8 responses).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TARGET_MB = 200;
const BIN = fileURLToPath(new URL('../bin/rl-objective.js', import.meta.url));
const REPORT_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxRSS "+process.resourceUsage().maxRSS+"\\n"))';
const groups = process.env.MEMORY_BENCH_GROUPS ?? '1.25e8';
const scratch = mkdtempSync(join(tmpdir(), 'rl-objective-memory-bench-'));

let worst = 0;
try {
  for (const threads of [1, 2]) {
    for (const checkpoint of [false, true]) {
      const args = [
        ...['simulate', '--scheme', 'grpo', '--M', '8', '--policy', 'bernoulli:p=0.3'],
        ...['--groups', groups, '--threads', String(threads), '--json'],
        ...(checkpoint ? ['--checkpoint', join(scratch, `t${threads}`)] : []),
      ];
      const run = spawnSync(process.execPath, ['--import', REPORT_RSS, BIN, ...args], {
        encoding: 'utf8',
      });
      const rss = /maxRSS (\d+)/.exec(run.stderr);
      if (run.status !== 0 || rss === null) {
        console.log(`threads ${threads}: failed (exit ${run.status}): ${run.stderr.trim()}`);
        process.exitCode = 1;
        continue;
      }
      const out = JSON.parse(run.stdout) as { responses: number; seconds: number };
      const mb = Number(rss[1]) / 1024;
      worst = Math.max(worst, mb);
      console.log(
        `threads ${threads}, ${checkpoint ? 'checkpoint   ' : 'no checkpoint'}: ${out.responses.toExponential(2)} responses in ${out.seconds.toFixed(1)} s, max RSS ${mb.toFixed(0)} MB`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(
  `target <= ${TARGET_MB} MB: ${worst <= TARGET_MB ? 'met' : 'NOT met'} (largest ${worst.toFixed(0)} MB)`,
);

/**
 * Runs the property suite (the `properties/*.test.ts` files) under many fast-check seeds, one
 * vitest run per seed, and prints each seed with pass/fail and wall time. Run by hand, not by
 * `npm test`:
 *
 *     node --import tsx properties/run-seeds.ts [count=20] [first-seed]
 *
 * Seeds are `first-seed + 7919 i` (default first seed: the current time), so a report names
 * exactly the seeds to replay: `FC_SEED=<seed> npx vitest run properties`. Exits 1 if any run
 * failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const count = Number(process.argv[2] ?? 20);
const first = Number(process.argv[3] ?? Date.now() % 1_000_000_007);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => relative(root, join(here, f)));

const rows: { seed: number; passed: boolean; seconds: number; tests: string }[] = [];
for (let i = 0; i < count; i++) {
  const seed = (first + 7919 * i) | 0;
  const started = performance.now();
  const run = spawnSync(join(root, 'node_modules/.bin/vitest'), ['run', ...files], {
    cwd: root,
    env: { ...process.env, FC_SEED: String(seed), NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const tests = /Tests\s+(.*)/.exec(run.stdout)?.[1]?.trim() ?? 'no summary';
  rows.push({ seed, passed: run.status === 0, seconds, tests });
  console.log(
    `seed ${seed}\t${run.status === 0 ? 'pass' : 'FAIL'}\t${seconds.toFixed(1)} s\t${tests}`,
  );
  if (run.status !== 0) {
    // vitest prints the failures (test name, seed and path, counterexample) on both streams.
    const lines = `${run.stdout}\n${run.stderr}`.split('\n');
    console.log(lines.filter((l) => /FAIL|Counterexample|Caused by|seed:/.test(l)).join('\n'));
  }
}
const failed = rows.filter((r) => !r.passed).length;
const total = rows.reduce((s, r) => s + r.seconds, 0);
console.log(
  `${rows.length - failed}/${rows.length} passed; mean ${(total / rows.length).toFixed(1)} s per run; files: ${files.join(' ')}`,
);
process.exitCode = failed > 0 ? 1 : 0;

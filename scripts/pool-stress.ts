// Start/stop stress of the worker pools (docs/simulate.md, "Threads"):
// `node --import tsx scripts/pool-stress.ts [--threads 16,64] [--cycles 200] [--package DIR]`
// starts and stops pools of each thread count `--cycles` times with the compiled package of DIR
// (default: this repository; run `npm run build` first), or with this repository's sources
// (`--source`), the way a short run does: half the cycles run one tiny simulation on the pool
// first, half stop it at once. Cycles run in child processes, a few per process, so that a V8
// abort (such as `v8::Module::IsGraphAsync must be used on an instantiated module`, from a
// worker stopped while it loads its modules) is counted instead of ending the stress. Prints one
// line per thread count, with the aborts, and exits 1 if there was any.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** Cycles per child process: enough to amortise its start, few enough to lose little to an abort. */
const PER_PROCESS = 10;

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '16,64' },
    cycles: { type: 'string', default: '200' },
    package: { type: 'string', default: fileURLToPath(new URL('..', import.meta.url)) },
    source: { type: 'boolean', default: false },
    child: { type: 'string' },
    first: { type: 'string', default: '0' },
  },
});
const packageDir = values.package;

if (values.child !== undefined) {
  // A child: `--child T` runs cycles `first .. first + cycles - 1` with pools of T threads and
  // prints one line per completed cycle.
  const estimators = (await import(
    values.source
      ? new URL('../src/estimators/index.ts', import.meta.url).href
      : pathToFileURL(join(packageDir, 'dist/src/estimators/index.js')).href
  )) as typeof import('../src/estimators/index.ts');
  const threads = Number(values.child);
  const first = Number(values.first);
  for (let cycle = first; cycle < first + Number(values.cycles); cycle++) {
    const pool = estimators.createSimulationPool(threads);
    if (cycle % 2 === 0) {
      await estimators.simulate({
        scheme: 'grpo',
        M: 8,
        policy: 'bernoulli:p=0.3',
        groups: 10,
        seed: cycle,
        pool,
      });
    }
    await pool.destroy();
    process.stdout.write(`cycle ${cycle} done\n`);
  }
} else {
  let aborted = 0;
  for (const threads of values.threads.split(',').map(Number)) {
    const cycles = Number(values.cycles);
    let done = 0;
    let aborts = 0;
    let failures = 0;
    const started = performance.now();
    while (done < cycles) {
      const run = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          fileURLToPath(import.meta.url),
          '--child',
          String(threads),
          '--first',
          String(done),
          '--cycles',
          String(Math.min(PER_PROCESS, cycles - done)),
          '--package',
          packageDir,
          ...(values.source ? ['--source'] : []),
        ],
        { encoding: 'utf8' },
      );
      const completed = run.stdout.split('\n').filter((line) => line.endsWith(' done')).length;
      done += completed;
      if (run.status === 0) continue;
      // The cycle that was running when the child ended counts as one.
      done++;
      if (run.signal === 'SIGABRT' || run.status === 134 || /FATAL ERROR/.test(run.stderr)) {
        aborts++;
      } else {
        failures++;
        process.stderr.write(`threads ${threads}: child exited ${run.status}: ${run.stderr}\n`);
      }
    }
    aborted += aborts + failures;
    console.log(
      `threads ${threads}: ${cycles} start/stop cycles, ${aborts} aborts, ${failures} other failures (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  process.exitCode = aborted === 0 ? 0 : 1;
}

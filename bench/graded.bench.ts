// `objective` on reward classes (docs/theory.md §10) at the speed targets, one core, this
// process only: three levels at M = 64 on a 21-per-side simplex grid (231 points) within 2 s,
// four classes at M = 32 on the same grid (1771 points) within 5 s, each for a scheme that is
// not closed (curl only) and one that is (the potential J at every point, and its form).
// Wall time and this process's CPU time side by side, with the machine's load: on a busy
// machine the CPU time is the figure to read.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { gradedObjective } from '../src/graded/index.ts';

const CASES = [
  {
    name: 'three levels',
    levels: [0, 0.5, 1],
    M: 64,
    targetSeconds: 2,
    schemes: ['grpo:eps=1e-6', 'dr-grpo'],
  },
  {
    name: 'four classes (two reward functions)',
    rewardFunctions: 2,
    M: 32,
    targetSeconds: 5,
    schemes: ['trl-grpo', 'trl-grpo:aggregation=normalize_then_sum'],
  },
];

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (1, 5, 15 min)`,
);
gradedObjective({ scheme: 'grpo', M: 8, levels: [0, 0.5, 1], grid: 5 }); // warm the JIT
let failed = false;
for (const { name, schemes, targetSeconds, ...classes } of CASES) {
  for (const spec of schemes) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const report = gradedObjective({ ...classes, scheme: spec, grid: 21 });
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const ok = seconds <= targetSeconds && report.points.length >= 231;
    if (!ok) failed = true;
    console.log(
      `${name}, M = ${classes.M}, ${spec}: ${report.points.length} points, ${report.closed ? 'closed (J at every point)' : 'not closed'}: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (target <= ${targetSeconds} s) ${ok ? 'ok' : 'SLOW'}`,
    );
  }
}
process.exitCode = failed ? 1 : 0;

// objectivePoints at the speed targets (one core, this process only):
// M = 4096 with 1000 points in under 1 s, and M = 100000 with 100 points in under 5 s,
// for every catalogue scheme's c table from scheme().
import { performance } from 'node:perf_hooks';
import { objectivePoints } from '../src/objective/index.ts';
import { CATALOGUE_SPECS, scheme } from '../src/schemes/index.ts';

const SPECS = [...CATALOGUE_SPECS, 'verl-grpo', 'design:target=arcsin'];
const CASES = [
  { M: 4096, points: 1000, targetSeconds: 1 },
  { M: 100000, points: 100, targetSeconds: 5 },
];

let failed = false;
for (const { M, points, targetSeconds } of CASES) {
  const ts = Array.from({ length: points }, (_, i) => (i + 0.5) / points);
  for (const spec of SPECS) {
    const c = scheme(spec, M).c;
    objectivePoints(c, ts.slice(0, 5)); // warm the JIT
    const start = performance.now();
    const result = objectivePoints(c, ts);
    const seconds = (performance.now() - start) / 1000;
    const ok =
      seconds < targetSeconds && result.every((p) => Number.isFinite(p.h) && Number.isFinite(p.dh));
    if (!ok) failed = true;
    console.log(
      `objectivePoints ${spec.padEnd(22)} M=${String(M).padStart(6)} points=${String(points).padStart(4)}: ${(seconds * 1000).toFixed(1).padStart(7)} ms (target < ${targetSeconds} s) ${ok ? 'ok' : 'SLOW'}`,
    );
  }
}
process.exitCode = failed ? 1 : 0;

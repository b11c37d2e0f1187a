// The false-fail total of this `npm test`: vitest runs this file alone, after every other test
// file has finished (its project's sequence.groupOrder in vitest.config.ts), and adds up the
// registry of the run (false-fail.ts). Every test file of the run must have left its record,
// so a file whose registrations were lost fails here instead of being left out of the total.
// Deterministic: false-fail rate 0.
import { describe, expect, inject, it } from 'vitest';
import { checkRun, readRun, SUITE_BUDGET } from './registry.ts';

describe('the false-fail registry of this run', () => {
  it(`covers every test file that ran and adds up to at most ${SUITE_BUDGET.toExponential()}`, () => {
    const run = readRun(inject('falseFailDir'));
    const self = expect.getState().testPath!;
    const { total, registrations, problems } = checkRun(run, self);
    const byFile = [...run.recorded]
      .map(([file, entries]) => ({ file, rate: entries.reduce((s, e) => s + e.rate, 0) }))
      .filter((f) => f.rate > 0)
      .sort((x, y) => y.rate - x.rate);
    console.log(
      `false-fail registry: ${registrations} registrations in ${byFile.length} of ${run.runFiles.length} test files, total ${total.toExponential(2)} (budget ${SUITE_BUDGET.toExponential()})\n${byFile
        .map((f) => `  ${f.rate.toExponential(2)}  ${f.file}`)
        .join('\n')}`,
    );
    expect(problems).toEqual([]);
  });
});

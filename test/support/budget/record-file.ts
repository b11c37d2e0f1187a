// vitest setupFiles entry: runs in the worker before each test file and creates the file's
// false-fail record, with its name as the first line. Every test file of the run so leaves a
// record, even one without a Monte Carlo assertion or with every test skipped, and total.test.ts
// can tell a file whose record is missing from a file that registered nothing. A file run again
// in the same vitest process (watch mode) starts its record afresh.
import { writeFileSync } from 'node:fs';
import { currentRecord } from './false-fail.ts';

const { file, path } = currentRecord();
writeFileSync(path, `${JSON.stringify({ file })}\n`);

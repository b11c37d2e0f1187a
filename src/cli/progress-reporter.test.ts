import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Check } from '../verify/index.ts';
import { progressReporter } from './progress-reporter.ts';

const check = (id: string) => ({ id, kind: 'deterministic', M: 4 }) as unknown as Check;

describe('progressReporter without a terminal', () => {
  it('writes one line per check, when it ends', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let text = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const checks = [check('a'), check('b'), check('c')];
    const progress = progressReporter(stream, checks);
    checks.forEach((c, i) => {
      progress.start(c, i, checks.length);
      progress.advance(0.5);
      progress.done({ id: c.id, seconds: 0.25 });
    });
    progress.stop();
    expect(text.split('\n').filter((line) => line !== '')).toEqual([
      '[1/3] a done in 0.25 s',
      '[2/3] b done in 0.25 s',
      '[3/3] c done in 0.25 s',
    ]);
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { resumeCommand } from './checkpointed-run.ts';

describe('resumeCommand', () => {
  it('appends --resume once and leaves plain words unquoted', () => {
    expect(resumeCommand(['verify', '--quick', '--out', 'out/run-1'])).toBe(
      'rl-objective verify --quick --out out/run-1 --resume',
    );
    expect(resumeCommand(['verify', '--resume'])).toBe('rl-objective verify --resume');
  });

  it('quotes words a shell would split or interpret, and the shell gives them back', () => {
    const args = [
      'simulate',
      '--policy',
      'softmax:logits=0;1,correct=0',
      '--scheme',
      `it's "quoted" $HOME`,
      '',
    ];
    const line = resumeCommand(args);
    expect(line).toContain(`'softmax:logits=0;1,correct=0'`);
    // The shell splits the line back into exactly the arguments (echoed one per line by node).
    const echoed = execFileSync('sh', [
      '-c',
      `${line.replace(/^rl-objective/, `"${process.execPath}" -e 'console.log(JSON.stringify(process.argv.slice(1)))'`)}`,
    ]);
    expect(JSON.parse(String(echoed))).toEqual([...args, '--resume']);
  });
});

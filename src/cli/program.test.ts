import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli/run-cli.ts';
import { helpAsOption } from './program.ts';

describe('rl-objective --version', () => {
  it("prints package.json's version and exits 0, as -V does", () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    for (const flag of ['--version', '-V']) {
      const run = runCli([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });
});

describe('helpAsOption', () => {
  it('turns help <command> into <command> --help and leaves everything else alone', () => {
    expect(helpAsOption(['help', 'objective'])).toEqual(['objective', '--help']);
    expect(helpAsOption(['help'])).toEqual(['help']);
    expect(helpAsOption(['objective', '--scheme', 'help'])).toEqual([
      'objective',
      '--scheme',
      'help',
    ]);
  });

  it('gives `help objective` the scheme catalogue, as `objective --help` has it', () => {
    const viaCommand = runCli(['help', 'objective']);
    const viaOption = runCli(['objective', '--help']);
    expect(viaCommand.status).toBe(0);
    expect(viaCommand.stdout).toContain('\nSchemes:\nreinforce ');
    expect(viaCommand.stdout).toBe(viaOption.stdout);
  });
});

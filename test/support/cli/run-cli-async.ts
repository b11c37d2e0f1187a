import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_NODE_ARGS, type CliRun } from './run-cli.ts';

/** A finished run of {@link runCliAsync}, with what {@link interruptAtChunk} saw. */
export interface InterruptedRun extends CliRun {
  /** Chunks in the checkpoint's run identity. */
  readonly total: number;
  /** The chunk count at which SIGINT was to be sent, `pick(total)`. */
  readonly target: number;
  /** Completed chunks the run had recorded when SIGINT was sent. */
  readonly recorded: number;
}

/**
 * Runs `rl-objective ...args` in a child process without blocking this one (so that tests can
 * watch it and signal it), and captures its exit status and output. With `shell`, `args` is one
 * command line quoted for a POSIX shell (e.g. one the CLI printed), parsed by `sh`.
 */
export function runCliAsync(
  args: readonly string[] | { readonly shell: string },
  options: {
    env?: NodeJS.ProcessEnv;
    onStart?: (kill: (signal: NodeJS.Signals) => void) => void;
  } = {},
): Promise<CliRun> {
  const env = { ...process.env, FORCE_COLOR: '0', ...options.env };
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe'];
  const child =
    'shell' in args
      ? spawn('sh', ['-c', `exec "$0" "$@" ${args.shell}`, process.execPath, ...CLI_NODE_ARGS], {
          env,
          stdio,
        })
      : spawn(process.execPath, [...CLI_NODE_ARGS, ...args], { env, stdio });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  options.onStart?.((signal) => child.kill(signal));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Runs `rl-objective ...args`, watches the checkpoint directory `dir` for completed chunk files
 * (`chunk-NNNNNN.json`), and sends `signal` (SIGINT by default; SIGKILL for a crash) as soon as
 * `pick(total)` of them are there, `total` being the run's chunk count from `run.json` (`pick`
 * is called once): an interruption at a chosen completed chunk, wherever the run is in its work.
 * Polls every 5 ms.
 */
export async function interruptAtChunk(
  args: readonly string[],
  dir: string,
  pick: (total: number) => number,
  signal: NodeJS.Signals = 'SIGINT',
): Promise<InterruptedRun> {
  let total = 0;
  let target = 0;
  let recorded = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = await runCliAsync(args, {
    onStart(kill) {
      timer = setInterval(() => {
        if (total === 0 && existsSync(join(dir, 'run.json'))) {
          total = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).identity.chunks;
          target = pick(total);
        }
        if (total === 0) return;
        const count = readdirSync(dir).filter((name) => /^chunk-\d+\.json$/.test(name)).length;
        if (count >= target) {
          recorded = count;
          clearInterval(timer);
          kill(signal);
        }
      }, 5);
    },
  });
  clearInterval(timer);
  return { ...run, total, target, recorded };
}

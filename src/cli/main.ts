import { fail } from './exit-codes.ts';
import { runProgram } from './program.ts';

// As PID 1 (the command of a container) node has no default action for SIGTERM, so a pod deleted
// while the CLI starts up would keep running until a run installs its own handler. Until then,
// and again once a run has taken the first SIGTERM, a SIGTERM ends the process as it would
// elsewhere (128 + 15).
if (process.pid === 1) {
  process.on('SIGTERM', () => {
    if (process.listenerCount('SIGTERM') === 1) process.exit(143);
  });
}

// A reader that stops early (`rl-objective verify --json | head`) closes the pipe. That is the
// reader's choice, not a failure of the run: the rest of the output is dropped and the exit status
// stays the run's own. Anything else on stdout is a real error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') {
    process.exitCode = fail(error);
  }
});

// The CLI entry point: every error, expected or not, ends as one line on stderr.
await runProgram(process.argv.slice(2));

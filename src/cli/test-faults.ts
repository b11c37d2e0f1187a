import { InputError } from '../errors/index.ts';
import type { Fault, FaultPlan } from '../estimators/index.ts';

/** The environment variable of the CLI's fault hook ({@link testFaults}). */
export const TEST_FAULT_VARIABLE = 'RL_OBJECTIVE_TEST_FAULT';

/**
 * **Test hook, never for production use.** The `faults` option of `simulate` and `verify` from
 * `RL_OBJECTIVE_TEST_FAULT=MODE:CHUNKS[:TIMES]` (e.g. `throw:3`, `exit:3,7:2`), so that tests of
 * the CLI's retries and resumes can break chunks of a run in another process: attempt `attempt`
 * (0-based) of chunk `chunk` fails when `chunk` is one of the comma-separated `CHUNKS` and
 * `attempt < TIMES` (default 1, so the retry succeeds). `MODE` `throw` makes the task throw,
 * `exit` makes its worker thread exit (in this thread, where exiting would end the process, it
 * throws instead).
 *
 * Read once, when a command starts, and handed to the library as a dependency: the library never
 * reads the environment. Unset or empty (the normal case) gives `{}`; a malformed value is an
 * {@link InputError}, so a typo cannot pass silently.
 */
export function testFaults(env: NodeJS.ProcessEnv = process.env): { faults?: FaultPlan } {
  const text = env[TEST_FAULT_VARIABLE];
  if (text === undefined || text === '') return {};
  const match = /^(throw|exit):(\d+(?:,\d+)*)(?::(\d+))?$/.exec(text);
  if (match === null) {
    throw new InputError(
      `${TEST_FAULT_VARIABLE} must be MODE:CHUNKS[:TIMES] with MODE throw or exit, e.g. throw:3 or exit:3,7:2; got '${text}'`,
    );
  }
  const mode = match[1] as Fault;
  const chunks = match[2]!.split(',').map(Number);
  const times = match[3] === undefined ? 1 : Number(match[3]);
  return {
    faults: (chunk, attempt) => (chunks.includes(chunk) && attempt < times ? mode : undefined),
  };
}

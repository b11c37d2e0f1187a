import { InputError } from '../errors/index.ts';
import type { TwoPathOptions } from '../estimators/index.ts';
import { runChunkedCommand } from './checkpointed-run.ts';
import { EXIT_OF_OUTCOME } from './exit-codes.ts';

const PROGRESS = 'two-path [{bar}] {percentage}% | {value}/{total} nodes | ETA {eta_formatted}';

/**
 * `simulate --two-path` (docs/theory.md §10): the library's `twoPathTest`, interruptible, with a
 * progress bar over its node simulations, printed as text or JSON. The exit status is that of
 * the simulation against the exact difference (0 agree, 1 disagree, 3 too few groups), whatever
 * the finding on closedness, which the output states.
 */
export async function runTwoPath(
  options: TwoPathOptions,
  flags: { readonly json?: boolean; readonly checkpoint?: string; readonly resume?: boolean },
): Promise<void> {
  if (flags.checkpoint !== undefined || flags.resume) {
    throw new InputError('--two-path runs its node simulations without a checkpoint');
  }
  const [lib, format] = await Promise.all([
    import('../estimators/index.ts'),
    import('./format-two-path.ts'),
  ]);
  await runChunkedCommand(
    'simulate --two-path',
    PROGRESS,
    (events, progress) =>
      lib.twoPathTest({ ...options, signal: events.signal, onProgress: progress }),
    (result) => {
      const json = flags.json && `${JSON.stringify(format.twoPathJson(result))}\n`;
      process.stdout.write(json || format.twoPathText(result));
      process.exitCode = EXIT_OF_OUTCOME[result.outcome];
    },
  );
}

import type { Command } from 'commander';
import { TRAIN_DEFAULTS } from '../../defaults/index.ts';
import { InputError, parseNumber as number, requirePositiveInteger } from '../../errors/index.ts';
import { type CheckpointFlags, checkpointFlags, checkpointOptions } from '../checkpoint-flags.ts';
import { EXIT_OF_OUTCOME } from '../exit-codes.ts';
import { TRAIN_HELP } from '../help.ts';
import { shownPath } from '../output.ts';
import { directoryFlag } from '../parse-flags.ts';

interface TrainFlags extends CheckpointFlags {
  scheme: string[];
  M: string;
  corpus: string;
  steps: string;
  batch: string;
  lr: string;
  seeds: string;
  record?: string;
  k: string;
  seed: string;
  threads: string;
  out?: string;
  json?: boolean;
}

const PROGRESS = 'train [{bar}] {percentage}% | {value}/{total} seed paths | ETA {eta_formatted}';

/**
 * Registers `rl-objective train`: a thin shell over the library's `train` (docs/theory.md §8),
 * imported when the command runs. `--checkpoint DIR` keeps completed chunks, `--resume`
 * continues, SIGINT/SIGTERM stop with exit 130 and print the command that resumes.
 */
export function registerTrain(root: Command): void {
  const d = TRAIN_DEFAULTS;
  const command = root
    .command('train')
    .description(
      'Algorithm 1 as SGA on a corpus: learning curves per scheme, the mean field, and a check of the path against the closed-form gradient',
    )
    .option(
      '--scheme <spec>',
      'weight scheme, repeatable (e.g. --scheme grpo --scheme passk:k=4)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--M <n>', 'group size', String(d.M))
    .requiredOption(
      '--corpus <spec>',
      'tabular:prompts=N,alpha=A,beta=B or shared:prompts=N,dim=d,alpha=A,beta=B',
    )
    .option('--steps <T>', 'SGA steps', String(d.steps))
    .option('--batch <B>', 'prompts per step', String(d.batch))
    .requiredOption('--lr <eta>', 'learning rate (> 0)')
    .option('--seeds <R>', 'independent runs per scheme (at least 2)', String(d.seeds))
    .option('--record <r>', 'record every r steps (and always steps 0 and T); default ceil(T/100)')
    .option('--k <list>', 'pass@k levels, comma separated', d.k.join(','))
    .option('--seed <s>', 'run seed (paths, and a shared corpus features)', String(d.seed))
    .option('--threads <n>', 'worker threads', String(d.threads))
    .option('--out <DIR>', 'write train.json, train.md, index.html and figures/*.svg into DIR')
    .option(
      '--json',
      'print {"config","steps","schemes":[{"scheme","meanP","passAtK","hardest","meanField","check"}]}',
    );
  checkpointOptions(command)
    .addHelpText('after', TRAIN_HELP)
    .action(async (flags: TrainFlags) => {
      if (flags.scheme.length === 0) throw new InputError('train needs at least one --scheme');
      const input = {
        schemes: flags.scheme,
        M: number('--M', flags.M),
        corpus: flags.corpus,
        steps: number('--steps', flags.steps),
        batch: number('--batch', flags.batch),
        lr: number('--lr', flags.lr),
        seeds: number('--seeds', flags.seeds),
        record: flags.record === undefined ? undefined : number('--record', flags.record),
        k: flags.k.split(',').map((v) => number('--k', v)),
        seed: flags.seed,
      };
      const threads = requirePositiveInteger('--threads', number('--threads', flags.threads));
      const command = `rl-objective ${process.argv.slice(2).join(' ')}`;
      const out = directoryFlag('--out', flags.out);
      const options = { ...input, ...checkpointFlags(flags), threads, out, command };
      const [lib, { runChunkedCommand }, { trainText }] = await Promise.all([
        import('../../dynamics/index.ts'),
        import('../checkpointed-run.ts'),
        import('../format-train.ts'),
      ]);
      await runChunkedCommand(
        'train',
        PROGRESS,
        (events, progress) =>
          lib.train({ ...options, ...events, onProgress: (p) => progress(p.seedsDone, p.seeds) }),
        (result) => {
          const out = flags.out && shownPath(lib.trainReportFiles(flags.out).html);
          const json = flags.json && `${JSON.stringify(lib.trainJson(result))}\n`;
          process.stdout.write(json || trainText(result, lib.trainSummaryLine(result), out));
          process.exitCode = EXIT_OF_OUTCOME[result.outcome];
        },
      );
    });
}

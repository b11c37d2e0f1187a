import type { Command } from 'commander';
import { InputError } from '../../errors/input-error.ts';
import { parseNumber } from '../../errors/require.ts';
import type { SimulationInput, SimulationResult } from '../../estimators/index.ts';
import { EXIT_OF_OUTCOME } from '../exit-codes.ts';
import { type CheckpointFlags, checkpointOptions, requireCheckpointDir } from '../output-lock.ts';

interface SimulateFlags extends CheckpointFlags {
  estimator: string;
  scheme?: string;
  M?: string;
  B?: string;
  maxDraws?: string;
  policy: string;
  groups: string;
  seed: string;
  threads: string;
  alpha?: string;
  chunkGroups?: string;
  json?: boolean;
}

const EXAMPLES = `
Policies: bernoulli:p=0.3 | bernoulli:theta=-0.5 | softmax:logits=0.1;-0.4;0.3;0,correct=0;2
          sequence:V=4,L=3,r=1,seed=7 | JSON inline or @file.json (a corpus is JSON only)
          (quote specs that contain ';' in the shell)

Examples:
  rl-objective simulate --scheme grpo --M 8 --policy bernoulli:p=0.3 --groups 1e6
  rl-objective simulate --scheme rs --M 4 --policy 'softmax:logits=0;1;2;3,correct=1' --groups 2e5 --threads 2 --json
  rl-objective simulate --estimator pure-rs --B 4 --policy bernoulli:p=0.2 --groups 1e5
  rl-objective simulate --scheme grpo --M 8 --policy bernoulli:p=0.3 --groups 1e9 --checkpoint run-1
    (Ctrl-C keeps the completed chunks in run-1; the same command with --resume continues)

Exit status: 0 if the estimate agrees with the closed form, 1 if not, 2 for bad input,
3 if --groups is too small for a verdict (it says how many would do), 70 if a chunk failed
twice, 130 when interrupted (SIGINT or SIGTERM).`;

/**
 * Registers `rl-objective simulate`: Algorithm 1 with a weight scheme, or pure rejection
 * sampling, simulated response by response and compared with its closed form (docs/theory.md §1,
 * §4–6). A thin shell over `simulate` (imported when the command runs, so that `--help` starts
 * fast) inside `runCheckpointed`: `--checkpoint DIR` keeps every completed chunk in DIR,
 * SIGINT/SIGTERM stop with exit 130 and print the command that resumes, `--resume` continues.
 */
export function registerSimulate(root: Command): void {
  const command = root
    .command('simulate')
    .description(
      "Monte Carlo check of the expected update: Algorithm 1 against h_M'(p) grad p, pure-rs against grad log p",
    )
    .option('--estimator <name>', 'algorithm1 or pure-rs', 'algorithm1')
    .option('--scheme <spec>', 'weight scheme (algorithm1), e.g. grpo:std=sample')
    .option('--M <n>', 'group size (algorithm1)')
    .option('--B <n>', 'correct answers per group (pure-rs)')
    .option('--max-draws <n>', 'per-group draw cap (pure-rs), default 1e8')
    .requiredOption('--policy <spec>', 'policy short form, JSON, or @file.json')
    .requiredOption('--groups <n>', 'number of groups, a positive integer (1e6 allowed)')
    .option('--seed <s>', 'run seed', '0')
    .option('--threads <n>', 'worker threads', '1')
    .option('--alpha <a>', 'family-wise false-fail rate of the run', '1e-6')
    .option(
      '--chunk-groups <n>',
      'groups per chunk (fixes the chunking; default from the work per group)',
    )
    .option(
      '--json',
      'print {"estimate","stderr","closedForm","z","resolution","agree","outcome","groupsNeeded","groups","responses","seconds","responsesPerSecond"} (+ "meanDraws" for pure-rs)',
    );
  checkpointOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: SimulateFlags) => {
      const number = (name: string, text: string | undefined) =>
        text === undefined ? undefined : parseNumber(name, text);
      const input: SimulationInput = {
        estimator: flags.estimator,
        scheme: flags.scheme,
        M: number('--M', flags.M),
        B: number('--B', flags.B),
        maxDraws: number('--max-draws', flags.maxDraws),
        policy: flags.policy,
        groups: number('--groups', flags.groups)!,
        seed: flags.seed,
        chunkGroups: number('--chunk-groups', flags.chunkGroups),
      };
      const alpha = number('--alpha', flags.alpha)!;
      if (!(alpha > 0 && alpha < 1))
        throw new InputError(`--alpha must be in (0, 1), got ${flags.alpha}`);
      const threads = number('--threads', flags.threads)!;
      requireCheckpointDir(flags);
      const [{ chunkCount, parseChunkResult, resolveSimulation, simulate }, { runChunkedCommand }] =
        await Promise.all([import('../../estimators/index.ts'), import('../checkpointed-run.ts')]);
      const config = resolveSimulation(input);
      await runChunkedCommand(
        {
          command: 'simulate',
          flags,
          run: () => ({ kind: 'simulate', config, seed: config.seed, chunks: chunkCount(config) }),
          progress: 'simulate [{bar}] {percentage}% | {value}/{total} groups | ETA {eta_formatted}',
        },
        (run) =>
          simulate(config, {
            threads,
            alpha,
            signal: run.signal,
            completed: [...run.completed].map(([index, stored]) =>
              parseChunkResult(stored, index, `checkpoint '${flags.checkpoint}': chunk ${index}`),
            ),
            onChunk: (chunk) => run.onChunk(chunk.first, chunk),
            onRetry: run.onRetry,
            onProgress: (p) => run.onProgress(p.groupsDone, p.groups),
          }),
        (result: SimulationResult) => {
          process.stdout.write(
            flags.json ? `${JSON.stringify(jsonOutput(result))}\n` : text(result),
          );
          process.exitCode = EXIT_OF_OUTCOME[result.outcome];
        },
      );
    });
}

function jsonOutput(r: SimulationResult) {
  return {
    estimate: r.estimate,
    stderr: r.stderr,
    closedForm: r.closedForm,
    z: r.z,
    resolution: r.resolution,
    agree: r.agree,
    outcome: r.outcome,
    groupsNeeded: r.groupsNeeded,
    groups: r.groups,
    responses: r.responses,
    seconds: r.seconds,
    responsesPerSecond: r.responsesPerSecond,
    ...(r.draws ? { meanDraws: r.draws.mean } : {}),
  };
}

function text(r: SimulationResult): string {
  const c = r.config;
  const what =
    c.estimator === 'algorithm1'
      ? `algorithm1, scheme ${c.scheme}, M = ${c.M}`
      : `pure-rs, B = ${c.B}`;
  const fmt = (x: number) => String(Number(x.toPrecision(8)));
  const header = ['param', 'estimate', 'stderr', 'closedForm', 'z', '±resolution'];
  const rows = r.estimate.map((e, j) => [
    String(j),
    fmt(e),
    fmt(r.stderr[j]!),
    fmt(r.closedForm[j]!),
    fmt(r.z[j]!),
    fmt(r.resolution[j]!),
  ]);
  if (r.draws) {
    const d = r.draws;
    rows.push(['draws', fmt(d.mean), fmt(d.stderr), fmt(d.expected), fmt(d.z), fmt(d.resolution)]);
  }
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j]!.length)));
  const line = (row: readonly string[]) =>
    row.map((cell, j) => cell.padStart(widths[j]!)).join('  ');
  const maxZ = Math.max(...r.z.map(Math.abs), r.draws ? Math.abs(r.draws.z) : 0);
  return [
    `${what}, ${r.groups} groups, ${r.responses} responses in ${r.seconds.toFixed(2)} s (${r.responsesPerSecond.toExponential(2)}/s)`,
    line(header),
    ...rows.map(line),
    r.outcome === 'insufficient'
      ? `NO VERDICT: ${r.groups} groups are too few for the normal approximation behind z at threshold ${fmt(r.threshold)} (a rare event or a skewed update); rerun with --groups ${r.groupsNeeded} or more`
      : `${r.agree ? 'agrees' : 'DISAGREES'}: max |z| = ${fmt(maxZ)}, threshold ${fmt(r.threshold)} (alpha ${r.alpha}, Holm over ${rows.length} comparisons); resolution at beta ${r.beta}`,
    '',
  ].join('\n');
}

import { oneLine } from '../errors/one-line.ts';

/**
 * A chunk that failed twice (its first attempt and its one retry): the run cannot complete.
 * The message is one line naming the chunk and what it belongs to, e.g.
 * `chunk 17 (check 'weighted-gradient/rloo/M=2/bernoulli', its chunk 2) failed twice: worker
 * exited with code: 1`. Completed chunks stay valid: a checkpointed run can be resumed.
 */
export class ChunkFailure extends Error {
  override name = 'ChunkFailure';

  /**
   * @param chunk the chunk's index in the run (battery-wide for `verify`)
   * @param where the chunk as a phrase for messages, e.g. `chunk 17 (check 'x', its chunk 2)`
   * @param cause the error of the second attempt
   */
  constructor(
    readonly chunk: number,
    where: string,
    cause: unknown,
  ) {
    super(
      `${where} failed twice: ${oneLine(cause instanceof Error ? cause.message : String(cause))}`,
      { cause },
    );
  }
}

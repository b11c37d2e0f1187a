import { InputError, lazySchema, quote } from '../errors/index.ts';
import {
  levelClasses,
  MAX_REWARD_CLASSES,
  type RewardClasses,
  rewardFunctionClasses,
} from '../rewards/index.ts';
import { parseTraceGroup, traceRecords } from './audit-traces.ts';
import type { ClassGroup } from './graded-types.ts';

const gradedGroup = lazySchema((z) =>
  z.object({
    rewards: z.array(z.union([z.number(), z.array(z.number())])),
    advantages: z.array(z.number()),
    batch: z.union([z.string(), z.number()]).optional(),
  }),
);

/** One line of a trace with graded rewards or reward vectors, shape-checked. */
export interface GradedTraceLine {
  readonly line: number;
  readonly rewards: readonly (number | readonly number[])[];
  readonly advantages: readonly number[];
  readonly batch?: string;
}

/**
 * Parses one line of a JSONL trace on reward classes (docs/theory.md §10): `{"rewards": [...],
 * "advantages": [...], "batch"?: id}`, the rewards all scalars (graded) or all vectors (one entry
 * per reward function, each 0 or 1). Returns `undefined` for a blank line. Throws an InputError
 * naming the file and line for a line that is not JSON, not that shape, an empty or too large
 * group, a line mixing scalars and vectors, ragged vectors, a vector entry other than 0 or 1, or
 * as many advantages as rewards.
 */
export function parseGradedTraceLine(
  text: string,
  line: number,
  source: string,
): GradedTraceLine | undefined {
  const group = parseTraceGroup(
    text,
    line,
    source,
    gradedGroup(),
    '{"rewards": [numbers] or [[0|1, ...], ...], "advantages": [numbers]}',
  );
  if (group === undefined) return undefined;
  const { at, data } = group;
  const { rewards, advantages, batch } = data;
  const vector = Array.isArray(rewards[0]);
  rewards.forEach((r, i) => {
    if (Array.isArray(r) !== vector) {
      throw new InputError(
        `${at}: rewards[${i}] is a ${vector ? 'scalar' : 'vector'} but rewards[0] is a ${vector ? 'vector' : 'scalar'}; a trace gives every reward as a number (graded) or every one as a vector (reward functions)`,
      );
    }
    if (!Array.isArray(r)) return;
    const d = (rewards[0] as number[]).length;
    if (d === 0) {
      throw new InputError(
        `${at}: rewards[0] is an empty vector; a reward vector has one entry per reward function`,
      );
    }
    if (r.length !== d) {
      const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
      throw new InputError(
        `${at}: rewards[${i}] has ${entries(r.length)} but rewards[0] has ${entries(d)}; every reward vector has one entry per reward function`,
      );
    }
    const bad = r.findIndex((x) => x !== 0 && x !== 1);
    if (bad >= 0) {
      throw new InputError(
        `${at}: rewards[${i}][${bad}] is ${r[bad]}; each entry of a reward vector is one binary reward function, 0 or 1`,
      );
    }
  });
  if (advantages.length !== rewards.length) {
    throw new InputError(
      `${at}: ${rewards.length} rewards but ${advantages.length} advantages; the lengths must match`,
    );
  }
  return { line, rewards, advantages, ...(batch !== undefined && { batch: String(batch) }) };
}

/**
 * Reads a whole trace once, before any audit work, and says which reward classes it is on
 * (docs/theory.md §10): the declared ones, each reward checked against them; or, when none are
 * declared, the distinct scalars in increasing order (levels) or the `2^d` classes of `d`-entry
 * vectors. Also checks what only the whole trace shows: every line scalars or every line vectors
 * of one length, at most 64 classes, and every line naming a `batch` or none.
 */
export async function traceClasses(
  file: string,
  declared: RewardClasses | undefined,
): Promise<RewardClasses> {
  const what = `traces ${quote(file)}`;
  const levels = new Set<number>();
  let first: { line: number; d: number | undefined; batch: boolean } | undefined;
  for await (const group of traceRecords(file, parseGradedTraceLine)) {
    const at = `${what} line ${group.line}`;
    const d = Array.isArray(group.rewards[0]) ? (group.rewards[0] as number[]).length : undefined;
    first ??= { line: group.line, d, batch: group.batch !== undefined };
    if (d !== first.d) {
      const kind = (x: number | undefined) => (x === undefined ? 'scalars' : `vectors of ${x}`);
      throw new InputError(
        `${at}: rewards are ${kind(d)} but line ${first.line} has ${kind(first.d)}; a trace gives every reward as a number or every one as a vector of one length`,
      );
    }
    if ((group.batch !== undefined) !== first.batch) {
      throw new InputError(
        `${at}: ${first.batch ? 'no "batch"' : 'a "batch"'} but line ${first.line} ${first.batch ? 'has one' : 'has none'}; give every group a batch or none`,
      );
    }
    if (declared !== undefined) {
      const bad = group.rewards.findIndex((r) => declared.classOf(r) === undefined);
      if (bad >= 0) {
        throw new InputError(
          `${at}: rewards[${bad}] is ${JSON.stringify(group.rewards[bad])}, not one of the declared classes ${declared.labels.join(', ')} (${declared.spec})`,
        );
      }
    } else if (d === undefined) {
      for (const r of group.rewards as number[]) {
        levels.add(r);
        if (levels.size > MAX_REWARD_CLASSES) {
          throw new InputError(
            `${at}: rewards[${(group.rewards as number[]).indexOf(r)}] is the ${levels.size}th distinct reward; at most ${MAX_REWARD_CLASSES} classes are allowed (round the rewards, or declare --levels)`,
          );
        }
      }
    }
  }
  if (declared !== undefined) return declared;
  if (first!.d !== undefined) {
    try {
      return rewardFunctionClasses(first!.d);
    } catch (error) {
      throw new InputError(
        `${what}: reward vectors of ${first!.d} entries: ${(error as Error).message}`,
      );
    }
  }
  if (levels.size < 2) {
    throw new InputError(
      `${what} line ${first!.line}: rewards[0] is ${[...levels][0]}, and so is every reward of the trace; at least 2 classes are needed: declare them with --levels`,
    );
  }
  return levelClasses([...levels].sort((x, y) => x - y));
}

/** The groups of a trace checked by {@link traceClasses}, each response as its class. */
export async function* traceClassGroups(
  file: string,
  classes: RewardClasses,
): AsyncGenerator<ClassGroup> {
  for await (const group of traceRecords(file, parseGradedTraceLine)) {
    yield {
      classes: Int32Array.from(group.rewards, (r) => classes.classOf(r)!),
      advantages: group.advantages,
      where: { line: group.line },
      ...(group.batch !== undefined && { batch: group.batch }),
    };
  }
}

/**
 * Whether a trace needs reward classes: some reward is a vector or a number other than 0 or 1.
 * Lines that are not JSON are skipped here (the binary audit reports them), so that a binary
 * trace is audited, and its errors reported, exactly as before.
 */
export async function hasGradedRewards(file: string): Promise<boolean> {
  const graded = (text: string): true | undefined => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const rewards = (json as { rewards?: unknown } | null)?.rewards;
    if (!Array.isArray(rewards)) return undefined;
    return rewards.some((r) => Array.isArray(r) || (typeof r === 'number' && r !== 0 && r !== 1))
      ? true
      : undefined;
  };
  try {
    for await (const found of traceRecords(file, (text) => graded(text))) return found;
  } catch {
    // A file the binary audit cannot read either: it says why.
  }
  return false;
}

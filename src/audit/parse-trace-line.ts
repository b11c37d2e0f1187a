import { z } from 'zod';
import { InputError, quote } from '../errors/input-error.ts';
import type { ObservedGroup } from './types.ts';

const TraceGroup = z.object({
  rewards: z.array(z.number()),
  advantages: z.array(z.number()),
});

/**
 * Parses one line of a JSONL trace (MATH.md §7, audits of trainers): `{"rewards": [0|1, ...],
 * "advantages": [...]}`, one group per line; other fields (prompt ids, lengths, ...) are ignored.
 *
 * Returns `undefined` for a blank line. Throws an {@link InputError} naming the source and the
 * 1-based line for a line that is not JSON, not an object of two number arrays, has a reward other
 * than 0 or 1, an empty group, or arrays of different lengths.
 */
export function parseTraceLine(
  text: string,
  line: number,
  source: string,
): ObservedGroup | undefined {
  if (text.trim() === '') return undefined;
  const at = `traces ${quote(source)} line ${line}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${at}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = TraceGroup.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(
      `${at}: ${path}${issue.message}; expected {"rewards": [0|1, ...], "advantages": [numbers]}`,
    );
  }
  const { rewards, advantages } = parsed.data;
  if (rewards.length === 0) {
    throw new InputError(`${at}: rewards is empty; a group needs at least one response`);
  }
  const bad = rewards.findIndex((r) => r !== 0 && r !== 1);
  if (bad >= 0) {
    throw new InputError(`${at}: rewards[${bad}] is ${rewards[bad]}; rewards must be 0 or 1`);
  }
  if (advantages.length !== rewards.length) {
    throw new InputError(
      `${at}: ${rewards.length} rewards but ${advantages.length} advantages; the lengths must match`,
    );
  }
  return { rewards, advantages, where: { line } };
}

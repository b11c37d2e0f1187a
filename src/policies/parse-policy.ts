import { firstIssue, InputError, parseNumber, quote, readInputFile } from '../errors/index.ts';
import { parseSpec, SpecReader } from '../grammar/index.ts';
import { type PolicyDescription, policySchemas } from './policy-schema.ts';

/** Separates the items of a list value in a short form: `,` already separates keys. */
export const LIST_SEPARATOR = ';';

/**
 * Reads a policy (docs/theory.md §5) as typed on the command line, into a validated description:
 * - a short form in the spec grammar: `bernoulli:p=0.3`, `bernoulli:theta=-0.5`,
 *   `softmax:logits=0.1;-0.4;0.3;0,correct=0;2` (lists separated by `;`), the same with a graded
 *   reward for each answer instead of `correct` (docs/theory.md §10: `rewards=0;0.5;1`, or with
 *   reward functions one vector per answer, `rewards=0/0;0/1;1/0;1/1`), or
 *   `sequence:V=4,L=3,r=1,seed=7[,scale=1]` (names and keys are case-insensitive, as in every spec);
 * - a JSON object (see `policySchemas`), inline or as `@file.json` (a regular file of at most
 *   256 MiB, read by `readInputFile`); a corpus is JSON only.
 *
 * Every malformed input is an InputError with a one-line message.
 */
export function parsePolicy(text: string): PolicyDescription {
  const trimmed = text.trim();
  if (trimmed.startsWith('@')) {
    const what = `policy file ${quote(trimmed.slice(1))}`;
    return fromJson(readInputFile(trimmed.slice(1), what), what);
  }
  if (trimmed.startsWith('{')) return fromJson(trimmed, 'policy JSON (inline)');
  return fromShortForm(trimmed);
}

function fromJson(text: string, label: string): PolicyDescription {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${label}: ${(error as Error).message}`);
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  const schemas = policySchemas().kinds;
  const kinds = Object.keys(schemas);
  if (typeof value !== 'object' || value === null || !kinds.includes(kind as string)) {
    throw new InputError(`${label}: "kind" must be one of ${kinds.join(', ')}`);
  }
  const parsed = schemas[kind as keyof typeof schemas].safeParse(value);
  if (!parsed.success) throw new InputError(`${label}: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

function fromShortForm(text: string): PolicyDescription {
  const reader = new SpecReader(parseSpec(text, 'policy'), 'policy');
  const name = reader.spec.name;
  let description: PolicyDescription;
  if (name === 'bernoulli') {
    const hasTheta = reader.spec.params.has('theta');
    if (hasTheta && reader.spec.params.has('p')) {
      throw new InputError(`policy ${quote(text)}: give p or theta, not both`);
    }
    description = hasTheta
      ? { kind: 'bernoulli', theta: reader.requiredNumber('theta') }
      : { kind: 'bernoulli', p: reader.requiredNumber('p') };
  } else if (name === 'softmax') {
    const logits = list(reader, 'logits');
    if (reader.spec.params.has('rewards')) {
      if (reader.spec.params.has('correct')) {
        throw new InputError(
          `policy ${quote(text)}: give correct (binary rewards) or rewards (graded), not both`,
        );
      }
      description = { kind: 'softmax', logits, rewards: rewardList(reader) };
    } else {
      const correct = list(reader, 'correct', true);
      description = { kind: 'softmax', logits, correct };
    }
  } else if (name === 'sequence') {
    description = {
      kind: 'sequence',
      V: reader.requiredNumber('v'),
      L: reader.requiredNumber('l'),
      r: reader.number('r', 0),
      seed: reader.string('seed', '0')!,
      scale: reader.number('scale', 1),
    };
  } else if (name === 'corpus') {
    throw new InputError(`policy ${quote(text)}: a corpus is given as JSON, inline or @file.json`);
  } else {
    throw new InputError(
      `policy '${name}' is unknown; allowed: bernoulli, softmax, sequence, corpus (JSON)`,
    );
  }
  reader.done();
  return fromJson(JSON.stringify(description), `policy ${quote(text)}`);
}

/** Separates the entries of one answer's reward vector in a short form: `0/1`. */
const VECTOR_SEPARATOR = '/';

/** `rewards=`: one reward per answer, a number (a level) or `r1/r2/...` (reward functions). */
function rewardList(reader: SpecReader): (number | number[])[] {
  const name = `policy '${reader.spec.name}': rewards`;
  return reader
    .string('rewards')!
    .split(LIST_SEPARATOR)
    .map((item) =>
      item.includes(VECTOR_SEPARATOR)
        ? item.split(VECTOR_SEPARATOR).map((entry) => parseNumber(name, entry))
        : parseNumber(name, item),
    );
}

function list(reader: SpecReader, key: string, allowEmpty = false): number[] {
  const raw = reader.string(key);
  if (raw === undefined) {
    if (allowEmpty) return [];
    throw new InputError(`policy '${reader.spec.name}' needs ${key}=...`);
  }
  return raw
    .split(LIST_SEPARATOR)
    .map((item) => parseNumber(`policy '${reader.spec.name}': ${key}`, item));
}

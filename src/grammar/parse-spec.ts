import { InputError, quote } from '../errors/index.ts';

/** A parsed spec: a name and its `key=value` parameters, in the order written. */
export interface ParsedSpec {
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
}

const NAME = /^[a-z][a-z0-9-]*$/;
const KEY = /^[a-z][a-z0-9-]*$/;

/**
 * Parses the spec grammar shared by the CLI and the API: `name[:key=value[,key=value]...]`,
 * e.g. `grpo:std=sample,eps=1e-6,eps-at=var` or `passk:k=4`.
 *
 * One case rule for every spec (schemes, targets, policies, corpora): names and keys are
 * case-insensitive and read in lower case (`GRPO:STD=sample` is `grpo:std=sample`, and a policy's
 * `V` and `L` can be typed as docs/theory.md writes them); values are kept as typed (a file name
 * is case-sensitive).
 *
 * Only the syntax is checked here; which names, keys and values are allowed is up to the
 * reader of the spec (see {@link SpecReader}). A repeated key is an error.
 *
 * @param text the spec as typed
 * @param what what the spec describes, for error messages (e.g. `scheme`)
 */
export function parseSpec(text: string, what: string): ParsedSpec {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const name = (colon < 0 ? trimmed : trimmed.slice(0, colon)).toLowerCase();
  if (!NAME.test(name)) {
    throw new InputError(
      `${what} spec ${quote(text)}: expected name[:key=value[,key=value]...], got name ${quote(name)}`,
    );
  }
  const params = new Map<string, string>();
  if (colon >= 0) {
    for (const pair of trimmed.slice(colon + 1).split(',')) {
      const eq = pair.indexOf('=');
      const key = (eq < 0 ? pair : pair.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (eq < 0 || !KEY.test(key) || value === '') {
        throw new InputError(`${what} spec ${quote(text)}: expected key=value, got ${quote(pair)}`);
      }
      if (params.has(key)) {
        throw new InputError(`${what} spec ${quote(text)}: key ${quote(key)} is given twice`);
      }
      params.set(key, value);
    }
  }
  return { name, params };
}

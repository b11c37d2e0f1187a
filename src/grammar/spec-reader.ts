import { InputError, parseNumber, quote } from '../errors/index.ts';
import type { ParsedSpec } from './parse-spec.ts';

/**
 * Reads the parameters of a {@link ParsedSpec} with types, defaults and validation, and
 * records the resolved values so that a canonical spec can be printed.
 *
 * Call the typed getters for every key the named thing accepts, then {@link SpecReader.done}:
 * any key that was not asked for is an error listing the allowed keys.
 */
export class SpecReader {
  private readonly asked: string[] = [];
  private readonly resolved: [string, string | number][] = [];

  constructor(
    readonly spec: ParsedSpec,
    private readonly what: string,
  ) {}

  /** A number parameter; `validate` may throw an {@link InputError} naming the key. */
  number(key: string, fallback: number, validate?: (name: string, v: number) => number): number {
    this.asked.push(key);
    const raw = this.spec.params.get(key);
    let value = raw === undefined ? fallback : parseNumber(this.label(key), raw);
    if (validate) value = validate(this.label(key), value);
    this.resolved.push([key, value]);
    return value;
  }

  /** A number parameter with no default: omitting it is an error. */
  requiredNumber(key: string, validate?: (name: string, v: number) => number): number {
    if (!this.spec.params.has(key)) {
      this.asked.push(key);
      throw new InputError(`${this.what} '${this.spec.name}' needs ${key}=...`);
    }
    return this.number(key, Number.NaN, validate);
  }

  /**
   * One of a fixed list of words. `aliases` maps other accepted spellings to one of them (e.g. a
   * trainer's `true` for `group`); the canonical spec records the word it maps to.
   */
  choice<T extends string>(
    key: string,
    allowed: readonly T[],
    fallback: T,
    aliases: Readonly<Record<string, T>> = {},
  ): T {
    this.asked.push(key);
    const raw = this.spec.params.get(key) ?? fallback;
    const value = Object.hasOwn(aliases, raw) ? aliases[raw]! : raw;
    if (!(allowed as readonly string[]).includes(value)) {
      const spellings = Object.keys(aliases);
      const also = spellings.length > 0 ? ` (or ${spellings.join(', ')})` : '';
      throw new InputError(
        `${this.label(key)} must be one of ${allowed.join(', ')}${also}; got ${quote(raw)}`,
      );
    }
    this.resolved.push([key, value]);
    return value as T;
  }

  /** A free-form string (e.g. a file name); `undefined` when absent and no fallback is given. */
  string(key: string, fallback?: string): string | undefined {
    this.asked.push(key);
    const value = this.spec.params.get(key) ?? fallback;
    if (value !== undefined) this.resolved.push([key, value]);
    return value;
  }

  /**
   * Rejects keys that were never asked for, and returns the canonical spec: the name followed
   * by every resolved parameter, defaults included, in the order they were read.
   */
  done(): string {
    for (const key of this.spec.params.keys()) {
      if (!this.asked.includes(key)) {
        const allowed = this.asked.length > 0 ? this.asked.join(', ') : 'none';
        throw new InputError(
          `${this.what} '${this.spec.name}' has no key ${quote(key)}; allowed keys: ${allowed}`,
        );
      }
    }
    if (this.resolved.length === 0) return this.spec.name;
    return `${this.spec.name}:${this.resolved.map(([k, v]) => `${k}=${v}`).join(',')}`;
  }

  private label(key: string): string {
    return `${this.what} '${this.spec.name}': ${key}`;
  }
}

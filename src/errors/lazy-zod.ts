import { createRequire } from 'node:module';

// zod's module graph takes longer to load than most of the library, which needs it only to read
// JSON input (a policy, a checkpoint, a trace). So it is required on first use, synchronously,
// because those readers are synchronous, and every schema is built on first use.
const require = createRequire(import.meta.url);

type Zod = typeof import('zod')['z'];

/**
 * A schema built with zod on its first use and kept: `lazySchema((z) => z.object({...}))` returns
 * the function that gives it. zod itself is required on the first call of any such function.
 */
export function lazySchema<T>(build: (z: Zod) => T): () => T {
  let schema: T | undefined;
  return () => {
    schema ??= build((require('zod') as typeof import('zod')).z);
    return schema;
  };
}

/**
 * The first thing a failed zod parse found wrong, as one line: its path, if any, and its message,
 * e.g. `gradient.mean: Expected array, received string`.
 */
export function firstIssue(error: {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}): string {
  const issue = error.issues[0]!;
  const at = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${at}${issue.message.split('\n')[0]}`;
}

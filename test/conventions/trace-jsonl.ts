/**
 * Writes groups as a JSONL trace in the format `rl-objective audit --traces` reads (docs/theory.md §7):
 * one `{"rewards", "advantages", ...extra}` object per line, the extra fields (e.g. a prompt id or
 * response lengths) being what a real trainer dump carries and the audit ignores.
 */
export function traceJsonl(
  groups: readonly (readonly number[])[],
  advantages: readonly (readonly number[])[],
  extra: (index: number) => Record<string, unknown> = () => ({}),
): string {
  return groups
    .map((rewards, n) => `${JSON.stringify({ ...extra(n), rewards, advantages: advantages[n] })}\n`)
    .join('');
}

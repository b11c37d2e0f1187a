import type { AuditOptions, AuditSource, ClassAuditResult } from '../audit/index.ts';
import type { RewardClassOptions } from '../rewards/index.ts';
import { EXIT } from './exit-codes.ts';

/**
 * Runs `audit` on reward classes (docs/theory.md §10) when the flags declare them, the trace has
 * graded rewards or reward vectors, or `--expect closed` asks for the field verdict: calls the
 * library's `auditClasses`, prints its report (text, or JSON with `--json`) and sets the exit
 * status: 0 count form (and closed, with `--expect closed`), 1 not count form or not closed, 3 no
 * field verdict for `--expect closed`. Returns false, doing nothing, for a binary audit.
 */
export async function runClassAudit(
  source: AuditSource,
  options: AuditOptions,
  classes: RewardClassOptions | undefined,
  json: boolean,
): Promise<boolean> {
  if (typeof source === 'function' || 'table' in source) return false;
  const lib = await import('../audit/index.ts');
  const expect = options.expect === 'closed';
  if (!expect && !(await lib.usesRewardClasses(source, classes ?? {}))) return false;
  const { relTol, M, samples, seed, array, python, timeout, progress } = options;
  const result: ClassAuditResult = await lib.auditClasses(source, {
    ...classes,
    ...(expect && { expect: 'closed' }),
    ...{ relTol, M, samples, seed, array, python, timeout, progress },
  });
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : lib.formatClassAudit(result));
  const countForm = result.countForm || result.batchFactor !== undefined;
  const met = result.expectation?.met;
  process.exitCode =
    !countForm || met === false ? EXIT.disagree : met === null ? EXIT.insufficient : EXIT.ok;
  return true;
}

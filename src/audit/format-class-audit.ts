import { formatBetaFit } from '../objective/index.ts';
import type { ClassAuditResult } from './class-audit.ts';

const SHOWN_VIOLATIONS = 5;
const SHOWN_MISSING = 5;

/**
 * The human-readable audit on reward classes (docs/theory.md §10) that `rl-objective audit`
 * prints without `--json`: the classes (and whether they were inferred), the generalized
 * count-form verdict with its violations or the factor per batch, then per group size the
 * cells observed and the field verdict: closed or not, `kappa` for three classes, and `J` with
 * its name where closed (each separable part with its nearest target), or the large-M reading.
 */
export function formatClassAudit(result: ClassAuditResult): string {
  const lines = [
    `classes: ${result.classes} (${result.labels.join(', ')})${result.inferred ? ', inferred from the trace: declare them with --levels or --reward-functions to check every reward against them' : ''}`,
  ];
  if (result.countForm) {
    lines.push(
      "count form: yes — each weight depends only on the response's own class and the class counts of the others",
    );
  } else if (result.batchFactor !== undefined) {
    const f = result.batchFactor;
    lines.push(
      `count form: up to one positive factor per batch — within each of the ${f.batches} batches every cell got one weight, and each batch is a positive multiple (${show(f.smallest)} to ${show(f.largest)}) of batch ${f.reference}: the same objective, with a step size that varies by batch`,
    );
  } else {
    lines.push(
      `count form: NO — ${result.violations.length} cell(s) got two different weights; no field is reported for a size that is not count form`,
    );
    for (const v of result.violations.slice(0, SHOWN_VIOLATIONS))
      lines.push(`  M=${v.M}: ${v.reason}`);
    const more = result.violations.length - SHOWN_VIOLATIONS;
    if (more > 0) lines.push(`  ... and ${more} more (see --json)`);
    if (result.batchFactorReason !== undefined) {
      lines.push(`  not count form up to a factor per batch either: ${result.batchFactorReason}`);
    }
  }
  for (const size of result.bySize) {
    const { coverage, field } = size;
    lines.push('', `M = ${size.M}: ${coverage.observed}/${coverage.total} cells observed`);
    if (field === null) {
      lines.push(`  no field verdict: ${size.fieldReason}`);
      if (coverage.missing.length > 0) {
        lines.push(
          `  never observed: ${coverage.missing.slice(0, SHOWN_MISSING).join('; ')}${coverage.missing.length > SHOWN_MISSING ? '; ...' : ''}`,
        );
      }
      continue;
    }
    lines.push(`  ${field.verdict}`);
    for (const p of field.points) {
      const kappa = p.kappa === undefined ? '' : `, kappa ${show(p.kappa)}`;
      const J = p.J === undefined ? '' : `, J ${show(p.J)}`;
      lines.push(
        `  q = (${p.q.map(show).join(', ')}): W = (${p.W.map(show).join(', ')}), curl ${show(p.curl)}${kappa}${J}`,
      );
    }
    for (const part of field.objective?.functions ?? []) {
      const nearest =
        part.nearest === null
          ? 'none (not increasing)'
          : `${part.nearest.name} (${show(part.nearest.distance)})`;
      lines.push(
        `  f_${part.k}: binary h of c = [${part.c.map(show).join(', ')}]; nearest ${nearest}; beta fit ${formatBetaFit(part.fit, part.fitReason)}`,
      );
    }
  }
  if (result.expectation !== undefined) {
    const met = result.expectation.met;
    lines.push(
      '',
      `expect closed: ${met === null ? 'no verdict (no size has a field)' : met ? 'met' : 'NOT MET'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function show(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

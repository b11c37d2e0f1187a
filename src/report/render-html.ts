import type { Report } from './model.ts';
import { errorRateText, formatNumber, summaryLine } from './report-text.ts';

/** The stylesheet of every HTML report, inlined. */
export const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; color: #1b1f24; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.summary { font-size: 1.1rem; font-weight: 600; padding: .6rem .9rem; border-radius: 6px; }
.summary.pass { background: #dafbe1; } .summary.fail { background: #ffebe9; }
table { border-collapse: collapse; font-size: 12px; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: right; white-space: nowrap; }
th { background: #f6f8fa; position: sticky; top: 0; }
td.text { text-align: left; font-family: ui-monospace, monospace; }
tr.disagree td { background: #ffebe9; }
.figures { display: flex; flex-wrap: wrap; gap: 1.5rem; }
figure.figure { margin: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem; }
figure.figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: #57606a; }
.scroll { overflow-x: auto; max-height: 70vh; }
`;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * Renders a {@link Report} as one self-contained HTML page (`index.html`): inline CSS, every
 * figure as inline SVG (from `svgs`, keyed by figure id), and the checks table. Nothing is
 * loaded from the network, so the page can be attached to CI artefacts or opened offline.
 */
export function renderHtml(report: Report, svgs: ReadonlyMap<string, string>): string {
  const pass = report.summary.agree === report.summary.checks;
  const text = (s: string) => `<td class="text">${escapeHtml(s)}</td>`;
  const num = (v: number | null) => `<td>${escapeHtml(formatNumber(v))}</td>`;
  const rows = report.checks
    .map(
      (r) =>
        `<tr class="${r.agree ? 'agree' : 'disagree'}">${text(r.id)}${text(r.theorem)}${text(r.scheme)}` +
        `<td>${r.M ?? '—'}</td>${text(r.policy)}${num(r.closedForm)}${num(r.estimate)}${num(r.stderr)}` +
        `${num(r.z)}${num(r.threshold)}${num(r.resolution)}<td>${r.groupsNeeded !== undefined ? `insufficient (${r.groupsNeeded} groups needed)` : r.agree ? 'yes' : '<b>NO</b>'}</td>` +
        `<td>${r.groups || '—'}</td><td>${r.seconds.toFixed(2)}</td></tr>`,
    )
    .join('\n');
  const figures = report.figures
    .map((f) => {
      const svg = svgs.get(f.id);
      if (svg === undefined) throw new Error(`no SVG rendered for figure '${f.id}'`);
      const note = f.note ? ` — ${escapeHtml(f.note)}` : '';
      return `<figure class="figure" id="figure-${escapeHtml(f.id)}" data-figure="${escapeHtml(f.id)}">${svg}<figcaption>${escapeHtml(f.title)}${note}</figcaption></figure>`;
    })
    .join('\n');
  const theorems = Object.entries(report.summary.byTheorem)
    .map(([theorem, t]) => `<tr>${text(theorem)}<td>${t.checks}</td><td>${t.agree}</td></tr>`)
    .join('\n');
  const versions = Object.entries(report.versions)
    .map(([name, version]) => `${escapeHtml(name)} ${escapeHtml(version)}`)
    .join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="summary ${pass ? 'pass' : 'fail'}" id="summary">${escapeHtml(summaryLine(report))}</p>
<h1>${escapeHtml(report.title)}</h1>
<ul>
<li>command: <code>${escapeHtml(report.command)}</code></li>
<li>seed: <code>${escapeHtml(String(report.seed))}</code> · ${escapeHtml(errorRateText(report))}</li>
<li>z-scores vs N(0,1): Kolmogorov–Smirnov distance ${escapeHtml(formatNumber(report.summary.ksDistance))}</li>
<li>versions: ${versions}</li>
</ul>
<h2>Figures</h2>
<div class="figures">
${figures}
</div>
<h2>By theorem</h2>
<table><thead><tr><th>theorem</th><th>checks</th><th>agree</th></tr></thead><tbody>
${theorems}
</tbody></table>
<h2>Checks</h2>
<div class="scroll"><table id="checks"><thead><tr><th>id</th><th>theorem</th><th>scheme</th><th>M</th><th>policy</th><th>closed form</th><th>estimate</th><th>stderr</th><th>z</th><th>threshold</th><th>± resolution</th><th>agree</th><th>groups</th><th>seconds</th></tr></thead><tbody>
${rows}
</tbody></table></div>
</body>
</html>
`;
}

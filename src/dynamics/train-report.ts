import { join } from 'node:path';
import { makeOutputDirectory, quote } from '../errors/index.ts';
import {
  escapeHtml,
  type Figure,
  formatNumber,
  markdownTable,
  packageVersion,
  renderSvg,
  STYLE,
  writeAtomic,
} from '../report/index.ts';
import { type TrainResult, trainJson } from './run-train.ts';
import { REACH_LEVELS, stepsToReach, trainFigures } from './train-figures.ts';

/** Where {@link writeTrainReport} put each file. */
export interface TrainReportPaths {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
  readonly figures: readonly string[];
}

/** The documents of the training report in `dir` (its figures are listed once written). */
export function trainReportFiles(dir: string): Omit<TrainReportPaths, 'figures'> {
  return {
    json: join(dir, 'train.json'),
    markdown: join(dir, 'train.md'),
    html: join(dir, 'index.html'),
  };
}

/** The one-line verdict of a training run's path checks, first in every rendering. */
export function trainSummaryLine(result: TrainResult): string {
  const n = result.schemes.length;
  const agree = result.schemes.filter((s) => s.check.agree === true).length;
  if (
    result.outcome === 'insufficient' &&
    agree + result.schemes.filter((s) => s.check.agree === false).length === 0
  ) {
    return `path check: no verdict (${result.config.seeds} seeds; the normal approximation needs at least ${result.seedsNeeded}) · ${n} scheme${n === 1 ? '' : 's'} trained`;
  }
  return `path check: ${agree}/${n} schemes agree with the closed-form gradient (alpha ${formatNumber(result.alpha)})${result.outcome === 'insufficient' ? ', some with no verdict' : ''}`;
}

/** Per scheme, the rows of the summary table: final values and the path check. */
function schemeRows(result: TrainResult): string[][] {
  const last = result.steps.length - 1;
  const k = stepsToReach(result)[0]!.k;
  const pm = (mean: number, se: number) => `${formatNumber(mean)} ± ${formatNumber(se)}`;
  return result.schemes.map((s) => [
    s.scheme,
    pm(s.meanP.mean[last]!, s.meanP.stderr[last]!),
    formatNumber(s.meanField.meanP[last]!),
    pm(s.passAtK[String(k)]!.mean[last]!, s.passAtK[String(k)]!.stderr[last]!),
    pm(s.hardest.mean[last]!, s.hardest.stderr[last]!),
    `${formatNumber(s.meanFieldDistance.max)} (step ${s.meanFieldDistance.step}, ${formatNumber(s.meanFieldDistance.z)} SE)`,
    formatNumber(s.check.z[s.check.component]!),
    formatNumber(s.check.threshold),
    formatNumber(s.check.resolution),
    s.check.agree === null
      ? `no verdict (${s.check.seedsNeeded} seeds needed)`
      : s.check.agree
        ? 'yes'
        : 'NO',
  ]);
}

function header(result: TrainResult): string[] {
  const k = stepsToReach(result)[0]!.k;
  return [
    'scheme',
    'final mean p ± SE',
    'mean field',
    `final pass@${k} ± SE`,
    'hardest decile ± SE',
    '|mean p − mean field| max',
    'check max |z|',
    'threshold',
    '± resolution',
    'agree',
  ];
}

function reachRows(result: TrainResult): string[][] {
  const show = (v: number | null) => (v === null ? 'not reached' : String(v));
  return stepsToReach(result).map((r) => [
    r.scheme,
    show(r.passAt1),
    show(r.meanFieldPassAt1),
    show(r.passAtK),
    show(r.meanFieldPassAtK),
  ]);
}

function reachHeader(result: TrainResult): string[] {
  const k = stepsToReach(result)[0]!.k;
  const a = `pass@1 = ${REACH_LEVELS.passAt1}`;
  const b = `pass@${k} = ${REACH_LEVELS.passAtK}`;
  return ['scheme', a, `${a} (mean field)`, b, `${b} (mean field)`];
}

function configLines(result: TrainResult, command: string): string[] {
  const c = result.config;
  return [
    `command: ${command}`,
    `corpus: ${c.corpus.spec} · M = ${c.M} · ${c.steps} steps · batch ${c.batch} · lr ${c.lr} · ${c.seeds} seeds · seed ${c.seed}`,
    `path check: projections of D_T (${result.schemes[0]?.check.projections.join(', ')}) against 0 over the seeds, Holm at alpha ${formatNumber(result.alpha)}, resolution at beta ${formatNumber(result.beta)}`,
    `rl-objective ${packageVersion()} · node ${process.versions.node} · wall time ${result.seconds.toFixed(1)} s`,
  ];
}

/** `train.md`: the summary line, the run, the table per scheme, steps to reach, figures. */
export function renderTrainMarkdown(
  result: TrainResult,
  figures: readonly Figure[],
  command: string,
): string {
  return [
    `**${trainSummaryLine(result)}**`,
    '',
    '# rl-objective training dynamics',
    '',
    ...configLines(result, command).map((line) => `- ${line}`),
    '',
    '## Schemes',
    '',
    markdownTable(header(result), schemeRows(result)),
    '',
    '## Steps to reach (first recorded step)',
    '',
    markdownTable(reachHeader(result), reachRows(result)),
    '',
    '## Figures',
    '',
    ...figures.map((f) => `- [${f.title}](figures/${f.id}.svg)`),
    '',
  ].join('\n');
}

/** `index.html`: one self-contained page (inline CSS and SVG). */
export function renderTrainHtml(
  result: TrainResult,
  figures: readonly Figure[],
  svgs: ReadonlyMap<string, string>,
  command: string,
): string {
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
    `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${rows
      .map(
        (row) =>
          `<tr>${row.map((cell, j) => `<td${j === 0 ? ' class="text"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
      )
      .join('\n')}\n</tbody></table>`;
  const pass = result.outcome === 'agree';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rl-objective training dynamics</title>
<style>${STYLE}</style>
</head>
<body>
<p class="summary ${pass ? 'pass' : 'fail'}" id="summary">${escapeHtml(trainSummaryLine(result))}</p>
<h1>rl-objective training dynamics</h1>
<ul>
${configLines(result, command)
  .map((line) => `<li>${escapeHtml(line)}</li>`)
  .join('\n')}
</ul>
<h2>Schemes</h2>
<div class="scroll">${table(header(result), schemeRows(result))}</div>
<h2>Steps to reach (first recorded step)</h2>
${table(reachHeader(result), reachRows(result))}
<h2>Figures</h2>
<div class="figures">
${figures
  .map((f) => {
    const svg = svgs.get(f.id);
    if (svg === undefined) throw new Error(`no SVG rendered for figure '${f.id}'`);
    return `<figure class="figure" id="figure-${escapeHtml(f.id)}">${svg}<figcaption>${escapeHtml(f.title)}${f.note ? ` — ${escapeHtml(f.note)}` : ''}</figcaption></figure>`;
  })
  .join('\n')}
</div>
</body>
</html>
`;
}

/**
 * Writes the report of a training run into `dir` (created when missing): `train.json` (the
 * `--json` document, plus the figures' data, the steps-to-reach table and the path checks in
 * full), `train.md`, a self-contained `index.html`, and `figures/<id>.svg` for every figure
 * (`trainFigures`). Every file is written through a rename, so none is ever half written.
 */
export async function writeTrainReport(
  result: TrainResult,
  dir: string,
  command: string,
): Promise<TrainReportPaths> {
  const figures = trainFigures(result);
  const figureDir = makeOutputDirectory(join(dir, 'figures'), `report directory ${quote(dir)}`);
  const svgs = new Map<string, string>();
  const written: string[] = [];
  for (const figure of figures) {
    const svg = await renderSvg(figure);
    svgs.set(figure.id, svg);
    const path = join(figureDir, `${figure.id}.svg`);
    await writeAtomic(path, svg);
    written.push(path);
  }
  const paths = { ...trainReportFiles(dir), figures: written };
  const document = {
    ...trainJson(result),
    command,
    checks: result.schemes.map((s) => ({
      scheme: s.scheme,
      ...s.check,
      meanFieldDistance: s.meanFieldDistance,
    })),
    stepsToReach: stepsToReach(result),
    figures,
    seconds: result.seconds,
  };
  await writeAtomic(paths.json, `${JSON.stringify(document, null, 2)}\n`);
  await writeAtomic(paths.markdown, renderTrainMarkdown(result, figures, command));
  await writeAtomic(paths.html, renderTrainHtml(result, figures, svgs, command));
  return paths;
}

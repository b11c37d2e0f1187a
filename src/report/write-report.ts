import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeOutputDirectory, quote } from '../errors/index.ts';
import type { Report } from './model.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderSvg } from './render-svg.ts';

/** Where {@link writeReport} put each file. */
export interface ReportPaths {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
  readonly figures: readonly string[];
}

/** The documents of the report in `dir` (its figures are listed once written). */
export function reportFiles(dir: string): Omit<ReportPaths, 'figures'> {
  return {
    json: join(dir, 'agreement.json'),
    markdown: join(dir, 'agreement.md'),
    html: join(dir, 'index.html'),
  };
}

/** Writes through a temporary file and a rename, so a reader never sees half a report. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/**
 * Writes a {@link Report} into `dir`: `agreement.json` (the report object itself),
 * `agreement.md`, a self-contained `index.html`, and `figures/<id>.svg` for every figure
 * (rendered headless with vega-lite and vega). Creates `dir` when missing; an InputError when it
 * cannot be used (`makeOutputDirectory`: a file, a device, an impossible or unwritable path).
 */
export async function writeReport(report: Report, dir: string): Promise<ReportPaths> {
  const figureDir = makeOutputDirectory(join(dir, 'figures'), `report directory ${quote(dir)}`);
  const svgs = new Map<string, string>();
  const figures: string[] = [];
  for (const figure of report.figures) {
    const svg = await renderSvg(figure);
    svgs.set(figure.id, svg);
    const path = join(figureDir, `${figure.id}.svg`);
    await writeAtomic(path, svg);
    figures.push(path);
  }
  const paths = { ...reportFiles(dir), figures };
  await writeAtomic(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeAtomic(paths.markdown, renderMarkdown(report));
  await writeAtomic(paths.html, renderHtml(report, svgs));
  return paths;
}

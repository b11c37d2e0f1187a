// Rendering of evidence reports (agreement.json, agreement.md, index.html, figures/*.svg),
// shared by the `verify` and `audit` commands.
export { figureSpec } from './figure-spec.ts';
export { formatNumber } from './format-number.ts';
export type {
  Axis,
  CheckRow,
  Figure,
  Point,
  Report,
  Series,
  SeriesMark,
  Summary,
} from './model.ts';
export { renderHtml } from './render-html.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderSvg } from './render-svg.ts';
export { summaryLine } from './summary-line.ts';
export { type ReportPaths, writeReport } from './write-report.ts';

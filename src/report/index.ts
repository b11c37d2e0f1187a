// Public API of src/report: the report model every run fills in, its renderings (Markdown, HTML,
// SVG figures through vega, which loads on the first figure), the writing of a report directory,
// and the provenance (versions) a report and a run identity record.
export type {
  Axis,
  CheckRow,
  Figure,
  Point,
  Report,
  ReportFigure,
  Series,
  Summary,
} from './model.ts';
export { packageVersion, versions } from './provenance.ts';
export { escapeHtml, STYLE } from './render-html.ts';
export { markdownTable } from './render-markdown.ts';
export { renderSvg } from './render-svg.ts';
export { formatNumber } from './report-text.ts';
export type {
  Contour,
  FieldArrow,
  HeatCell,
  Simplex3,
  SimplexFigure,
  SimplexPanel,
} from './simplex-figure.ts';
export { writeAtomic } from './write-report.ts';

// The citations of the theory, checked: `node --import tsx scripts/check-citations.ts [ROOT]`
// (part of `npm run lint`) prints one line per citation of a section that docs/theory.md does
// not have, per link to an anchor it does not have, and per reference to the developers'
// upstream specification, which the product must not need; it exits 1 if there is one.
// test/architecture/citations.test.ts runs the same check on the tree and on planted mistakes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The theory, relative to the root. */
export const THEORY = 'docs/theory.md';

/** Where citations are looked for: these folders (recursively) and files of the root. */
export const CITING_PLACES: readonly string[] = [
  'src',
  'test',
  'properties',
  'simulations',
  'bench',
  'scripts',
  'deploy',
  'docs',
  'README.md',
  'CONTRIBUTING.md',
];

/**
 * The upstream specification's file name, matched in any case. Written as a pattern so that
 * this file does not name it.
 */
const UPSTREAM = /\bmath\.md\b/gi;

/** One bad citation, as a line a developer can act on. */
export interface CitationViolation {
  readonly path: string;
  readonly line: number;
  readonly message: string;
}

/** The numbered sections (`## N. Title`) and every heading's anchor of the theory's text. */
export interface TheoryOutline {
  readonly sections: readonly number[];
  readonly anchors: ReadonlySet<string>;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces made hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The outline of the theory's text (headings inside fenced code blocks are not headings). */
export function theoryOutline(text: string): TheoryOutline {
  const sections: number[] = [];
  const anchors = new Set<string>();
  const repeats = new Map<string, number>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    // A repeated heading gets `-1`, `-2`, ... after its anchor, as GitHub numbers them.
    const anchor = anchorOf(heading[1]!);
    const seen = repeats.get(anchor) ?? 0;
    repeats.set(anchor, seen + 1);
    anchors.add(seen === 0 ? anchor : `${anchor}-${seen}`);
    const section = /^##\s+(\d+)\.\s/.exec(line);
    if (section !== null) sections.push(Number(section[1]));
  }
  return { sections, anchors };
}

/** The numbered sections as runs of consecutive numbers, `§first–§last`, joined by commas. */
function describeSections(sections: readonly number[]): string {
  if (sections.length === 0) return 'no numbered section';
  const runs: string[] = [];
  for (let i = 0; i < sections.length; ) {
    let j = i;
    while (j + 1 < sections.length && sections[j + 1] === sections[j]! + 1) j++;
    runs.push(j === i ? `§${sections[i]}` : `§${sections[i]}–§${sections[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * One cited item: `§N`, a range `§N–M` (en dash or hyphen, the second `§` optional), or a
 * dotted `§N.M`, which is another work's subsection unless it follows a citation of the theory.
 */
const ITEM = /§(\d+)(\.\d+)?(?:[–-]§?(\d+))?/g;

/**
 * A citation of the theory and the list of items after it: `docs/theory.md §2, §7`, with a
 * closing backtick, parenthesis or link between, and across one line break of a comment.
 */
function citationPattern(bare: boolean): RegExp {
  const name = bare ? String.raw`(?:docs/)?theory\.md` : String.raw`docs/theory\.md`;
  const item = String.raw`§\d+(?:\.\d+)?(?:[–-]§?\d+)?`;
  return new RegExp(
    String.raw`${name}(?:#[\w-]*)?[\`)\]]*(?:[ \t]|\n[ \t]*(?:\*|//|#)?)*(${item}(?:(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)${item})*)`,
    'g',
  );
}

/**
 * Links of a Markdown page to an anchor of the theory, from any folder: inline,
 * `[text](theory.md#anchor)`, or a reference definition, `[label]: theory.md#anchor`.
 */
const ANCHOR_LINK = /(?:\]\(|^\[[^\]\n]+\]:[ \t]*)(?:[\w./-]*\/)?theory\.md#([^)\s]*)/gm;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The bad citations in one file's text (`path` is relative to the root, with `/`). */
export function fileCitationViolations(
  path: string,
  text: string,
  outline: TheoryOutline,
): CitationViolation[] {
  const found: { index: number; message: string }[] = [];
  const exists = new Set(outline.sections);
  const known = describeSections(outline.sections);
  const report = (index: number, message: string): void => {
    found.push({ index, message });
  };
  const checkItem = (match: RegExpExecArray, offset: number, cited: boolean): void => {
    const [item, first, dotted, last] = match;
    const index = offset + match.index;
    if (dotted !== undefined) {
      if (cited) report(index, `${THEORY} ${item} cited: cite a section, one of ${known}`);
      return;
    }
    const from = Number(first);
    const to = last === undefined ? from : Number(last);
    if (to < from) {
      report(index, `${THEORY} ${item} cited: a range must run upwards (sections: ${known})`);
      return;
    }
    const missing: number[] = [];
    for (let n = from; n <= to; n++) if (!exists.has(n)) missing.push(n);
    if (missing.length > 0) {
      const which = missing.map((n) => `§${n}`).join(', ');
      const verb = missing.length === 1 ? 'is not a section' : 'are not sections';
      report(index, `${THEORY} ${item} cited, but ${which} ${verb} of it (sections: ${known})`);
    }
  };
  const inCitation = new Set<number>();
  for (const citation of text.matchAll(citationPattern(path.startsWith('docs/')))) {
    const list = citation[1]!;
    const offset = citation.index + citation[0].length - list.length;
    for (const item of list.matchAll(ITEM)) {
      inCitation.add(offset + item.index);
      checkItem(item, offset, true);
    }
  }
  // A bare `§N` in this repository is a section of the theory, cited from nearby text.
  for (const item of text.matchAll(ITEM)) {
    if (!inCitation.has(item.index)) checkItem(item, 0, false);
  }
  const links = path.endsWith('.md') ? text.matchAll(ANCHOR_LINK) : [];
  for (const link of links) {
    if (!outline.anchors.has(link[1]!)) {
      report(link.index, `${THEORY}#${link[1]} linked, but it has no such heading`);
    }
  }
  for (const name of text.matchAll(UPSTREAM)) {
    report(
      name.index,
      `${name[0]} named: the product cites ${THEORY}, never the upstream specification`,
    );
  }
  return found
    .sort((x, y) => x.index - y.index)
    .map(({ index, message }) => ({ path, line: lineAt(text, index), message }));
}

function* files(root: string, path: string): Generator<string> {
  if (!statSync(join(root, path)).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(join(root, path), { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const child = `${path}/${entry.name}`;
    if (entry.isDirectory()) yield* files(root, child);
    else if (entry.isFile()) yield child;
  }
}

/**
 * Every bad citation in the tree at `root`: a cited section (`§N`, `§N–M`) that is not a
 * numbered heading of {@link THEORY}, a link to an anchor it lacks, and any mention of the
 * upstream specification, in the {@link CITING_PLACES}.
 */
export function citationViolations(root: string): CitationViolation[] {
  let theory: string;
  try {
    theory = readFileSync(join(root, THEORY), 'utf8');
  } catch {
    return [
      { path: THEORY, line: 1, message: `${THEORY} is missing: every citation points at it` },
    ];
  }
  const outline = theoryOutline(theory);
  const present = new Set(readdirSync(root));
  return CITING_PLACES.filter((place) => present.has(place))
    .flatMap((place) => [...files(root, place)])
    .flatMap((path) => {
      const bytes = readFileSync(join(root, path));
      if (bytes.includes(0)) return [];
      return fileCitationViolations(path, bytes.toString('utf8'), outline);
    });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const violations = citationViolations(root);
  for (const v of violations) console.error(`${v.path}:${v.line}: ${v.message}`);
  if (violations.length > 0) {
    const count = `${violations.length} bad citation${violations.length === 1 ? '' : 's'}`;
    console.error(`citations: ${count} of ${THEORY}`);
    process.exit(1);
  }
  console.log(
    `citations: every citation of ${THEORY} in ${relative(process.cwd(), root) || '.'} exists`,
  );
}

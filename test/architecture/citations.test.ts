// The citation lint passes on the repository and fails, one line per mistake, on planted bad
// citations. Deterministic: no randomness, false-fail rate 0.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { citationViolations, theoryOutline } from '../../scripts/check-citations.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rl-objective-citations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The section sign, written as an escape so that the bad citations planted below are not in this file. */
const S = '\u00a7';

/** The upstream specification's name, assembled so that this file does not contain it. */
const UPSTREAM = ['MATH', 'md'].join('.');

/** A small tree whose citations are all good: a theory with three sections, and citing files. */
const CLEAN: Record<string, string> = {
  'docs/theory.md': [
    '# The theory',
    '## 1. Setting',
    '### Algorithm 1',
    '```',
    '## 7. not a heading inside a code block',
    '```',
    '## 2. The theorem',
    '## 3. The catalogue',
    '### In the code',
    '### In the code',
    '',
  ].join('\n'),
  'docs/objective.md': `The objective ([\`docs/theory.md\`](theory.md#2-the-theorem) ${S}2–3; [the algorithm](theory.md#algorithm-1), ${S}1).\n`,
  'src/a/h.ts': [
    '/**',
    ` * h_M (docs/theory.md ${S}2, "the theorem"; ${S}3), evaluated as in docs/theory.md`,
    ` * ${S}1-3 and docs/theory.md ${S}1, ${S}3.`,
    ` * Higham, ${S}2.1, is another work.`,
    ' */',
    'export const h = 1;',
    '',
  ].join('\n'),
  'scripts/fixtures/gen.py': `# reference values (docs/theory.md ${S}2)\n`,
  'README.md': 'The mathematics: [`docs/theory.md`](docs/theory.md#3-the-catalogue).\n',
  'docs/train.md': [
    `The code ([\`docs/theory.md\` ${S}3][theory-3], [the second](theory.md#in-the-code-1)).`,
    '',
    '[theory-3]: theory.md#3-the-catalogue',
    '',
  ].join('\n'),
};

let trees = 0;
function violationsOf(changes: Record<string, string>): string[] {
  const root = join(scratch, `tree-${trees++}`);
  for (const [path, text] of Object.entries({ ...CLEAN, ...changes })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return citationViolations(root).map((v) => `${v.path}:${v.line}: ${v.message}`);
}

describe('citations of docs/theory.md', () => {
  it('every citation in the repository names a section of docs/theory.md', () => {
    expect(citationViolations(ROOT)).toEqual([]);
  });

  it('the repository has the ten sections the code cites', () => {
    const outline = theoryOutline(readFileSync(join(ROOT, 'docs/theory.md'), 'utf8'));
    expect(outline.sections).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a tree whose citations are good passes (the mutants below differ from it by one file)', () => {
    expect(violationsOf({})).toEqual([]);
  });

  it('flags a cited section that is not a heading, with file, line and the sections there are', () => {
    expect(
      violationsOf({ 'src/a/bad.ts': `// one\n/** The limit (docs/theory.md ${S}9). */\n` }),
    ).toEqual([
      `src/a/bad.ts:2: docs/theory.md ${S}9 cited, but ${S}9 is not a section of it (sections: ${S}1–${S}3)`,
    ]);
  });

  it('flags every bad item of a list and of a range, across a comment line break', () => {
    expect(
      violationsOf({
        'test/t.test.ts': `// checks (docs/theory.md ${S}2,\n// ${S}4; ${S}2–5)\n`,
      }),
    ).toEqual([
      `test/t.test.ts:2: docs/theory.md ${S}4 cited, but ${S}4 is not a section of it (sections: ${S}1–${S}3)`,
      `test/t.test.ts:2: docs/theory.md ${S}2–5 cited, but ${S}4, ${S}5 are not sections of it (sections: ${S}1–${S}3)`,
    ]);
  });

  it(`flags a bare ${S} that is no section, a subsection and a backward range`, () => {
    expect(
      violationsOf({
        'properties/laws/x.ts': `// the presets of ${S}7\n// docs/theory.md ${S}2.1\n// docs/theory.md ${S}3-1\n`,
      }),
    ).toEqual([
      `properties/laws/x.ts:1: docs/theory.md ${S}7 cited, but ${S}7 is not a section of it (sections: ${S}1–${S}3)`,
      `properties/laws/x.ts:2: docs/theory.md ${S}2.1 cited: cite a section, one of ${S}1–${S}3`,
      `properties/laws/x.ts:3: docs/theory.md ${S}3-1 cited: a range must run upwards (sections: ${S}1–${S}3)`,
    ]);
  });

  it('flags a citation of theory.md from a docs page, and links (inline or by reference) to missing anchors', () => {
    expect(
      violationsOf({
        'docs/train.md': [
          `Dynamics ([theory](theory.md#8-optimization-dynamics), \`theory.md\` ${S}8 and ${S}9).`,
          '',
          '[code]: theory.md#in-the-code-2',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'docs/train.md:1: docs/theory.md#8-optimization-dynamics linked, but it has no such heading',
      `docs/train.md:1: docs/theory.md ${S}8 cited, but ${S}8 is not a section of it (sections: ${S}1–${S}3)`,
      `docs/train.md:1: docs/theory.md ${S}9 cited, but ${S}9 is not a section of it (sections: ${S}1–${S}3)`,
      'docs/train.md:3: docs/theory.md#in-the-code-2 linked, but it has no such heading',
    ]);
  });

  it('flags any mention of the upstream specification, in code and in docs', () => {
    expect(
      violationsOf({
        'bench/b.bench.ts': `// as in ../shared/${UPSTREAM} ${S}2\n`,
        'CONTRIBUTING.md': `Read ${UPSTREAM.toLowerCase()} first.\n`,
      }),
    ).toEqual([
      `bench/b.bench.ts:1: ${UPSTREAM} named: the product cites docs/theory.md, never the upstream specification`,
      `CONTRIBUTING.md:1: ${UPSTREAM.toLowerCase()} named: the product cites docs/theory.md, never the upstream specification`,
    ]);
  });

  it('flags a missing theory', () => {
    const root = join(scratch, 'no-theory');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src/a.ts'), `// docs/theory.md ${S}2\n`);
    expect(citationViolations(root).map((v) => v.message)).toEqual([
      'docs/theory.md is missing: every citation points at it',
    ]);
  });
});

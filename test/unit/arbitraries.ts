// fast-check generators for "markdown-ish" journal files, and small helpers
// shared by the unit tests. Nothing here imports vscode or touches the disk.

import fc from 'fast-check';
import { parseDocument, JournalDocument } from '../../src/core/document';
import { applyEdits, Eol, TextEdit } from '../../src/core/text';

/** Property-test run count: enough to find the interesting shapes, small enough to keep the tier fast. */
export const RUNS = 250;

const WORDS = [
  'agenda',
  'Agenda',
  'growth',
  'feedback',
  'roadmap',
  'PR #42',
  'ship it',
  'blocker',
  'שלום',
  'مرحبا',
  'こんにちは',
  'Ünïcödé',
  '🎉',
  '👩🏽‍💻',
  'a\tb',
  '`#code`',
  '#growth',
  '#team/process',
  '[link](http://x/#y)',
  '**bold**',
  '<b>inline</b>',
  'x: y',
  '"quoted"',
  "'single'",
  '\u200f',
  '\u00a0',
];

/** One line of prose: words, random unicode (RTL, emoji, tabs), never a line break. */
export const proseLine: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 6 })
  .map((ws) => ws.join(' ').replace(/[\r\n]/g, ' '));

const frontMatterValue = fc.oneof(
  fc.constantFrom(
    'planned',
    'done',
    '2026-11-10',
    '"quoted: value"',
    "'single'",
    '42',
    'true',
    '',
    '~',
    '[a, b]',
    '{x: 1}',
  ),
  proseLine.map((s) => JSON.stringify(s)),
);

/** A front-matter block: known and unknown keys, comments, sometimes malformed YAML. */
export const frontMatterFragment: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc
          .tuple(
            fc.constantFrom('date', 'status', 'name', 'role', 'cadence', 'title', 'x-custom', 'circleBack'),
            frontMatterValue,
          )
          .map(([k, v]) => `${k}: ${v}`.trimEnd()),
        fc.constantFrom('# a comment', '  # indented comment', 'tags:', '  - one', '  - two', 'nested:', '  inner: 1'),
      ),
      { maxLength: 6 },
    )
    .map((ls) => ['---', ...ls, '---']),
  // Malformed YAML and odd shapes.
  fc.constantFrom(
    ['---', 'a: [unclosed', '---'],
    ['---', 'a: 1', 'a: 2', '---'],
    ['---', '- a list', '---'],
    ['---', 'just a scalar', '---'],
    ['---', '\tb: tab', '---'],
    ['---', 'a: *nope', '---'],
    ['---', '---'],
    ['---', 'date: 2026-01-01', '...'],
    ['---', 'never: closed'],
  ),
);

// Raw front matter (the lines between the fences, each ending in \n) built to
// sit on the edge of what the flat shortcut reads: plain, quoted, numeric and
// dated values, comments, and one character away, everything it must leave
// to yaml (flow collections, block scalars, anchors, tags, escapes, tabs,
// nesting, duplicates, odd keys and characters).
const frontMatterKey = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'date',
      'status',
      'name',
      'role',
      'cadence',
      'title',
      'x-custom',
      'circleBack',
      '_k',
      'K9',
    ),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'true',
      'False',
      'null',
      'NULL',
      '__proto__',
      'constructor',
      'a b',
      'a.b',
      '1a',
      '"q"',
      "'q'",
      '~',
      'k\t',
      '-k',
      '? k',
      'é',
    ),
  },
);
const frontMatterPiece = fc.constantFrom(
  ' ',
  '  ',
  '#',
  ' #',
  '# ',
  ':',
  ': ',
  ':x',
  "'",
  '"',
  "''",
  '\\',
  '\\"',
  '\\\\',
  '\\n',
  '\\u00e9',
  '\t',
  '-',
  '- ',
  '?',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '~',
  '.',
  '0',
  '1',
  '9',
  'e',
  'E',
  'x',
  'o',
  '+',
  'a',
  'Z',
  'é',
  '—',
  '🎉',
  '\u00a0',
  '\u200f',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u007f',
  '\u0001',
  'true',
  'null',
  'NULL',
  '.inf',
  '.NaN',
  '0x1F',
  '0o7',
  '1.5',
  '1e3',
  '2026-11-10',
  '12345678901234567890',
  '---',
  '...',
);
const frontMatterValueText = fc.oneof(
  fc.array(frontMatterPiece, { maxLength: 8 }).map((ps) => ps.join('')),
  fc.constantFrom(
    'planned',
    'done',
    '2026-11-10',
    '"2026-11-10"',
    "'single'",
    "'it''s'",
    '"say \\"hi\\""',
    '"a\\\\b"',
    '42',
    '-5',
    '+5',
    '007',
    '-0',
    '3.0',
    'true',
    'True',
    'FALSE',
    '~',
    'Null',
    '',
    '[a, b]',
    '{x: 1}',
    '|',
    '>-',
    '&a x',
    '*a',
    '!tag x',
    '"a" # c',
    "'a'#c",
    'x # c',
    'x#c',
    '1:1 with Alex',
    'C#',
    'FREQ=MONTHLY;BYDAY=1TH   # invite',
    '"09:30"',
    'Europe/Berlin',
    'José Núñez',
    'a: b',
    'x:',
    'x :y',
    "'unclosed",
    '"unclosed',
  ),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }).map((t) => JSON.stringify(t)),
  fc.string({ maxLength: 10 }).map((t) => `'${t.replace(/'/g, "''")}'`),
);
const frontMatterLine = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(frontMatterKey, fc.constantFrom(': ', ': ', ':', ':  ', ' :', ':\t'), frontMatterValueText)
      .map(([k, c, v]) => `${k}${c}${v}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '# a comment',
      '  # indented comment',
      '#',
      '',
      '   ',
      '\t# tab',
      '- a list',
      '  - one',
      '  inner: 1',
      'tags:',
      'nested:',
      '%YAML 1.2',
      '--- x',
      '... x',
      '? key',
      'a: b: c',
      'just a scalar',
      'k: |',
      '  block',
      'k: "multi',
      '  line"',
    ),
  },
);
/** Raw front matter, each line ending in \n, as the scanner hands it on. */
export const frontMatterRaw: fc.Arbitrary<string> = fc
  .array(frontMatterLine, { maxLength: 7 })
  .map((ls) => ls.map((l) => `${l.replace(/[\r\n]/g, ' ')}\n`).join(''));

const heading = fc.oneof(
  fc.constantFrom(
    '## Agenda',
    '# Agenda',
    '## agenda:',
    '### Agenda',
    '## Talking points',
    '## Wins',
    '## Notes',
    '## Action items',
    '# 1:1 with Alex',
    '#growth',
    '   ## Indented',
    '## Closed ##',
  ),
  fc.tuple(fc.integer({ min: 1, max: 6 }), proseLine).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
);

const item = fc
  .tuple(
    fc.constantFrom('', '  ', '    ', '\t'),
    fc.constantFrom('- ', '* ', '+ ', '1. ', '2) '),
    fc.constantFrom('', '[ ] ', '[x] ', '[X] '),
    proseLine,
  )
  .map(([indent, marker, box, text]) => `${indent}${marker}${box}${text}`);

const fencedBlock = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````', '```ts', '~~~~ info string', '  ```'),
    fc.array(fc.oneof(heading, item, proseLine, fc.constant('')), { maxLength: 4 }),
  )
  .map(([open, body]) => {
    const indent = /^ */.exec(open)![0];
    const fence = open.trim().replace(/[^`~].*$/, '');
    return [open, ...body, `${indent}${fence}`];
  });

const htmlBlock = fc.oneof(
  fc
    .array(
      fc.oneof(
        heading,
        item,
        proseLine.filter((s) => s.trim() !== ''),
      ),
      { maxLength: 3 },
    )
    .map((body) => ['<details>', ...body, '</details>']),
  fc.array(fc.oneof(heading, item, fc.constant('')), { maxLength: 3 }).map((body) => ['<!--', ...body, '-->']),
  fc.array(fc.oneof(heading, item, fc.constant('')), { maxLength: 3 }).map((body) => ['<pre>', ...body, '</pre>']),
);

/** An item with a nested body (quote, code, html, sub-items). */
const nestedItem = fc
  .tuple(
    item,
    fc.array(
      fc.constantFrom(
        '  > a quote',
        '  ```',
        '  code ## not a heading',
        '  ```',
        '  - [ ] sub',
        '    - deeper',
        '  continuation',
        '',
        '  <div>',
        '  x',
      ),
      { maxLength: 5 },
    ),
  )
  .map(([head, body]) => [head.trimStart(), ...body]);

/** A fragment of lines (the body of a journal file). */
export const fragment: fc.Arbitrary<readonly string[]> = fc.oneof(
  { weight: 3, arbitrary: heading.map((h) => [h]) },
  { weight: 4, arbitrary: item.map((i) => [i]) },
  { weight: 2, arbitrary: nestedItem },
  { weight: 2, arbitrary: fencedBlock },
  { weight: 1, arbitrary: htmlBlock },
  { weight: 2, arbitrary: fc.constant<readonly string[]>(['']) },
  { weight: 2, arbitrary: proseLine.map((p) => [p]) },
  { weight: 1, arbitrary: fc.constantFrom(['```'], ['<!-- open'], ['   '], ['\t']) },
);

export interface GeneratedFile {
  readonly text: string;
  readonly bom: boolean;
  readonly finalNewline: boolean;
}

const eolArb: fc.Arbitrary<Eol> = fc.constantFrom('\n', '\r\n', '\r');

/** Joins lines with line endings: all LF, all CRLF, or a random mix. */
export function joinLines(
  lines: readonly string[],
  eols: readonly Eol[],
  style: 'lf' | 'crlf' | 'mixed',
  finalNewline: boolean,
): string {
  let out = '';
  lines.forEach((line, i) => {
    const eol = style === 'lf' ? '\n' : style === 'crlf' ? '\r\n' : (eols[i % Math.max(1, eols.length)] ?? '\n');
    const last = i === lines.length - 1;
    out += line + (last && !finalNewline ? '' : eol);
  });
  return out;
}

/** A whole journal-ish file. */
export const markdownFile: fc.Arbitrary<GeneratedFile> = fc
  .record({
    front: fc.option(frontMatterFragment, { freq: 2 }),
    body: fc.array(fragment, { maxLength: 10 }),
    style: fc.constantFrom<'lf' | 'crlf' | 'mixed'>('lf', 'lf', 'crlf', 'mixed'),
    eols: fc.array(eolArb, { minLength: 1, maxLength: 5 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ front, body, style, eols, bom, finalNewline }) => {
    const lines = [...(front ?? []), ...body.flat()];
    const joined = joinLines(lines, eols, style, finalNewline);
    const hasFinal = /[\r\n]$/.test(joined);
    return { text: (bom ? '\uFEFF' : '') + joined, bom, finalNewline: hasFinal };
  });

/** A file that always has a well-formed front-matter mapping. */
export const fileWithFrontMatter: fc.Arbitrary<string> = fc
  .record({
    keys: fc.uniqueArray(
      fc.constantFrom('date', 'status', 'name', 'role', 'cadence', 'title', 'x-custom', 'circleBack'),
      { maxLength: 5 },
    ),
    values: fc.array(
      frontMatterValue.filter((v) => !v.startsWith('{') && !v.startsWith('[')),
      { minLength: 8, maxLength: 8 },
    ),
    comments: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    body: fc.array(fragment, { maxLength: 5 }),
    style: fc.constantFrom<'lf' | 'crlf' | 'mixed'>('lf', 'crlf', 'mixed'),
    eols: fc.array(fc.constantFrom<Eol>('\n', '\r\n'), { minLength: 1, maxLength: 4 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ keys, values, comments, body, style, eols, bom, finalNewline }) => {
    const fm: string[] = ['---'];
    keys.forEach((k, i) => {
      if (comments[i]) fm.push(`# about ${k}`);
      fm.push(`${k}: ${values[i]}`.trimEnd() + (comments[i] && values[i] !== '' ? ' # trailing' : ''));
    });
    fm.push('---');
    return (bom ? '\uFEFF' : '') + joinLines([...fm, ...body.flat()], eols, style, finalNewline);
  });

/** Parses, applies edits, returns the new text. */
export function apply(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, edits);
}

/** The edits of an EditResult, failing the test with its error otherwise. */
export function editsOf(result: { edits: TextEdit[] } | { error: string }): TextEdit[] {
  if ('error' in result) throw new Error(`expected edits, got error: ${result.error}`);
  return result.edits;
}

export function doc(text: string): JournalDocument {
  return parseDocument(text);
}

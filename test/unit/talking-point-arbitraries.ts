// fast-check generators for talking points: editor selections (prose, code
// with fences of its own, markdown that looks like structure), language ids,
// source paths and a typical meeting file to add them to.

import fc from 'fast-check';
import { proseLine } from './arbitraries';

/** Language ids the property tests use: prose ones (quoted) and code ones (fenced). */
export const LANGUAGES = ['typescript', 'plaintext', 'markdown', 'python', 'shellscript'] as const;
export const languageArb: fc.Arbitrary<string> = fc.constantFrom(...LANGUAGES);

const anyUtf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A run of 1–8 backticks or tildes: fences of every length, inline code, a stray tick. */
const tickRun = fc.tuple(fc.constantFrom('`', '~'), fc.integer({ min: 1, max: 8 })).map(([c, n]) => c.repeat(n));

/** One line of a selection that looks like markdown structure or code. */
const trickyLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '## Agenda',
    '# 1:1',
    '## Notes',
    '### Wins',
    '#growth',
    '- [ ] x',
    '- [x] done',
    '* item',
    '1. first',
    '---',
    '...',
    '***',
    '<div>',
    '</div>',
    '<!--',
    '-->',
    '<pre>',
    '<script>',
    '<details>',
    '> quoted',
    '    indented code',
    '\tindented with tab',
    '```',
    '~~~',
    '````ts',
    '```js title="x"',
    '~~~~',
    '`inline` code',
    'a ``` b',
    'const x = `template ${y}`;',
    'if (a) {',
    '    return b;',
    '}',
    'def f():',
    '\treturn 1',
    'echo "$HOME" | grep -v \'#\'',
    '   ',
    '\t',
    '',
    'Source: [x](y)',
    '[link](http://x/#y)',
    '\u00a0',
    '\uFEFF',
    '\u2028',
    'trailing   ',
    '\\',
    '|a|b|',
  ),
  fc
    .tuple(
      fc.constantFrom('', ' ', '  ', '   ', '    ', '\t', '\t\t', '  \t'),
      tickRun,
      fc.constantFrom('', 'ts', ' info', '`', ' x`y', '  '),
    )
    .map(([indent, ticks, info]) => `${indent}${ticks}${info}`),
  fc.tuple(fc.constantFrom('', '  ', '    ', '\t'), proseLine).map(([indent, text]) => indent + text),
  fc.tuple(proseLine, tickRun, proseLine).map(([a, t, b]) => `${a}${t}${b}`),
);

const eolArb = fc.constantFrom('\n', '\r\n', '\r');

/** Lines joined with LF, CRLF, CR or a mix; sometimes with blank lines around them. */
export const joinedLines = (lines: fc.Arbitrary<string[]>): fc.Arbitrary<string> =>
  fc
    .record({
      lines,
      style: fc.oneof(
        eolArb.map((e) => [e]),
        fc.array(eolArb, { minLength: 1, maxLength: 4 }),
      ),
      lead: fc.constantFrom('', '\n', '\n  \n', '\r\n\r\n'),
      trail: fc.constantFrom('', '\n', '\r\n', '\n\t\n'),
    })
    .map(
      ({ lines: ls, style, lead, trail }) =>
        lead + ls.map((l, i) => (i === 0 ? '' : style[i % style.length]!) + l).join('') + trail,
    );

/** Anything an editor selection might hold. */
export const selectionArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ unit: anyUtf16Unit }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('`', '~', '#', '-', '>', '<', ' ', '\t', '\n', '\r', '[', ']', 'x', '!', '*'),
    }),
  },
  { weight: 6, arbitrary: joinedLines(fc.array(trickyLine, { minLength: 1, maxLength: 12 })) },
  // Long selections: more than MAX_EXCERPT_LINES lines.
  { weight: 1, arbitrary: joinedLines(fc.array(trickyLine, { minLength: 195, maxLength: 230 })) },
);

const pathSegment = fc.oneof(
  fc.constantFrom(
    'src',
    'a b',
    'ünï',
    '日本語',
    '[id]',
    '(group)',
    'we`ird',
    'c#',
    'x%20y',
    'q?',
    'h#1',
    'dot.file',
    '..x',
    '🎉',
  ),
  fc.stringMatching(/^[a-z0-9._-]{1,8}$/),
);

/** A workspace-relative path without line breaks (what asRelativePath gives). */
export const pathArb: fc.Arbitrary<string> = fc
  .array(pathSegment, { minLength: 1, maxLength: 4 })
  .map((segs) => segs.join('/'));

/** A permalink-ish URL, or something that must not become a link. */
export const urlArb: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    'https://github.com/o/r/blob/0123abc/src/a.ts#L3-L9',
    'http://ghe.corp/o/r/blob/abcdef0/x.py#L1',
    'https://github.com/o/r/blob/0123abc/a%20b.ts#L1',
    'https://example.com/a b',
    'https://example.com/(x)',
    'https://example.com/<x>',
    'javascript:alert(1)',
    'ftp://example.com/x',
    '',
  ),
);

export interface MeetingFile {
  readonly text: string;
  readonly eol: '\n' | '\r\n';
}

/** A typical meeting file: front matter, a title, an Agenda with one item, Notes with text. */
export const meetingFileArb: fc.Arbitrary<MeetingFile> = fc
  .record({
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    finalNewline: fc.boolean(),
    existing: fc.constantFrom(
      ['- [ ] Follow up on the roadmap #alignment'],
      ['- [x] Done already'],
      ['- Plain bullet'],
      ['- [ ] With a body', '  > quoted context'],
    ),
    notes: fc.constantFrom<string[]>(['Some notes.'], ['- a note', '- another'], ['Text', '', '```', 'code', '```']),
  })
  .map(({ eol, finalNewline, existing, notes }) => {
    const lines = [
      '---',
      'date: 2026-03-10',
      'status: planned',
      '---',
      '',
      '# 1:1 with Alex — 2026-03-10',
      '',
      '## Agenda',
      '',
      ...existing,
      '',
      '## Notes',
      '',
      ...notes,
    ];
    return { text: lines.join(eol) + (finalNewline ? eol : ''), eol };
  });

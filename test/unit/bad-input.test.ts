// Bad input, the core half: whatever a journal file holds — YAML that does not
// parse, front matter that is a list or a scalar, binary bytes, another
// encoding, megabytes, nesting thousands deep — reading it never throws, takes
// at most a moment, and leaves an entry with a problem that says what is wrong
// and what to do; editing it is refused with the file's name. The host half
// (the store, the writer, the trees) is tested in VS Code:
// test/integration/bad-input.test.ts.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import { addListItem } from '../../src/core/edits';
import { setField } from '../../src/core/front-matter-edits';
import { editRefusal, fileText, MAX_FILE_BYTES } from '../../src/core/file-text';
import { JournalIndex } from '../../src/core/journal-index';
import { RUNS } from './arbitraries';

/**
 * Each case takes a few milliseconds to a few hundred on a laptop; before
 * the fixes these inputs took 3 to 12 seconds, or aborted Node outright.
 * Only mocha's per-test timeout (10 s) bounds them: speed is measured in
 * `npm run bench`, not asserted here.
 */
const DEEP = 10_000;

const KINDS = [
  'people/x.md',
  'meetings/alex-kim/2026-11-10.md',
  'goals/g.md',
  'feedback/f.md',
  'templates/meeting.md',
  'questions.md',
];

const staircase = (n: number, line: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** Texts whose front matter the journal cannot read, and what the problem must say. */
const BAD_FRONT_MATTER: readonly (readonly [string, string, RegExp])[] = [
  ['malformed YAML', '---\nname: [unclosed\nrole: manager\n---\n\n# Notes\n', /^Front matter: /],
  ['a tab-indented mapping', '---\nname: x\n\trole: y\n---\n', /^Front matter: /],
  ['duplicate keys', '---\nname: a\nname: b\n---\n', /^Front matter: .*unique/i],
  ['a list', '---\n- a\n- b\n---\n', /must be a list of `key: value` lines/],
  ['a scalar', '---\njust a sentence\n---\n', /must be a list of `key: value` lines/],
  ['a number', '---\n42\n---\n', /must be a list of `key: value` lines/],
  ['a quoted string', '---\n"quoted"\n---\n', /must be a list of `key: value` lines/],
  ['a flow list', '---\n[a, b]\n---\n', /must be a list of `key: value` lines/],
  ['never closed', '---\nname: x\n\n# Notes\n', /never closed/],
  [
    'an alias bomb',
    `---\na: &a [x,x,x,x,x,x,x,x,x]\n${['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`).join('\n')}\n---\n`,
    /resource exhaustion|could not be read/i,
  ],
  [`a list ${DEEP} levels deep on one line`, `---\n${'- '.repeat(DEEP)}x\n---\n`, /nested more than 64 levels deep/],
  [
    `a list ${DEEP} levels deep under a key`,
    `---\nk:\n  ${'- '.repeat(DEEP)}x\n---\n`,
    /nested more than 64 levels deep/,
  ],
  [`${DEEP} complex keys`, `---\n${'? '.repeat(DEEP)}x\n---\n`, /nested more than 64 levels deep/],
  [
    `${DEEP} nested flow lists`,
    `---\na: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n---\n`,
    /nested more than 64 levels deep/,
  ],
  [
    `${DEEP} nested flow maps`,
    `---\na: ${'{a: '.repeat(DEEP)}1${'}'.repeat(DEEP)}\n---\n`,
    /nested more than 64 levels deep/,
  ],
  [`${DEEP} flow lists never closed`, `---\na: ${'['.repeat(DEEP)}\n---\n`, /nested more than 64 levels deep/],
  [
    'a mapping staircase 1,000 deep',
    `---\n${staircase(1000, (i) => `${' '.repeat(i)}k:`)}\n---\n`,
    /nested more than 64 levels deep/,
  ],
  [
    'a list staircase 1,000 deep',
    `---\n${staircase(1000, (i) => `${' '.repeat(i)}- `)}\n---\n`,
    /nested more than 64 levels deep/,
  ],
  ['compact mappings 2,000 deep', `---\n${'- k: '.repeat(2000)}x\n---\n`, /nested more than 64 levels deep/],
  [
    '20 KB of front matter',
    `---\nnotes: |\n${'  a line of notes that goes on\n'.repeat(700)}---\n`,
    /longer than 1,000 lines or 16 KB/,
  ],
  ['5,000 duplicate keys', `---\n${'a:\n'.repeat(5000)}---\n`, /longer than 1,000 lines/],
  ['a thousand YAML errors', `---\n${'a:\n'.repeat(998)}---\n`, /^Front matter: .*unique/i],
];

/** Texts that are unusual but legal markdown: read without a problem, quickly. */
const ODD_BODIES: readonly (readonly [string, string])[] = [
  [`a list ${DEEP} levels deep (compact)`, `---\nname: x\n---\n\n## Agenda\n\n${'- '.repeat(DEEP)}x\n`],
  [`quotes ${DEEP} deep`, `## Agenda\n${'> '.repeat(DEEP)}x\n`],
  ['a list 700 levels deep (indented, 1 MB)', `## Agenda\n${staircase(700, (i) => `${'  '.repeat(i)}- [ ] x #tag`)}\n`],
  [`${DEEP} nested brackets`, `## Agenda\n- ${'['.repeat(DEEP)}x${']('.repeat(DEEP)}\n`],
  [`${DEEP} backticks`, `## Agenda\n- ${'`'.repeat(DEEP)}x\n`],
  [`${DEEP} unclosed fences`, '```\n'.repeat(DEEP)],
  [`${DEEP} html tags`, '<div>'.repeat(DEEP)],
  ['a 1 MB line', `## Agenda\n- ${'x'.repeat(MAX_FILE_BYTES - 20)}\n`],
  [`${DEEP} tags`, `## Agenda\n- ${'#a/'.repeat(DEEP)}\n`],
  ['every kind of line break', 'a\r\n\r\r\n\n\u2028\u2029\u0085'.repeat(DEEP)],
];

// No timing assertion here (speed lives in `npm run bench`): a parse that
// hangs or runs away is caught by mocha's per-test timeout instead.
function timed<T>(_what: string, fn: () => T): T {
  return fn();
}

describe('bad input: front matter the journal cannot read', () => {
  for (const [what, text, message] of BAD_FRONT_MATTER) {
    it(`${what}: every kind of file gets an entry with an error that says so, at once, and is never edited`, () => {
      const index = new JournalIndex();
      for (const path of KINDS) {
        const entry = timed(`${what} in ${path}`, () => index.update(path, text));
        assert.strictEqual(index.get(path), entry);
        const errors = entry.problems.filter((p) => p.severity === 'error');
        assert.ok(errors.length > 0, `${path}: no error`);
        assert.match(errors[0]!.message, message, path);
        assert.ok(errors.length <= 11, `${errors.length} problems: a few, not thousands`);
        for (const p of entry.problems)
          assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line <= text.split('\n').length, `line ${p.line}`);
        assert.deepStrictEqual(entry.data, {}, 'nothing is read from it');
      }
      const doc = timed(`${what}: parse`, () => parseDocument(text));
      const refusal = editRefusal('people/x.md', doc);
      assert.ok(refusal, 'the writer refuses to edit it');
      assert.match(
        refusal,
        /^people\/x\.md was not changed: .+\(line \d+; see the Problems panel\)\. Fix it by hand, then try again\.$/,
      );
      // The core's own edit of a key refuses too (an alias bomb it can edit: the writer refused above).
      const set = timed(`${what}: setField`, () => setField(doc, 'status', 'done'));
      if (!/alias/.test(what)) assert.ok('error' in set, 'setting a key is refused');
    });
  }
});

describe('bad input: odd but legal markdown', () => {
  for (const [what, text] of ODD_BODIES) {
    it(`${what}: read without throwing, at once`, () => {
      const index = new JournalIndex();
      for (const path of KINDS) timed(`${what} in ${path}`, () => index.update(path, text));
      const doc = timed(`${what}: parse`, () => parseDocument(text));
      timed(`${what}: an agenda item`, () =>
        addListItem(doc, { heading: 'Agenda', createAt: 'start' }, { text: 'added' }),
      );
    });
  }
});

describe('bad input: bytes that are not journal text', () => {
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...'---\nname: x\n---\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
  const cases: readonly (readonly [string, Uint8Array, RegExp])[] = [
    [
      'binary (a PNG header)',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /looks binary.*Move it out of the journal folder/,
    ],
    ['UTF-16 with a BOM', utf16, /looks binary/],
    ['Latin-1', new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]), /not valid UTF-8.*save it as UTF-8/],
    ['a lone continuation byte', new Uint8Array([0x61, 0x80, 0x62]), /not valid UTF-8/],
    ['an overlong encoding of "/"', new Uint8Array([0xc0, 0xaf]), /not valid UTF-8/],
    ['a surrogate encoded in UTF-8', new Uint8Array([0xed, 0xa0, 0x80]), /not valid UTF-8/],
    ['a truncated 4-byte character', new Uint8Array([0xf0, 0x9f, 0x8e]), /not valid UTF-8/],
    ['5 MB', new Uint8Array(5 * 1024 * 1024).fill(0x61), /5 MB; journal files over 1 MB are not read\. Split it/],
    ['1 MB and one byte', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), /over 1 MB are not read/],
  ];

  for (const [what, bytes, message] of cases) {
    it(`${what}: skipped with a problem that says what to do, as the store indexes it`, () => {
      const read = timed(what, () => fileText(bytes));
      assert.strictEqual(read.kind, 'unreadable');
      assert.match(read.kind === 'unreadable' ? read.message : '', message);
      // What the store does with a file it cannot read: an entry that shows, with its problem.
      const index = new JournalIndex();
      for (const path of KINDS) {
        assert.ok(read.kind === 'unreadable');
        const entry = index.markUnreadable(path, read.message);
        assert.strictEqual(entry.problems.length, 1);
        assert.match(entry.problems[0]!.message, message);
      }
      assert.deepStrictEqual(
        index.people().map((p) => p.slug),
        ['alex-kim', 'x'],
        'the person, and the one of the meeting folder, still show',
      );
    });
  }

  it('reads UTF-8 with or without a BOM, and exactly 1 MB', () => {
    assert.deepStrictEqual(fileText(new TextEncoder().encode('# café\n')), { kind: 'text', text: '# café\n' });
    assert.deepStrictEqual(fileText(new Uint8Array([0xef, 0xbb, 0xbf, 0x23])), { kind: 'text', text: '\uFEFF#' });
    assert.strictEqual(fileText(new Uint8Array(MAX_FILE_BYTES).fill(0x61)).kind, 'text');
  });

  it('the writer refuses text VS Code holds that the store would skip: NUL characters, over 1 MB', () => {
    assert.match(
      editRefusal('goals/g.md', parseDocument('## Progress\n\u0000\n'))!,
      /^goals\/g\.md was not changed: it contains NUL characters/,
    );
    assert.match(
      editRefusal('goals/g.md', parseDocument(`## Progress\n${'é'.repeat(MAX_FILE_BYTES / 2 + 1)}\n`))!,
      /^goals\/g\.md was not changed: it is over 1 MB/,
    );
    assert.strictEqual(editRefusal('goals/g.md', parseDocument('---\nstatus: active\n---\n## Progress\n')), undefined);
    // A warning (an unknown status) is the user's business: it does not stop an edit.
    assert.strictEqual(editRefusal('goals/g.md', parseDocument('---\nstatus: someday\n---\n')), undefined);
  });

  it('property: any bytes are read or skipped, never thrown on; what is read indexes without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const read = fileText(bytes);
        if (read.kind === 'text') new JournalIndex().update('people/x.md', read.text);
        else assert.match(read.message, /^Skipped: /);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('bad input: nesting of every kind in front matter', () => {
  // Each of these once made yaml recurse thousands deep; one variant aborted
  // Node itself ("RegExpCompiler Allocation failed"), which in VS Code would
  // take down the extension host. Whatever the mix, reading stays quick.
  const tokens = [
    '- ',
    '? ',
    ': ',
    'k: ',
    '- k: ',
    '[',
    '{',
    '{a: ',
    '[a, ',
    '&a ',
    '!!seq ',
    '"',
    "'",
    '|\n',
    ' - ',
    'a:\n',
    '- \n',
    '? - ',
    '*a ',
    '>-\n',
    '- ? ',
    '? k: ',
    '!t - ',
    '&a - ',
    '-\t',
    '?\t',
    'k:\t',
    '[{',
    '- [',
    'k: {a: ',
    ' ? \n',
  ];
  it('property: any token repeated up to 10,000 times, wherever it starts, reads and edits in a moment', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...tokens),
        fc.integer({ min: 1, max: DEEP }),
        fc.constantFrom('', 'k: ', 'k:\n  ', '- '),
        (token, n, prefix) => {
          const text = `---\n${prefix}${token.repeat(n)}x\n---\n\n## Agenda\n`;
          const entry = timed(`${JSON.stringify(token)} × ${n}`, () => new JournalIndex().update('people/x.md', text));
          assert.ok(Array.isArray(entry.problems));
          timed(`${JSON.stringify(token)} × ${n}: setField`, () => setField(parseDocument(text), 'name', 'y'));
        },
      ),
      { numRuns: 40 },
    );
  });
});

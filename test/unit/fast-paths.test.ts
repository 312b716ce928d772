// Indexing thousands of files takes shortcuts: list items read by hand, tags
// and code spans looked for only when a `#` or a backtick is there, headings
// normalized without regexes when nothing needs stripping, paths classified
// without split, LF-only text split with indexOf. Each must read exactly as
// the plain form it replaces, which the references here restate.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import { JournalIndex } from '../../src/core/journal-index';
import { classify, FOLDERS } from '../../src/core/layout';
import { scanMarkdown } from '../../src/core/markdown';
import { blankCodeSpans, extractTags } from '../../src/core/markdown-inline';
import { normalizeHeading } from '../../src/core/markdown-sections';
import { isIsoDate } from '../../src/core/dates';
import { splitLines, toSource } from '../../src/core/text';
import { markdownFile, proseLine, RUNS } from './arbitraries';

/** Lines made of what list items, headings and tags are made of. */
const lineOf = (pieces: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((ps) => ps.join(''));
const listLine = lineOf([
  ' ',
  '  ',
  '\t',
  '-',
  '*',
  '+',
  '1',
  '9',
  '0',
  '1234567890',
  '.',
  ')',
  '[',
  ']',
  ' ',
  'x',
  'X',
  '[ ]',
  '[x]',
  '[X]',
  'a',
  '#tag',
  '`',
  '\u00a0',
  '\u3000',
  'é',
]);
const headingText = fc.oneof(
  proseLine,
  lineOf([' ', '\t', '*', '_', '`', ':', 'a', 'B', 'É', '\u00a0', '\u2028', '\ufeff', '#', 'Agenda', 'Action items']),
);

describe('fast paths: list items read by hand', () => {
  /** The pattern the scanner used to read items with (a marker alone on its line is no item). */
  const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)(\[([ xX])\](?:[ \t]+|$))?(.*)$/s;
  const width = (indent: string): number => [...indent].reduce((w, ch) => (ch === '\t' ? w + 4 - (w % 4) : w + 1), 0);

  it('property: a line is an item exactly when the pattern says so, with the same box, columns, text and tags', () => {
    fc.assert(
      fc.property(listLine, (line) => {
        const items = scanMarkdown([{ text: line, eol: '' }]).items;
        const m = LIST_ITEM.exec(line);
        const isItem = m !== null && !(m[3] === '' && m[4] === undefined && m[6] === '');
        // A line that is a heading, a fence or HTML first is no item either way.
        if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line) || /^[ \t]*(`{3,}|~{3,})/.test(line)) return;
        assert.strictEqual(items.length, isItem ? 1 : 0, JSON.stringify(line));
        if (!isItem) return;
        const item = items[0]!;
        const markerEnd = m[1]!.length + m[2]!.length;
        assert.deepStrictEqual(
          {
            contentIndent: item.contentIndent,
            checked: item.checked,
            checkCharacter: item.checkCharacter,
            text: item.text,
            tags: [...item.tags],
          },
          {
            contentIndent: width(m[1]!) + m[2]!.length + Math.max(1, Math.min(m[3]!.length, 4)),
            checked: m[4] === undefined ? undefined : m[5] !== ' ',
            checkCharacter: m[4] === undefined ? undefined : markerEnd + m[3]!.length + 1,
            text: m[6]!.trim(),
            tags: extractTags(m[6]!),
          },
          JSON.stringify(line),
        );
      }),
      { numRuns: RUNS * 8 },
    );
  });
});

describe('fast paths: headings read by hand', () => {
  /** The pattern and replacements the scanner used to read headings with. */
  const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/s;
  const headingLine = lineOf([
    ' ',
    '  ',
    '\t',
    '#',
    '##',
    '###',
    '#######',
    'a',
    'B c',
    'C#',
    '\u00a0',
    '\u2028',
    '`x`',
    ':',
    '*',
  ]);

  it('property: a line is a heading exactly when the pattern says so, with the same level and text', () => {
    fc.assert(
      fc.property(headingLine, (line) => {
        const m = ATX.exec(line);
        const expected = m
          ? [
              {
                line: 0,
                level: m[1]!.length,
                text: (m[2] ?? '')
                  .replace(/[ \t]+#+[ \t]*$/, '')
                  .replace(/^#+$/, '')
                  .trim(),
              },
            ]
          : [];
        assert.deepStrictEqual(scanMarkdown([{ text: line, eol: '' }]).headings, expected, JSON.stringify(line));
      }),
      { numRuns: RUNS * 8 },
    );
  });
});

describe('fast paths: tags found from each #', () => {
  /** extractTags as it was: one global regex over the text. */
  const reference = (text: string): string[] => {
    const withoutCode = blankCodeSpans(text).replace(/\]\([^)]*\)/g, '] ');
    const tags: string[] = [];
    for (const m of withoutCode.matchAll(/(?:^|[\s(])#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu)) {
      const tag = m[1]!.toLowerCase().replace(/[/-]+$/, '');
      if (!/^\d+$/.test(tag) && !tags.includes(tag)) tags.push(tag);
    }
    return tags;
  };
  const tagText = lineOf([
    '#',
    '##',
    ' ',
    '(',
    ')',
    '\t',
    '\u00a0',
    '\u3000',
    '\u2028',
    '\ufeff',
    '\u200b',
    'a',
    'B',
    'É',
    '𝒜',
    '\ud835',
    '7',
    '_',
    '/',
    '-',
    '`',
    '[x](#y)',
    '](',
    'goal/',
    '#private',
    '#42',
    'x#y',
  ]);

  it('property: extractTags reads as one regex over the text did', () => {
    fc.assert(
      fc.property(fc.oneof(tagText, proseLine, fc.string()), (text) =>
        assert.deepStrictEqual(extractTags(text), reference(text), JSON.stringify(text)),
      ),
      { numRuns: RUNS * 8 },
    );
  });
});

describe('fast paths: tags, code spans and headings', () => {
  it('without a `#` there are no tags, and without a backtick no code span to blank', () => {
    fc.assert(
      fc.property(fc.oneof(proseLine, fc.string()), (text) => {
        if (!text.includes('#')) assert.deepStrictEqual(extractTags(text), []);
        if (!text.includes('`')) assert.strictEqual(blankCodeSpans(text), text);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: normalizeHeading reads as its regexes do', () => {
    const reference = (text: string): string => text.replace(/[*_`]/g, '').replace(/:\s*$/, '').trim().toLowerCase();
    fc.assert(
      fc.property(fc.oneof(headingText, fc.string()), (text) =>
        assert.strictEqual(normalizeHeading(text), reference(text), JSON.stringify(text)),
      ),
      { numRuns: RUNS * 4 },
    );
    for (const text of [':', 'a:', 'a: ', ' a', '*a*', 'A', '', ' '])
      assert.strictEqual(normalizeHeading(text), reference(text), JSON.stringify(text));
  });
});

describe('fast paths: lines and paths', () => {
  it('property: toSource splits an LF-only text as splitLines does, and counts its breaks', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          markdownFile.map((f) => f.text),
          fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ', '\uFEFF') }),
        ),
        (raw) => {
          const source = toSource(raw);
          const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
          assert.deepStrictEqual(source.lines, splitLines(text));
          const eols = source.lines.map((l) => l.eol).filter((e) => e !== '');
          assert.strictEqual(source.mixedEol, new Set(eols).size > 1);
          if (!text.includes('\r')) assert.strictEqual(source.eol, '\n');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('property: classify reads a path as splitting it on `/` does', () => {
    const reference = (relativePath: string): unknown => {
      const parts = relativePath.split('/');
      const file = parts[parts.length - 1] ?? '';
      if (!/\.md$/i.test(file)) return { kind: 'other', slug: file };
      const slug = file.replace(/\.md$/i, '');
      const kinds: Record<string, string> = {
        [FOLDERS.people]: 'person',
        [FOLDERS.goals]: 'goal',
        [FOLDERS.feedback]: 'feedback',
        [FOLDERS.templates]: 'template',
      };
      if (parts.length === 2 && Object.prototype.hasOwnProperty.call(kinds, parts[0]!))
        return { kind: kinds[parts[0]!], slug };
      if (parts.length === 1 && slug.toLowerCase() === 'questions') return { kind: 'questions', slug };
      if (parts.length === 3 && parts[0] === FOLDERS.meetings) {
        const m = /^(\d{4}-\d{2}-\d{2})(?:[-_ ].*)?$/.exec(slug);
        if (m && isIsoDate(m[1]!)) return { kind: 'meeting', slug, person: parts[1]!, date: m[1]! };
      }
      return { kind: 'other', slug };
    };
    const segment = fc.constantFrom(
      'meetings',
      'people',
      'goals',
      'feedback',
      'templates',
      'Meetings',
      'a',
      '',
      '.md',
      'x.md',
      'X.MD',
      'questions.md',
      'Questions.MD',
      '2026-11-10.md',
      '2024-02-29 late.md',
      '2026-02-30.md',
      '2026-11-10x.md',
      'x.md.bak',
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), (parts) => {
        const path = parts.join('/');
        assert.deepStrictEqual(classify(path), reference(path), path);
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('fast paths: what the index keeps', () => {
  it('items with the same tags share one frozen list; goals and texts read as before', () => {
    const index = new JournalIndex();
    const text = (n: number): string =>
      `---\ndate: 2026-11-1${n}\nstatus: planned\n---\n\n## Agenda\n\n- [ ] Roadmap #growth #goal/lead\n- [ ] Nothing tagged\n  Source: [src/a.ts:1-2](https://e.example/a)\n\n## Private\n\n- [ ] Mine #growth #goal/lead\n`;
    const a = index.update('meetings/alex/2026-11-11.md', text(1));
    const b = index.update('meetings/sam/2026-11-12.md', text(2));
    assert.deepStrictEqual(
      a.agenda.map((i) => [i.text, [...i.tags], i.source]),
      [
        ['Roadmap #growth #goal/lead', ['growth', 'goal/lead'], undefined],
        ['Nothing tagged', [], { label: 'src/a.ts:1-2', url: 'https://e.example/a' }],
      ],
    );
    assert.strictEqual(a.agenda[0]!.tags, b.agenda[0]!.tags);
    assert.strictEqual(a.agenda[1]!.tags, b.agenda[1]!.tags);
    assert.ok(Object.isFrozen(a.agenda[0]!.tags));
    assert.deepStrictEqual(a.goals, ['lead']);
    assert.deepStrictEqual(
      parseDocument(text(1)).scan.items.map((i) => [...i.tags]),
      [['growth', 'goal/lead'], [], ['growth', 'goal/lead']],
    );
  });
});

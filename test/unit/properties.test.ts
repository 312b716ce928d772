// Property tests over arbitrary "markdown-ish" journal files: parsing never
// throws, untouched files stay byte-identical, and every edit the core makes
// is the smallest one that does the job.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import { addListItem, NewListItem, SectionTarget } from '../../src/core/edits';
import { setField } from '../../src/core/front-matter-edits';
import { setItemChecked } from '../../src/core/item-edits';
import { findSection, itemsIn } from '../../src/core/markdown-sections';
import { applyEdits, offsetAt, splitLines, toSource } from '../../src/core/text';
import { fileWithFrontMatter, markdownFile, proseLine, RUNS } from './arbitraries';

const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: anyCodePoint }),
  fc.string({
    unit: fc.constantFrom('-', '#', ' ', '\n', '\r', '`', '~', '<', '>', '[', ']', 'x', ':', '\t', '!', '\uFEFF'),
  }),
);

const endsWithBreak = (s: string): boolean => /[\r\n]$/.test(s);

describe('properties: parsing', () => {
  it('(a) parseDocument never throws on generated journal files, and scans every line', () => {
    fc.assert(
      fc.property(markdownFile, ({ text }) => {
        const d = parseDocument(text);
        assert.strictEqual(d.scan.kinds.length, d.source.lines.length);
        for (let i = 0; i < d.scan.kinds.length; i++) assert.ok(d.scan.kinds[i] !== undefined, `line ${i} has no kind`);
        for (const p of d.problems) assert.ok(p.line >= 0 && p.line < d.source.lines.length, `problem line ${p.line}`);
        for (const item of d.scan.items) {
          assert.ok(item.endLine > item.line);
          assert.ok(item.parent < d.scan.items.indexOf(item));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(a) parseDocument never throws on any string', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const d = parseDocument(text);
        assert.strictEqual(d.scan.kinds.length, d.source.lines.length);
        assert.strictEqual(typeof d.data, 'object');
      }),
      { numRuns: RUNS },
    );
  });

  it('(b, f) an unedited file is byte-identical and splitLines round-trips', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          markdownFile.map((f) => f.text),
          anyString,
        ),
        (text) => {
          assert.strictEqual(applyEdits(text, []), text);
          const source = toSource(text);
          const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
          assert.strictEqual(source.text, withoutBom);
          assert.strictEqual(
            splitLines(source.text)
              .map((l) => l.text + l.eol)
              .join(''),
            withoutBom,
          );
          assert.strictEqual(
            parseDocument(text)
              .source.lines.map((l) => l.text + l.eol)
              .join(''),
            withoutBom,
          );
          for (const line of source.lines) assert.ok(!/[\r\n]/.test(line.text));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

const targetArb: fc.Arbitrary<SectionTarget> = fc.oneof(
  fc.constant<SectionTarget>({ heading: 'Agenda', aliases: ['Talking points', 'Topics'], createAt: 'start' }),
  fc.constant<SectionTarget>({ heading: 'Agenda', createAt: 'end' }),
  fc.constant<SectionTarget>({ heading: 'Action items', createAt: 'end' }),
  fc.constant<SectionTarget>({ heading: 'Wins', createAt: 'start' }),
);

const itemArb: fc.Arbitrary<NewListItem> = fc.record(
  {
    text: fc.oneof(
      proseLine,
      fc.constantFrom('line\nbreak', 'cr\ronly', '  padded  ', '#growth talk', '`code` and <b>html</b>'),
    ),
    checkbox: fc.boolean(),
    // Bodies are self-contained blocks: a quote, a balanced code fence, prose, blank lines.
    body: fc
      .array(
        fc.oneof(
          proseLine.map((l) => [l]),
          fc.constantFrom(
            ['> quote'],
            [''],
            ['```', '## not a heading', '- [ ] not an item', '```'],
            ['~~~ts', 'code', '~~~'],
          ),
        ),
        { maxLength: 3 },
      )
      // A body ending in an empty line adds a final newline (a known bug with its own test in edits.test.ts).
      .map((blocks) => {
        const lines = blocks.flat();
        while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
        return lines;
      }),
  },
  { requiredKeys: ['text'] },
);

describe('properties: addListItem', () => {
  it('(c) inserts whole lines only, keeps every original byte, BOM and final-newline state, and the item lands in the section', () => {
    fc.assert(
      fc.property(markdownFile, targetArb, itemArb, (file, target, item) => {
        const d = parseDocument(file.text);
        const result = addListItem(d, target, item);
        if ('error' in result) {
          assert.ok(
            d.scan.unterminatedFrontMatter || d.scan.unclosedBlockLine !== undefined,
            `unexpected refusal: ${result.error}`,
          );
          return;
        }
        assert.ok(!d.scan.unterminatedFrontMatter, 'should have refused');
        // A block left open is only ever below the insertion (it stays open, moved down).
        if (d.scan.unclosedBlockLine !== undefined) {
          const added = parseDocument(applyEdits(file.text, result.edits)).scan.unclosedBlockLine;
          assert.ok(added !== undefined && added > d.scan.unclosedBlockLine, 'inserted above the open block');
        }
        assert.strictEqual(result.edits.length, 1);
        const edit = result.edits[0]!;
        assert.deepStrictEqual(edit.range.start, edit.range.end, 'an insertion');
        const { source } = d;
        const offset = offsetAt(source.lines, edit.range.start);
        const out = applyEdits(file.text, result.edits);

        // Removing the inserted text gives back the original, byte for byte.
        assert.strictEqual(
          out.slice(0, offset + (source.bom ? 1 : 0)) + out.slice(offset + (source.bom ? 1 : 0) + edit.newText.length),
          file.text,
        );

        // Whole lines: the insertion starts at a line start (or right after the last character) and ends at a line end.
        const outText = out.startsWith('\uFEFF') ? out.slice(1) : out;
        const before = outText.slice(0, offset);
        // The file's line break, except where it would merge with a neighbour into one CRLF: right after a lone
        // CR an LF would (a CR is used), and before a line break starting with LF a lone CR would (a CRLF is).
        const eol =
          before.endsWith('\r') && source.eol === '\n'
            ? '\r'
            : source.eol === '\r' && source.text.slice(offset).startsWith('\n')
              ? '\r\n'
              : source.eol;
        assert.ok(
          offset === 0 || /[\r\n]$/.test(before) || (offset === source.text.length && edit.newText.startsWith(eol)),
          'starts at a line boundary',
        );
        assert.ok(offset === source.text.length || edit.newText.endsWith(eol), 'ends at a line boundary');
        for (const l of splitLines(edit.newText))
          if (l.eol !== '') assert.strictEqual(l.eol, eol, 'inserted breaks use the file eol');

        // BOM and final newline unchanged (an empty file gets its first line).
        assert.strictEqual(out.startsWith('\uFEFF'), file.text.startsWith('\uFEFF'));
        if (source.text !== '') assert.strictEqual(endsWithBreak(out), endsWithBreak(file.text), 'final newline state');

        // The new item is an item of the target section.
        const nd = parseDocument(out);
        const names = [target.heading, ...(target.aliases ?? [])];
        const section = findSection(nd.scan, nd.source.lines.length, names);
        assert.ok(section, 'the section exists');
        const expected = item.text.replace(/[\r\n]+/g, ' ').trim();
        // Headings keep their text: lines before the insertion stay put, lines after shift by the number inserted.
        const oldLines = source.lines;
        const newLines = nd.source.lines;
        const added = newLines.length - oldLines.length;
        let firstNewLine = 0;
        while (firstNewLine < oldLines.length && oldLines[firstNewLine]!.text === newLines[firstNewLine]!.text)
          firstNewLine++;
        const shift = (l: number): number => (l >= firstNewLine ? l + added : l);
        const found = itemsIn(nd.scan, section).find(
          (i) =>
            i.line >= firstNewLine &&
            i.line < firstNewLine + added + 1 &&
            i.text === expected &&
            i.checked === (item.checkbox === false ? undefined : false),
        );
        assert.ok(found, `new item ${JSON.stringify(expected)} not in the section:\n${JSON.stringify(out)}`);
        const newHeadings = new Map(nd.scan.headings.map((h) => [h.line, h.text]));
        for (const h of d.scan.headings)
          assert.strictEqual(newHeadings.get(shift(h.line)), h.text, `heading on line ${h.line}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties: setItemChecked', () => {
  it('(d) changes exactly one character of a checkbox item, and re-parses with the new state', () => {
    fc.assert(
      fc.property(markdownFile, fc.nat(), fc.boolean(), (file, pick, checked) => {
        const d = parseDocument(file.text);
        const boxes = d.scan.items.filter((i) => i.checked !== undefined);
        if (boxes.length === 0) return;
        const item = boxes[pick % boxes.length]!;
        const result = setItemChecked(d, item.line, checked);
        assert.ok('edits' in result);
        const out = applyEdits(file.text, result.edits);
        if (item.checked === checked) {
          assert.strictEqual(out, file.text);
          return;
        }
        assert.strictEqual(out.length, file.text.length);
        let diffs = 0;
        for (let i = 0; i < out.length; i++) if (out[i] !== file.text[i]) diffs++;
        assert.strictEqual(diffs, 1);
        const again = parseDocument(out).scan.items.find((i) => i.line === item.line);
        assert.strictEqual(again?.checked, checked);
      }),
      { numRuns: RUNS },
    );
  });
});

const scalarArb = fc.oneof(
  proseLine,
  fc.string(),
  fc.constantFrom('Sam: "the" boss', '#hash', 'true', '', ' x ', '- dash', 'a\nb', 'null', '2026-01-01', "it's"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

describe('properties: setFrontMatterValue', () => {
  it('(e) re-parses with the new value, other keys unchanged, and every line outside the front matter byte-identical', () => {
    fc.assert(
      fc.property(
        fileWithFrontMatter,
        fc.constantFrom('date', 'status', 'name', 'role', 'title', 'x-custom', 'brandNew'),
        scalarArb,
        (text, key, value) => {
          const d = parseDocument(text);
          fc.pre(d.problems.length === 0);
          const result = setField(d, key, value);
          if ('error' in result) {
            const current = d.data[key];
            assert.ok(typeof current === 'object' && current !== null, `unexpected refusal: ${result.error}`);
            return;
          }
          const out = applyEdits(text, result.edits);
          const nd = parseDocument(out);
          assert.deepStrictEqual(nd.problems, [], out);
          const expectedValue = typeof value === 'string' ? value.replace(/[\r\n]+/g, ' ') : value;
          assert.deepStrictEqual(nd.data, { ...d.data, [key]: expectedValue });
          assert.deepStrictEqual(
            Object.keys(nd.data).slice(0, Object.keys(d.data).length),
            Object.keys(d.data),
            'key order kept',
          );

          // Lines after the front matter are byte-identical.
          const oldLines = d.source.lines;
          const newLines = nd.source.lines;
          const oldAfter = oldLines.slice(d.scan.frontMatter!.endLine + 1);
          const newAfter = newLines.slice(nd.scan.frontMatter!.endLine + 1);
          assert.deepStrictEqual(newAfter, oldAfter);
          assert.strictEqual(out.startsWith('\uFEFF'), text.startsWith('\uFEFF'));
          // Inside the front matter, only the line of the key changes (or one line is added).
          const added = newLines.length - oldLines.length;
          assert.ok(added === 0 || added === 1, `added ${added} lines`);
          let changed = 0;
          for (let i = 0, j = 0; i < oldLines.length; i++, j++) {
            if (oldLines[i]!.text !== newLines[j]!.text || oldLines[i]!.eol !== newLines[j]!.eol) {
              if (added === 1) i--;
              changed++;
            }
          }
          assert.ok(changed <= 1, `changed ${changed} lines`);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

import * as assert from 'assert';
import {
  applyEdits,
  indentWidth,
  insertAt,
  isBlank,
  offsetAt,
  pos,
  splitLines,
  stripBom,
  toSource,
} from '../../src/core/text';

describe('text: splitLines', () => {
  it('splits LF lines and keeps an empty last line after a final newline', () => {
    assert.deepStrictEqual(splitLines('a\nb\n'), [
      { text: 'a', eol: '\n' },
      { text: 'b', eol: '\n' },
      { text: '', eol: '' },
    ]);
  });

  it('splits CRLF as one break, not two', () => {
    assert.deepStrictEqual(splitLines('a\r\nb'), [
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '' },
    ]);
  });

  it('treats a lone CR as a line break', () => {
    assert.deepStrictEqual(splitLines('a\rb\r'), [
      { text: 'a', eol: '\r' },
      { text: 'b', eol: '\r' },
      { text: '', eol: '' },
    ]);
  });

  it('handles mixed breaks, including \\r\\r\\n and \\n\\r', () => {
    assert.deepStrictEqual(
      splitLines('a\nb\r\nc\rd\r\r\ne\n\rf').map((l) => [l.text, l.eol]),
      [
        ['a', '\n'],
        ['b', '\r\n'],
        ['c', '\r'],
        ['d', '\r'],
        ['', '\r\n'],
        ['e', '\n'],
        ['', '\r'],
        ['f', ''],
      ],
    );
  });

  it('gives one empty line for the empty string', () => {
    assert.deepStrictEqual(splitLines(''), [{ text: '', eol: '' }]);
  });

  it('keeps a last line without a final newline', () => {
    assert.deepStrictEqual(splitLines('x\ny'), [
      { text: 'x', eol: '\n' },
      { text: 'y', eol: '' },
    ]);
  });

  it('does not split on U+2028 or NEL', () => {
    assert.strictEqual(splitLines('a\u2028b\u0085c').length, 1);
  });
});

describe('text: toSource', () => {
  it('strips a BOM and records it', () => {
    const s = toSource('\uFEFF# Hi\n');
    assert.strictEqual(s.bom, true);
    assert.strictEqual(s.text, '# Hi\n');
    assert.strictEqual(s.lines[0]!.text, '# Hi');
  });

  it('only strips a leading BOM, once', () => {
    const s = toSource('\uFEFF\uFEFFx');
    assert.strictEqual(s.bom, true);
    assert.strictEqual(s.text, '\uFEFFx');
    assert.deepStrictEqual(stripBom('a\uFEFF'), { text: 'a\uFEFF', bom: false });
  });

  it('defaults to LF and no mixing for text without breaks', () => {
    const s = toSource('one line');
    assert.strictEqual(s.eol, '\n');
    assert.strictEqual(s.mixedEol, false);
    assert.strictEqual(s.bom, false);
  });

  it('picks CRLF for a CRLF file', () => {
    const s = toSource('a\r\nb\r\n');
    assert.strictEqual(s.eol, '\r\n');
    assert.strictEqual(s.mixedEol, false);
  });

  it('picks CR for a CR-only file', () => {
    const s = toSource('a\rb\r');
    assert.strictEqual(s.eol, '\r');
    assert.strictEqual(s.mixedEol, false);
  });

  it('picks the most common break in a mixed file and flags it', () => {
    const s = toSource('a\r\nb\r\nc\nd');
    assert.strictEqual(s.eol, '\r\n');
    assert.strictEqual(s.mixedEol, true);
    const t = toSource('a\nb\nc\r\nd');
    assert.strictEqual(t.eol, '\n');
    assert.strictEqual(t.mixedEol, true);
  });

  it('breaks a CRLF/LF tie towards LF', () => {
    assert.strictEqual(toSource('a\r\nb\nc').eol, '\n');
  });

  it('handles the empty string', () => {
    const s = toSource('');
    assert.deepStrictEqual(s, { text: '', bom: false, lines: [{ text: '', eol: '' }], eol: '\n', mixedEol: false });
  });
});

describe('text: offsetAt', () => {
  const lines = splitLines('ab\r\ncd\nef');

  it('counts each line break by its length', () => {
    assert.strictEqual(offsetAt(lines, pos(0, 0)), 0);
    assert.strictEqual(offsetAt(lines, pos(0, 2)), 2);
    assert.strictEqual(offsetAt(lines, pos(1, 0)), 4);
    assert.strictEqual(offsetAt(lines, pos(2, 1)), 8);
  });

  it('clamps a character past the end of its line to the line end', () => {
    assert.strictEqual(offsetAt(lines, pos(0, 99)), 2);
  });

  it('clamps a line past the end of the text to the text length', () => {
    assert.strictEqual(offsetAt(lines, pos(10, 3)), 'ab\r\ncd\nef'.length);
  });

  it('counts UTF-16 code units (an emoji is two)', () => {
    const l = splitLines('🎉x\ny');
    assert.strictEqual(offsetAt(l, pos(0, 2)), 2);
    assert.strictEqual(offsetAt(l, pos(1, 0)), 4);
  });
});

describe('text: applyEdits', () => {
  it('returns the text unchanged with no edits', () => {
    for (const t of ['', 'a', '\uFEFFa\r\nb', 'x\ry\n']) assert.strictEqual(applyEdits(t, []), t);
  });

  it('applies an insertion, a replacement and a deletion together, in any order', () => {
    const text = 'hello\nworld\n';
    const edits = [
      { range: { start: pos(1, 0), end: pos(1, 5) }, newText: 'there' },
      insertAt(0, 0, '> '),
      { range: { start: pos(0, 4), end: pos(0, 5) }, newText: '' },
    ];
    assert.strictEqual(applyEdits(text, edits), '> hell\nthere\n');
  });

  it('keeps a BOM, and positions do not count it', () => {
    assert.strictEqual(applyEdits('\uFEFFab', [insertAt(0, 1, 'X')]), '\uFEFFaXb');
  });

  it('does not add a BOM to a file without one', () => {
    assert.strictEqual(applyEdits('ab', [insertAt(0, 0, 'X')]), 'Xab');
  });

  it('works on CRLF positions', () => {
    assert.strictEqual(applyEdits('a\r\nb\r\n', [insertAt(1, 0, 'c\r\n')]), 'a\r\nc\r\nb\r\n');
  });

  it('rejects overlapping edits', () => {
    assert.throws(
      () =>
        applyEdits('abcdef', [
          { range: { start: pos(0, 0), end: pos(0, 3) }, newText: 'x' },
          { range: { start: pos(0, 2), end: pos(0, 4) }, newText: 'y' },
        ]),
      /overlapping/,
    );
  });

  it('accepts touching edits and two insertions at the same point', () => {
    const out = applyEdits('abcd', [
      { range: { start: pos(0, 0), end: pos(0, 2) }, newText: 'X' },
      { range: { start: pos(0, 2), end: pos(0, 4) }, newText: 'Y' },
    ]);
    assert.strictEqual(out, 'XY');
    assert.strictEqual(applyEdits('ab', [insertAt(0, 1, '1'), insertAt(0, 1, '2')]).length, 4);
  });

  it('can replace a line break', () => {
    assert.strictEqual(applyEdits('a\r\nb', [{ range: { start: pos(0, 1), end: pos(1, 0) }, newText: ' ' }]), 'a b');
  });
});

describe('text: helpers', () => {
  it('isBlank accepts spaces and tabs only', () => {
    assert.strictEqual(isBlank(''), true);
    assert.strictEqual(isBlank(' \t '), true);
    assert.strictEqual(isBlank('\u00a0'), false);
    assert.strictEqual(isBlank(' x'), false);
  });

  it('indentWidth advances tabs to the next multiple of 4', () => {
    assert.strictEqual(indentWidth('  x'), 2);
    assert.strictEqual(indentWidth('\tx'), 4);
    assert.strictEqual(indentWidth(' \tx'), 4);
    assert.strictEqual(indentWidth('     \tx'), 8);
    assert.strictEqual(indentWidth('x  '), 0);
  });
});

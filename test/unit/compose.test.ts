// Edits made in rounds, each against the text the previous rounds produced,
// expressed as one set of edits against the original.

import * as assert from 'assert';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/document';
import { addListItem, addListItemsLines, sequence } from '../../src/core/edits';
import { setField } from '../../src/core/front-matter-edits';
import {
  applyEdits,
  composeEdits,
  insertAt,
  offsetAt,
  positionAt,
  splitLines,
  stripBom,
  TextEdit,
} from '../../src/core/text';
import { editsOf, markdownFile, RUNS } from './arbitraries';

const replace = (sl: number, sc: number, el: number, ec: number, newText: string): TextEdit => ({
  range: { start: { line: sl, character: sc }, end: { line: el, character: ec } },
  newText,
});

/** Applies the rounds one after the other. */
function sequentially(original: string, rounds: readonly (readonly TextEdit[])[]): string {
  return rounds.reduce((text, round) => applyEdits(text, round), original);
}

describe('compose: composeEdits', () => {
  it('is the identity for no rounds and for empty rounds', () => {
    assert.deepStrictEqual(composeEdits('abc\n', []), []);
    assert.deepStrictEqual(composeEdits('abc\n', [[], []]), []);
  });

  it('maps a later round’s positions back past an earlier insertion', () => {
    const original = 'one\ntwo\nthree\n';
    const rounds = [[insertAt(1, 0, 'inserted\n')], [insertAt(3, 0, 'after two\n')]];
    const edits = composeEdits(original, rounds)!;
    assert.deepStrictEqual(edits, [insertAt(1, 0, 'inserted\n'), insertAt(2, 0, 'after two\n')]);
    assert.strictEqual(applyEdits(original, edits), 'one\ninserted\ntwo\nafter two\nthree\n');
  });

  it('joins an insertion that touches an earlier one, on either side, in text order', () => {
    const original = 'ab';
    const rounds = [[insertAt(0, 1, 'XY')], [insertAt(0, 3, '>'), insertAt(0, 1, '<')]];
    assert.deepStrictEqual(composeEdits(original, rounds), [insertAt(0, 1, '<XY>')]);
    assert.strictEqual(sequentially(original, rounds), 'a<XY>b');
  });

  it('keeps replacements and deletions of original text, next to insertions', () => {
    const original = '---\nstatus: planned\n---\n## Agenda\n- [ ] a\n';
    const rounds = [[insertAt(5, 0, '- [ ] b\n')], [replace(1, 8, 1, 15, 'done')], [replace(3, 0, 4, 0, '')]];
    const edits = composeEdits(original, rounds)!;
    assert.strictEqual(applyEdits(original, edits), sequentially(original, rounds));
    assert.strictEqual(applyEdits(original, edits), '---\nstatus: done\n---\n- [ ] a\n- [ ] b\n');
  });

  it('allows a replacement that ends where an earlier insertion starts', () => {
    const original = 'abcdef';
    const rounds = [[insertAt(0, 3, 'X')], [replace(0, 1, 0, 3, 'R')]];
    const edits = composeEdits(original, rounds)!;
    assert.strictEqual(applyEdits(original, edits), 'aRXdef');
  });

  it('is undefined when a later round edits inside an earlier insertion', () => {
    const original = 'one\ntwo\n';
    assert.strictEqual(composeEdits(original, [[insertAt(1, 0, 'abc\n')], [insertAt(1, 1, 'X')]]), undefined);
    // Rewriting the inserted text, from its start or up to its end.
    assert.strictEqual(composeEdits(original, [[insertAt(1, 0, 'abc\n')], [replace(1, 0, 1, 2, 'Z')]]), undefined);
    assert.strictEqual(composeEdits(original, [[insertAt(1, 0, 'abc\n')], [replace(0, 1, 2, 0, 'Z')]]), undefined);
    assert.strictEqual(composeEdits(original, [[insertAt(1, 0, 'abc\n')], [replace(1, 2, 1, 4, '')]]), undefined);
  });

  it('counts positions after a BOM, as applyEdits does', () => {
    const original = '\uFEFFabc\ndef\nghi';
    const rounds = [[insertAt(1, 0, 'X')], [insertAt(2, 1, 'Y')], [insertAt(0, 0, '>')]];
    const edits = composeEdits(original, rounds)!;
    assert.deepStrictEqual(edits, [insertAt(0, 0, '>'), insertAt(1, 0, 'X'), insertAt(2, 1, 'Y')]);
    assert.strictEqual(applyEdits(original, edits), '\uFEFF>abc\nXdef\ngYhi');
    assert.strictEqual(applyEdits(original, edits), sequentially(original, rounds));
  });

  it('works on CRLF text and insertions that add line breaks', () => {
    const original = 'a\r\nb\r\nc';
    const rounds = [[insertAt(1, 1, '\r\nnew')], [insertAt(3, 1, '!')], [insertAt(2, 3, '?')]];
    const edits = composeEdits(original, rounds)!;
    assert.strictEqual(applyEdits(original, edits), sequentially(original, rounds));
    assert.strictEqual(applyEdits(original, edits), 'a\r\nb\r\nnew?\r\nc!');
  });
});

// ---------------------------------------------------------------------------

interface RoundSpec {
  readonly at: readonly number[];
  readonly texts: readonly string[];
}

const insertedText = fc.oneof(
  fc.constantFrom('', 'x', '- [ ] item\n', '\n', '\r\n', '\r', 'two\nlines\n', '🎉'),
  fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '#', '-', '`'), maxLength: 6 }),
);

const roundArb: fc.Arbitrary<RoundSpec> = fc.record({
  at: fc.array(fc.nat(), { maxLength: 4 }),
  texts: fc.array(insertedText, { minLength: 4, maxLength: 4 }),
});

/**
 * Turns offsets into insertions against the current text. An offset between
 * a CR and an LF has no position and lands at the line end, as in VS Code.
 * Returns the round and whether any insertion falls strictly inside text an
 * earlier round inserted (whose spans are tracked in current offsets).
 */
function makeRound(
  current: string,
  spec: RoundSpec,
  spans: { start: number; end: number }[],
): { round: TextEdit[]; inside: boolean } {
  const bare = stripBom(current).text;
  const lines = splitLines(bare);
  const offsets = [...new Set(spec.at.map((a) => offsetAt(lines, positionAt(lines, a % (bare.length + 1)))))].sort(
    (a, b) => a - b,
  );
  const round = offsets.map((o, i) => {
    const p = positionAt(lines, o);
    return insertAt(p.line, p.character, spec.texts[i]!);
  });
  const inside = offsets.some((o) => spans.some((s) => s.start < o && o < s.end));
  // Shift the tracked spans (text inserted at a span's start goes before it) and add this round's.
  const next: { start: number; end: number }[] = spans.map((s) => {
    let shift = 0;
    offsets.forEach((o, i) => {
      if (o <= s.start) shift += spec.texts[i]!.length;
    });
    return { start: s.start + shift, end: s.end + shift };
  });
  let shift = 0;
  offsets.forEach((o, i) => {
    const len = spec.texts[i]!.length;
    next.push({ start: o + shift, end: o + shift + len });
    shift += len;
  });
  // Insertions that touch are one insertion from then on (composeEdits joins them).
  next.sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of next) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  spans.splice(0, spans.length, ...merged);
  return { round, inside };
}

describe('compose: properties', () => {
  it('equals applying the rounds one after the other, or is undefined exactly when a round inserts inside an earlier insertion', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          markdownFile.map((f) => f.text),
          fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ', '\uFEFF'), maxLength: 12 }),
        ),
        fc.array(roundArb, { maxLength: 4 }),
        (original, specs) => {
          const spans: { start: number; end: number }[] = [];
          const rounds: TextEdit[][] = [];
          let current = original;
          let inside = false;
          for (const spec of specs) {
            const made = makeRound(current, spec, spans);
            inside = inside || made.inside;
            rounds.push(made.round);
            current = applyEdits(current, made.round);
          }
          const composed = composeEdits(original, rounds);
          if (inside) {
            assert.strictEqual(composed, undefined);
            return;
          }
          assert.ok(composed, 'composed');
          for (const e of composed)
            assert.deepStrictEqual(e.range.start, e.range.end, 'insertions compose to insertions');
          assert.ok(composed.length <= rounds.reduce((n, r) => n + r.length, 0));
          assert.strictEqual(applyEdits(original, composed), current);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('compose: sequence and addListItemsLines', () => {
  const AGENDA = { heading: 'Agenda', aliases: ['Talking points'], createAt: 'start' } as const;
  const ACTIONS = { heading: 'Action items', createAt: 'end' } as const;

  it('sequence gives one set of edits equal to the steps applied one by one', () => {
    const text = '\uFEFF---\r\nstatus: planned\r\n---\r\n# 1:1\r\n\r\n## Agenda\r\n\r\n- [ ] a\r\n\r\n## Notes\r\n';
    const d = parseDocument(text);
    const result = sequence(d, [
      (doc) => addListItem(doc, AGENDA, { text: 'b' }),
      (doc) => addListItem(doc, ACTIONS, { text: 'act' }),
      (doc) => setField(doc, 'status', 'done'),
    ]);
    const out = applyEdits(text, editsOf(result));
    let step = text;
    step = applyEdits(step, editsOf(addListItem(parseDocument(step), AGENDA, { text: 'b' })));
    step = applyEdits(step, editsOf(addListItem(parseDocument(step), ACTIONS, { text: 'act' })));
    step = applyEdits(step, editsOf(setField(parseDocument(step), 'status', 'done')));
    assert.strictEqual(out, step);
    assert.strictEqual(
      out,
      '\uFEFF---\r\nstatus: done\r\n---\r\n# 1:1\r\n\r\n## Agenda\r\n\r\n- [ ] a\r\n- [ ] b\r\n\r\n## Notes\r\n\r\n## Action items\r\n\r\n- [ ] act\r\n',
    );
  });

  it('sequence skips steps with nothing to do and stops at the first refusal', () => {
    const d = parseDocument('## Agenda\n');
    assert.deepStrictEqual(sequence(d, [() => ({ edits: [] })]), { edits: [] });
    assert.deepStrictEqual(
      sequence(d, [
        (doc) => addListItem(doc, AGENDA, { text: 'x' }),
        () => ({ error: 'no' }),
        () => assert.fail('not reached'),
      ]),
      { error: 'no' },
    );
  });

  it('sequence refuses when a step edits inside what an earlier step inserted', () => {
    const d = parseDocument('## Agenda\n');
    const result = sequence(d, [
      (doc) => addListItem(doc, AGENDA, { text: 'new item' }),
      () => ({ edits: [insertAt(2, 3, 'X')] }),
    ]);
    assert.deepStrictEqual(result, {
      error: 'The change could not be expressed as separate edits; nothing was changed.',
    });
  });

  it('addListItemsLines adds several items in one insertion, in order, numbered ones too', () => {
    const text = '## Agenda\n- [ ] a\n\n## Notes\n';
    const result = addListItemsLines(parseDocument(text), AGENDA, [['- [ ] b', '  body'], ['1. [ ] c'], ['* d']]);
    assert.strictEqual(editsOf(result).length, 1);
    assert.strictEqual(
      applyEdits(text, editsOf(result)),
      '## Agenda\n- [ ] a\n- [ ] b\n  body\n1. [ ] c\n* d\n\n## Notes\n',
    );
  });

  it('addListItemsLines does nothing for no items and refuses lines that are not an item', () => {
    assert.deepStrictEqual(addListItemsLines(parseDocument('## Agenda\n'), AGENDA, []), { edits: [] });
    assert.deepStrictEqual(addListItemsLines(parseDocument('## Agenda\n'), AGENDA, [['- [ ] ok'], ['not an item']]), {
      error: 'Not a list item.',
    });
    assert.deepStrictEqual(addListItemsLines(parseDocument('## Agenda\n'), AGENDA, [['## heading']]), {
      error: 'Not a list item.',
    });
  });

  it('addListItemsLines refuses an item whose body would add a heading', () => {
    const result = addListItemsLines(parseDocument('## Agenda\n'), AGENDA, [['- [ ] x', '## sneaky heading']]);
    assert.ok('error' in result);
  });
});

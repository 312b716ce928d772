import * as assert from 'assert';
import { parseDocument } from '../../src/core/document';
import { addListItem, NewListItem, renderListItem, SectionTarget } from '../../src/core/edits';
import { addBlock } from '../../src/core/block-edits';
import { setField } from '../../src/core/front-matter-edits';
import { setItemChecked } from '../../src/core/item-edits';
import { findSection, itemsIn } from '../../src/core/markdown-sections';
import { applyEdits } from '../../src/core/text';

const AGENDA: SectionTarget = { heading: 'Agenda', aliases: ['Talking points'], createAt: 'start' };
const AT_END: SectionTarget = { heading: 'Agenda', createAt: 'end' };

function add(text: string, item: NewListItem = { text: 'new' }, target: SectionTarget = AGENDA): string {
  const result = addListItem(parseDocument(text), target, item);
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return applyEdits(text, result.edits);
}
function addError(text: string, target: SectionTarget = AGENDA): string | undefined {
  const result = addListItem(parseDocument(text), target, { text: 'new' });
  return 'error' in result ? result.error : undefined;
}
function agendaItems(text: string): string[] {
  const d = parseDocument(text);
  const section = findSection(d.scan, d.source.lines.length, ['Agenda', 'Talking points']);
  return section ? itemsIn(d.scan, section).map((i) => i.text) : [];
}

describe('edits: renderListItem', () => {
  it('renders a checkbox item by default, a plain one on request', () => {
    assert.deepStrictEqual(renderListItem({ text: ' a ' }), ['- [ ] a']);
    assert.deepStrictEqual(renderListItem({ text: 'a', checkbox: false }), ['- a']);
  });

  it('joins line breaks in the text and indents body lines by two spaces', () => {
    assert.deepStrictEqual(renderListItem({ text: 'one\r\ntwo\nthree', body: ['> quote', '', '```ts', 'x', '```'] }), [
      '- [ ] one two three',
      '  > quote',
      '',
      '  ```ts',
      '  x',
      '  ```',
    ]);
  });
});

describe('edits: addListItem into an existing section', () => {
  it('lands right after the last item', () => {
    const text = '# T\n\n## Agenda\n\n- [ ] a\n- [x] b\n\n## Wins\n';
    assert.strictEqual(add(text), '# T\n\n## Agenda\n\n- [ ] a\n- [x] b\n- [ ] new\n\n## Wins\n');
  });

  it('lands after the body of the last item (quote and code)', () => {
    const text = '## Agenda\n\n- [ ] a\n  > quoted\n  ```\n  ## not a heading\n  ```\n\n## Wins\n';
    assert.strictEqual(
      add(text),
      '## Agenda\n\n- [ ] a\n  > quoted\n  ```\n  ## not a heading\n  ```\n- [ ] new\n\n## Wins\n',
    );
  });

  it('lands after nested items', () => {
    const text = '## Agenda\n- a\n  - b\n    - c\n## Wins\n';
    const out = add(text);
    assert.strictEqual(out, '## Agenda\n- a\n  - b\n    - c\n- [ ] new\n## Wins\n');
    const d = parseDocument(out);
    assert.strictEqual(d.scan.items.find((i) => i.text === 'new')!.parent, -1);
  });

  it('uses an alias heading', () => {
    assert.strictEqual(add('## Talking points\n- a\n'), '## Talking points\n- a\n- [ ] new\n');
  });

  it('writes the body indented under the new item', () => {
    const out = add('## Agenda\n- a\n', { text: 'see', body: ['> from file.ts', '', '```', 'code', '```'] });
    assert.strictEqual(out, '## Agenda\n- a\n- [ ] see\n  > from file.ts\n\n  ```\n  code\n  ```\n');
    const d = parseDocument(out);
    const item = d.scan.items.find((i) => i.text === 'see')!;
    assert.strictEqual(item.endLine, 8);
  });

  it('fills an empty section keeping one blank line around the item', () => {
    assert.strictEqual(add('## Agenda\n\n## Wins\n'), '## Agenda\n\n- [ ] new\n\n## Wins\n');
    assert.strictEqual(add('## Agenda\n## Wins\n'), '## Agenda\n\n- [ ] new\n\n## Wins\n');
    assert.strictEqual(add('## Agenda\n\n\n\n## Wins\n'), '## Agenda\n\n- [ ] new\n\n\n## Wins\n');
  });

  it('fills an empty section at the end of the file', () => {
    assert.strictEqual(add('## Agenda\n'), '## Agenda\n\n- [ ] new\n');
    assert.strictEqual(add('## Agenda\n\n'), '## Agenda\n\n- [ ] new\n');
    assert.strictEqual(add('## Agenda'), '## Agenda\n\n- [ ] new');
  });

  it('separates the item from a paragraph with a blank line', () => {
    assert.strictEqual(add('## Agenda\nSome prose.\n## Wins\n'), '## Agenda\nSome prose.\n\n- [ ] new\n\n## Wins\n');
    assert.strictEqual(add('## Agenda\nSome prose.\n\n## Wins\n'), '## Agenda\nSome prose.\n\n- [ ] new\n\n## Wins\n');
  });

  it('keeps a file without a final newline without one', () => {
    assert.strictEqual(add('## Agenda\n- a'), '## Agenda\n- a\n- [ ] new');
    assert.strictEqual(add('## Agenda\nprose'), '## Agenda\nprose\n\n- [ ] new');
  });

  it('keeps a file without a final newline without one when the body ends with an empty line', () => {
    const out = add('## Agenda\n- a', { text: 'new', body: ['> quote', ''] });
    assert.strictEqual(out.endsWith('\n'), false, JSON.stringify(out));
  });

  it('inserts CRLF lines into a CRLF file', () => {
    assert.strictEqual(add('## Agenda\r\n- a\r\n\r\n## Wins\r\n'), '## Agenda\r\n- a\r\n- [ ] new\r\n\r\n## Wins\r\n');
    assert.strictEqual(add('## Agenda\r\n- a'), '## Agenda\r\n- a\r\n- [ ] new');
  });

  it('inserts CR lines into a lone-CR file', () => {
    assert.strictEqual(add('## Agenda\r- a\r'), '## Agenda\r- a\r- [ ] new\r');
  });

  it('keeps a BOM', () => {
    assert.strictEqual(add('\uFEFF## Agenda\n- a\n'), '\uFEFF## Agenda\n- a\n- [ ] new\n');
  });

  it('ignores `## Agenda` inside a code fence and uses the real one', () => {
    const text = '# T\n\n```md\n## Agenda\n- [ ] fake\n```\n\n## Agenda\n- [ ] real\n';
    assert.strictEqual(add(text), text + '- [ ] new\n');
  });

  it('lands after a list followed by an HTML block inside the last item', () => {
    const out = add('## Agenda\n- a\n  <div>\n  x\n\n## Wins\n');
    assert.deepStrictEqual(agendaItems(out), ['a', 'new']);
  });

  it('lands after a list whose last item holds an HTML block at the end of the file', () => {
    const out = add('## Agenda\n- a\n  <details>\n');
    assert.deepStrictEqual(agendaItems(out), ['a', 'new']);
  });

  it('uses the first matching section when there are two', () => {
    assert.strictEqual(add('## Agenda\n- a\n## Agenda\n- b\n'), '## Agenda\n- a\n- [ ] new\n## Agenda\n- b\n');
  });

  it('adds to a section whose heading has emphasis, a colon or another case', () => {
    assert.strictEqual(add('## **AGENDA**:\n- a\n'), '## **AGENDA**:\n- a\n- [ ] new\n');
  });
});

describe('edits: addListItem when the section is missing', () => {
  it("creates it before the first ## heading with createAt 'start'", () => {
    const text = '---\ndate: 2026-11-10\n---\n\n# 1:1\n\n## Notes\n\nstuff\n';
    assert.strictEqual(
      add(text),
      '---\ndate: 2026-11-10\n---\n\n# 1:1\n\n## Agenda\n\n- [ ] new\n\n## Notes\n\nstuff\n',
    );
  });

  it("creates it at the end with createAt 'end'", () => {
    assert.strictEqual(
      add('# 1:1\n\n## Notes\n\nstuff\n', { text: 'new' }, AT_END),
      '# 1:1\n\n## Notes\n\nstuff\n\n## Agenda\n\n- [ ] new\n',
    );
  });

  it("falls back to the end when 'start' finds no ## heading", () => {
    assert.strictEqual(add('# Only a title\n'), '# Only a title\n\n## Agenda\n\n- [ ] new\n');
  });

  it('creates it at the end of a file without a final newline without adding one', () => {
    assert.strictEqual(add('# T\nprose', { text: 'new' }, AT_END), '# T\nprose\n\n## Agenda\n\n- [ ] new');
  });

  it('creates it with CRLF in a CRLF file', () => {
    assert.strictEqual(add('# T\r\n\r\n## Notes\r\n'), '# T\r\n\r\n## Agenda\r\n\r\n- [ ] new\r\n\r\n## Notes\r\n');
    assert.strictEqual(add('# T\r\n', { text: 'new' }, AT_END), '# T\r\n\r\n## Agenda\r\n\r\n- [ ] new\r\n');
  });

  it('does not merge an inserted LF into a preceding lone CR (the blank line must survive)', () => {
    // Mixed file whose last break is a lone CR: inserting "\n## Agenda…" right after it makes "\r\n",
    // the separating blank line disappears and the new section lands inside the <div> HTML block.
    const out = add('# T\n<div>\r', { text: 'new' }, AT_END);
    assert.deepStrictEqual(agendaItems(out), ['new'], JSON.stringify(out));
  });

  it("with 'start', does not put an existing ### section under the new ## Agenda", () => {
    const out = add('# T\n\n### Notes\n- [ ] old note\n');
    assert.deepStrictEqual(agendaItems(out), ['new'], JSON.stringify(out));
  });

  it('creates it in an empty file', () => {
    assert.strictEqual(add(''), '## Agenda\n\n- [ ] new\n');
  });

  it('creates it after front matter, never inside it', () => {
    assert.strictEqual(add('---\na: 1\n---\n'), '---\na: 1\n---\n\n## Agenda\n\n- [ ] new\n');
    assert.strictEqual(add('---\na: 1\n---'), '---\na: 1\n---\n\n## Agenda\n\n- [ ] new');
    assert.strictEqual(add('---\n## Agenda\n---\n'), '---\n## Agenda\n---\n\n## Agenda\n\n- [ ] new\n');
  });

  it('creates a new section outside a fence that holds the only `## Agenda`', () => {
    const text = '# T\n\n```\n## Agenda\n```\n';
    const out = add(text, { text: 'new' }, AT_END);
    assert.strictEqual(out, '# T\n\n```\n## Agenda\n```\n\n## Agenda\n\n- [ ] new\n');
    assert.deepStrictEqual(agendaItems(out), ['new']);
  });

  it('creates a new section after a trailing HTML block, separated by a blank line', () => {
    const out = add('# T\n<div>\n## Agenda\n', { text: 'new' }, AT_END);
    assert.strictEqual(out, '# T\n<div>\n## Agenda\n\n## Agenda\n\n- [ ] new\n');
    assert.deepStrictEqual(agendaItems(out), ['new']);
  });
});

describe('edits: addListItem refusals', () => {
  it('refuses when a fence is never closed', () => {
    assert.match(addError('## Agenda\n- a\n```\ncode\n') ?? '', /line 3/);
  });

  it('refuses when an HTML comment is never closed', () => {
    assert.match(addError('## Agenda\n<!-- hmm\n') ?? '', /line 2/);
  });

  it('refuses when the front matter is never closed', () => {
    assert.match(addError('---\na: 1\n## Agenda\n') ?? '', /front matter/);
  });
});

describe('edits: a block still open below the agenda (a fence being typed at the end of the notes)', () => {
  const MEETING = '# 1:1\n\n## Agenda\n\n- [ ] a\n\n## Notes\n\n';
  // CommonMark spec examples that leave a fence open, and an HTML comment not closed yet.
  for (const tail of ['`````\n\n```\naaa\n', '~~~~~~\naaa\n~~~ ~~\n', '<!-- still typing\n']) {
    it(`adds to the agenda above ${JSON.stringify(tail)}, which stays open below`, () => {
      const out = add(MEETING + tail);
      assert.strictEqual(out, '# 1:1\n\n## Agenda\n\n- [ ] a\n- [ ] new\n\n## Notes\n\n' + tail);
      assert.deepStrictEqual(agendaItems(out), ['a', 'new']);
    });
  }

  it('refuses, naming the line, when the place of the item is inside the open block', () => {
    const notes: SectionTarget = { heading: 'Notes', createAt: 'end' };
    assert.match(
      addError(MEETING + '```\ncode\n', notes) ?? '',
      /^A code fence or HTML block on line 9 is never closed\. It runs to the end of the file, over the place the item would go/,
    );
    // A section the open block swallowed is not found: created after it would be inside it too.
    assert.match(addError(MEETING + '```\n## Wins\n', { heading: 'Wins', createAt: 'end' }) ?? '', /line 9/);
  });
});

describe('edits: setItemChecked', () => {
  const text = '## Agenda\n- [ ] open\n- [x] done\n  * [X] nested\n- plain\n```\n- [ ] fenced\n```\n';
  const d = parseDocument(text);

  it('ticks a box by changing exactly one character', () => {
    const result = setItemChecked(d, 1, true);
    assert.ok('edits' in result);
    assert.deepStrictEqual(result.edits, [
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, newText: 'x' },
    ]);
    assert.strictEqual(applyEdits(text, result.edits), text.replace('- [ ] open', '- [x] open'));
  });

  it('clears a box, including an upper-case X in a nested item', () => {
    const r = setItemChecked(d, 3, false);
    assert.ok('edits' in r);
    assert.strictEqual(applyEdits(text, r.edits), text.replace('* [X] nested', '* [ ] nested'));
  });

  it('returns no edits when the item is already in that state', () => {
    assert.deepStrictEqual(setItemChecked(d, 1, false), { edits: [] });
    assert.deepStrictEqual(setItemChecked(d, 2, true), { edits: [] });
  });

  it('refuses a plain item, a heading, a line in a fence and a line past the end', () => {
    for (const line of [0, 4, 6, 99]) {
      const r = setItemChecked(d, line, true);
      assert.ok('error' in r, `line ${line}`);
      assert.match(r.error, new RegExp(`Line ${line + 1}`));
    }
  });

  it('toggles in a CRLF file with a BOM', () => {
    const t = '\uFEFF- [ ] a\r\n- [ ] b\r\n';
    const r = setItemChecked(parseDocument(t), 1, true);
    assert.ok('edits' in r);
    assert.strictEqual(applyEdits(t, r.edits), '\uFEFF- [ ] a\r\n- [x] b\r\n');
  });

  it('toggles an item with a tab after the marker', () => {
    const t = '-\t[ ] a\n';
    const r = setItemChecked(parseDocument(t), 0, true);
    assert.ok('edits' in r);
    assert.strictEqual(applyEdits(t, r.edits), '-\t[x] a\n');
  });
});

describe('edits: setField', () => {
  it('sets a meeting status in place', () => {
    const text = '---\ndate: 2026-11-24\nstatus: planned # set by the extension\n---\n\n# 1:1\n';
    const r = setField(parseDocument(text), 'status', 'done');
    assert.ok('edits' in r);
    assert.strictEqual(applyEdits(text, r.edits), text.replace('status: planned', 'status: done'));
  });

  it("uses the file's dominant line break for an inserted key", () => {
    const text = '---\r\ndate: 2026-11-24\r\n---\r\n';
    const r = setField(parseDocument(text), 'status', 'done');
    assert.ok('edits' in r);
    assert.strictEqual(applyEdits(text, r.edits), '---\r\ndate: 2026-11-24\r\nstatus: done\r\n---\r\n');
  });
});

describe('edits: addBlock', () => {
  const notes = { heading: 'Notes', createAt: 'end' as const };
  const add = (text: string, block: string[]): string => {
    const result = addBlock(parseDocument(text), notes, block);
    if ('error' in result) throw new Error(result.error);
    return applyEdits(text, result.edits);
  };

  it('appends after the section’s last text, set off by blank lines, in the file’s line endings', () => {
    assert.strictEqual(
      add('## Notes\r\n\r\nA note\r\n## Next\r\n', ['**Title**', '', '> quoted']),
      '## Notes\r\n\r\nA note\r\n\r\n**Title**\r\n\r\n> quoted\r\n\r\n## Next\r\n',
    );
    assert.strictEqual(add('## Notes\n\n## Next\n', ['text']), '## Notes\n\ntext\n\n## Next\n');
  });

  it('recreates a missing section at the end, keeping a missing final newline missing', () => {
    assert.strictEqual(add('# T\n\n## Agenda', ['text']), '# T\n\n## Agenda\n\n## Notes\n\ntext');
  });

  it('refuses a block that would add a heading or a list item, and a file with an open fence', () => {
    for (const block of [['## Sneaky'], ['- [ ] item'], ['```']]) {
      const result = addBlock(parseDocument('## Notes\n\nA note\n'), notes, block);
      assert.ok('error' in result, JSON.stringify(block));
    }
    assert.ok('error' in addBlock(parseDocument('## Notes\n```\nopen\n'), notes, ['text']));
  });
});

describe('edits: control characters', () => {
  it('leaves NUL and other control characters out of a new item and a new block (a NUL would make the file read as binary), keeping tabs', () => {
    assert.deepStrictEqual(renderListItem({ text: 'a\u0000b\tc\u001b[0m', body: ['x\u0007y'] }), [
      '- [ ] ab\tc[0m',
      '  xy',
    ]);
    const doc = parseDocument('## Notes\n\ntext\n');
    const result = addBlock(doc, { heading: 'Notes', createAt: 'end' }, ['> q\u0000uote']);
    assert.ok(!('error' in result));
    assert.ok(
      result.edits.every((e) => !e.newText.includes('\u0000')),
      JSON.stringify(result.edits),
    );
    assert.ok(result.edits.some((e) => e.newText.includes('> quote')));
  });
});

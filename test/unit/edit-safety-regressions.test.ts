// Edit safety: the bugs the property suite (edit-safety-*.test.ts) found, as
// plain examples, so each stays fixed whatever the generators happen to draw.

import * as assert from 'assert';
import { ACTIONS_TARGET } from '../../src/core/carry';
import { parseDocument } from '../../src/core/document';
import { addListItem, addListItemLines, addListItemsLines, renderListItem, sequence } from '../../src/core/edits';
import { addBlock } from '../../src/core/block-edits';
import { setField } from '../../src/core/front-matter-edits';
import { takeListItem } from '../../src/core/item-edits';
import { JournalIndex } from '../../src/core/journal-index';
import { logProgress, setFeedbackStatus } from '../../src/core/thread-edits';
import { applyEdits, splitLines } from '../../src/core/text';

const AGENDA = { heading: 'Agenda', createAt: 'start' } as const;
const linesOf = (text: string): string[] => splitLines(text).map((l) => l.text);

function apply(raw: string, result: ReturnType<typeof setField>): string {
  if ('error' in result) assert.fail(result.error);
  return applyEdits(raw, result.edits);
}

describe('edit safety: regressions', () => {
  it('an item added before an empty LF line of a file that mostly uses lone CRs keeps that line (no CR + LF merge)', () => {
    const raw = '## Agenda\r\r- [ ] a\n\n## Notes\r\r';
    const out = apply(raw, addListItem(parseDocument(raw), AGENDA, { text: 'b' }));
    assert.deepStrictEqual(linesOf(out), ['## Agenda', '', '- [ ] a', '- [ ] b', '', '## Notes', '', '']);
  });

  it('front matter created at the top of such a file keeps its first, empty line', () => {
    const raw = '\n# T\r\r## Notes\r';
    const out = apply(raw, setField(parseDocument(raw), 'status', 'done'));
    assert.deepStrictEqual(linesOf(out), ['---', 'status: done', '---', '', '# T', '', '## Notes', '']);
  });

  it('the steps of one change all write the file’s own line break, even when an earlier step tips a mixed file’s count', () => {
    // Mostly LF; the takeaways go after a lone CR, so they take CRs, which then outnumber the LFs.
    const raw = '## Action items\n\n## Notes\nTalk\r';
    const doc = parseDocument(raw);
    const out = apply(
      raw,
      sequence(doc, [
        (d) =>
          addListItemsLines(
            d,
            { heading: 'Notes', createAt: 'end' },
            ['a', 'b', 'c'].map((t) => renderListItem({ text: t, checkbox: false })),
          ),
        (d) => addListItemsLines(d, ACTIONS_TARGET, [renderListItem({ text: 'Me: x' })]),
      ]),
    );
    assert.ok(out.startsWith('## Action items\n\n- [ ] Me: x\n\n## Notes\n'), JSON.stringify(out));
  });

  it('taking an item out refuses when the next item would then nest under the one before (and drop off the agenda)', () => {
    const raw = '## Agenda\n\n- [ ] a\n1. [ ] b\n  - [ ] c\n';
    const agenda = new JournalIndex().update('meetings/a/2026-01-01.md', raw).agenda.map((i) => i.text);
    assert.deepStrictEqual(agenda, ['a', 'b', 'c']);
    const taken = takeListItem(parseDocument(raw), 3, 'b');
    assert.ok('error' in taken, 'refused');
    // An ordinary move still works.
    const ok = takeListItem(parseDocument(raw), 2, 'a');
    assert.ok(!('error' in ok) && applyEdits(raw, ok.edits) === '## Agenda\n\n1. [ ] b\n  - [ ] c\n');
  });

  it('taking an item out refuses when the next item would then become private (a #private paragraph takes in what follows it)', () => {
    const raw = '## Action items\n\nNote #private\n- [ ] a\n  <details>\n  x\n  </details>\n- [ ] b\n';
    const actions = new JournalIndex().update('meetings/a/2026-01-01.md', raw).actions.map((i) => [i.text, i.tags]);
    assert.deepStrictEqual(actions, [
      ['a', ['private']],
      ['b', []],
    ]);
    assert.ok('error' in takeListItem(parseDocument(raw), 3, 'a'));
  });

  it('a nested item taken out keeps its tab-indented child nested (the tab straddled the cut)', () => {
    const raw = '## Agenda\n\n- [ ] a\n  - [ ] b\n\t- [ ] c\n';
    const taken = takeListItem(parseDocument(raw), 3, 'b');
    if ('error' in taken) assert.fail(taken.error);
    assert.deepStrictEqual(taken.lines, ['- [ ] b', '  - [ ] c']);
    const moved = parseDocument(taken.lines.join('\n')).scan.items;
    assert.deepStrictEqual(
      moved.map((i) => i.parent),
      [-1, 0],
      'c is still under b',
    );
  });

  it('taking an item out refuses when its removal would join a lone CR and an LF into one line break', () => {
    const raw = '## Agenda\r\r- [ ] a\n\n- [ ] b';
    assert.ok('error' in takeListItem(parseDocument(raw), 2, 'a'));
    // Without the lone CR before it, the same item goes.
    const plain = '## Agenda\n\n- [ ] a\n\n- [ ] b';
    const ok = takeListItem(parseDocument(plain), 2, 'a');
    assert.ok(!('error' in ok) && applyEdits(plain, ok.edits) === '## Agenda\n\n\n- [ ] b');
  });

  it('nothing is written to a file that was not read as markdown (binary, too large, a parse that failed): not even new front matter', () => {
    const raw = '---\ndate: 2026-03-10\nstatus: planned\n---\n# 1:1\n';
    const parsed = parseDocument(raw);
    // The model parseDocument gives such a file: no structure at all, so no front matter it knows of.
    const unread = {
      ...parsed,
      scan: {
        kinds: [],
        frontMatter: undefined,
        unterminatedFrontMatter: false,
        headings: [],
        items: [],
        unclosedBlockLine: undefined,
      },
      data: {},
    };
    assert.ok('error' in setField(unread, 'status', 'done'), 'a second front matter block on top of the real one');
    assert.ok('error' in setFeedbackStatus(unread, { status: 'trying', date: '2026-03-09' }));
    // Finishing a meeting with nothing to add is a status change alone.
    assert.ok(
      'error' in
        sequence(unread, [(d) => addListItemsLines(d, ACTIONS_TARGET, []), (d) => setField(d, 'status', 'done')]),
    );
  });

  it('a file that is just `---` gets no lines after it: they would turn it into a front matter never closed', () => {
    for (const raw of ['---', '\uFEFF---']) {
      assert.ok('error' in logProgress(parseDocument(raw), '2026-03-09', 'Ran the review'), JSON.stringify(raw));
      assert.ok(
        'error' in addBlock(parseDocument(raw), { heading: 'Notes', createAt: 'end' }, ['> a quote']),
        JSON.stringify(raw),
      );
    }
    // With its break it already reads as open front matter, and is refused as such.
    assert.ok('error' in addListItem(parseDocument('---\n'), AGENDA, { text: 'x' }));
  });

  it('an item whose fence only its end closed is not added where the fence would take in the lines after it', () => {
    const raw = '## Agenda\n\n- [ ] x\n\n## Notes\n';
    // Moved or carried from a file where the next line, less indented, ended the item and the fence with it.
    assert.ok('error' in addListItemLines(parseDocument(raw), AGENDA, ['- [ ] a', '  ```ts', '  code']));
    assert.ok(!('error' in addListItemLines(parseDocument(raw), AGENDA, ['- [ ] a', '  ```ts', '  code', '  ```'])));
  });

  it('a feedback thread without front matter gets status and circle-back in one new block (it used to be refused)', () => {
    const raw = '# Speak up earlier\n\n## What I heard\n';
    const out = apply(
      raw,
      setFeedbackStatus(parseDocument(raw), { status: 'trying', date: '2026-03-09', circleBack: '2026-03-23' }),
    );
    assert.strictEqual(
      out,
      '---\nstatus: trying\ncircleBack: 2026-03-23\n---\n# Speak up earlier\n\n## What I heard\n',
    );
  });
});

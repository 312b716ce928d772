// What is due: open action items with their due dates, mine and theirs, and
// feedback circle-backs; overdue first; what needs me today.

import * as assert from 'assert';
import fc from 'fast-check';
import { carryId } from '../../src/core/carry';
import { dueDateOf, dueItems, dueText, needsMeToday } from '../../src/core/due';
import { JournalIndex } from '../../src/core/journal-index';

const TODAY = '2026-12-07';

function journal(): JournalIndex {
  const index = new JournalIndex();
  index.update('people/alex-kim.md', '---\nname: Alex Kim\n---\n');
  index.update(
    'meetings/alex-kim/2026-11-24.md',
    [
      '## Action items',
      '',
      '- [ ] Me: send the planning notes (due 2026-12-01)',
      '- [ ] Alex Kim: share the promotion criteria (due 2026-12-10)',
      '- [x] Me: book the room (due 2026-11-30)',
      '- [ ] Write the retro 📅 2026-12-07',
      '- [ ] Me: someday, no date',
      '',
    ].join('\n'),
  );
  index.update(
    'feedback/blunt.md',
    '---\ntitle: Reviews read as blunt\nstatus: trying\nfrom: Alex Kim\ncircleBack: 2026-12-05\n---\n',
  );
  index.update('feedback/later.md', '---\ntitle: Later\nstatus: trying\ncircleBack: 2026-12-20\n---\n');
  return index;
}

describe('due: open items', () => {
  it('lists open action items and due circle-backs, overdue first, undated last, mine and theirs', () => {
    const items = dueItems(journal(), TODAY);
    assert.deepStrictEqual(
      items.map((i) => [i.kind, i.text, i.due, i.mine, i.personName]),
      [
        ['action', 'Me: send the planning notes (due 2026-12-01)', '2026-12-01', true, 'Alex Kim'],
        ['circle-back', 'Circle back: Reviews read as blunt', '2026-12-05', true, 'Alex Kim'],
        ['action', 'Write the retro 📅 2026-12-07', '2026-12-07', true, 'Alex Kim'],
        ['action', 'Alex Kim: share the promotion criteria (due 2026-12-10)', '2026-12-10', false, 'Alex Kim'],
        ['action', 'Me: someday, no date', undefined, true, 'Alex Kim'],
      ],
    );
    assert.deepStrictEqual(
      needsMeToday(items, TODAY).map((i) => i.due),
      ['2026-12-01', '2026-12-05', '2026-12-07'],
    );
  });

  it('lists an action item carried into a later meeting once, from the later one; not at all once ticked there', () => {
    const text = 'Me: send the planning notes (due 2026-12-01)';
    const later = (box: string, copy = text): string =>
      `---\ndate: 2026-12-01\n---\n\n## Action items\n\n- [${box}] ${copy}\n  Carried from [2026-11-24](2026-11-24.md#${carryId(text)})\n`;
    const index = journal();
    index.update('meetings/alex-kim/2026-12-01.md', later(' '));
    const notes = (i: JournalIndex): string[] =>
      dueItems(i, TODAY)
        .filter((d) => d.text.startsWith('Me: send the planning notes'))
        .map((d) => d.path);
    assert.deepStrictEqual(notes(index), ['meetings/alex-kim/2026-12-01.md']);
    index.update('meetings/alex-kim/2026-12-01.md', later('x'));
    assert.deepStrictEqual(notes(index), [], 'done in the later meeting: done');
    // Reworded in the later meeting: still one item, the new wording.
    index.update('meetings/alex-kim/2026-12-01.md', later(' ', 'Me: send the planning notes to the team'));
    assert.deepStrictEqual(
      dueItems(index, TODAY)
        .filter((d) => d.text.startsWith('Me: send the planning notes'))
        .map((d) => d.text),
      ['Me: send the planning notes to the team'],
    );
  });

  it('an owner before the colon is theirs only when it names someone in the journal', () => {
    const index = journal();
    index.update(
      'meetings/alex-kim/2026-12-02.md',
      '## Action items\n\n- [ ] TODO: write the doc\n- [ ] Alex: book the room\n- [ ] alex-kim: check\n- [ ] Follow up: budget\n',
    );
    const mine = Object.fromEntries(
      dueItems(index, TODAY)
        .filter((d) => d.path.endsWith('2026-12-02.md'))
        .map((d) => [d.text, d.mine]),
    );
    assert.deepStrictEqual(mine, {
      'TODO: write the doc': true,
      'Alex: book the room': false,
      'alex-kim: check': false,
      'Follow up: budget': true,
    });
  });

  it('reads a due date as Finish Meeting writes it, or by hand; says how late', () => {
    assert.strictEqual(dueDateOf('Me: x (due 2026-12-01)'), '2026-12-01');
    assert.strictEqual(dueDateOf('x due: 2026-02-03'), '2026-02-03');
    assert.strictEqual(dueDateOf('x (due 2026-02-30)'), undefined);
    assert.strictEqual(dueDateOf('overdue talk'), undefined);
    assert.strictEqual(dueText('2026-12-01', TODAY), '6 days late');
    assert.strictEqual(dueText('2026-12-07', TODAY), 'due today');
    assert.strictEqual(dueText('2026-12-08', TODAY), 'due tomorrow');
    assert.strictEqual(dueText('2026-12-17', TODAY), 'due in 10 days');
  });

  it('property: an item needs me today exactly when it is mine and dated today or before, whatever the dates', () => {
    const day = fc
      .integer({ min: 0, max: 60 })
      .map((d) => new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.boolean()), { maxLength: 12 }), day, (rows, today) => {
        const index = new JournalIndex();
        const lines = rows.map(([due, mine], i) => `- [ ] ${mine ? 'Me' : 'Sam'}: item ${i} (due ${due})`);
        index.update('meetings/sam/2026-11-01.md', `## Action items\n\n${lines.join('\n')}\n`);
        const items = dueItems(index, today);
        // Sorted by date, whatever the order in the file.
        assert.deepStrictEqual(
          items.map((i) => i.due),
          [...items.map((i) => i.due)].sort(),
        );
        assert.strictEqual(
          needsMeToday(items, today).length,
          rows.filter(([due, mine]) => mine && due <= today).length,
        );
      }),
    );
  });
});

// Searching the journal from the index: the rows every kind of file gives,
// newest first, and the query's words and quick filters.

import * as assert from 'assert';
import { JournalIndex } from '../../src/core/journal-index';
import { matchesQuery, parseQuery, searchRows } from '../../src/core/search';

function journal(): JournalIndex {
  const index = new JournalIndex();
  index.update('people/alex-kim.md', '---\nname: Alex Kim\n---\n');
  index.update('people/priya-nair.md', '---\nname: Priya Nair\n---\n');
  index.update(
    'meetings/alex-kim/2026-11-24.md',
    '---\ndate: 2026-11-24\n---\n\n## Agenda\n\n- [ ] Promotion timeline #growth\n- [x] Retry budget #team/process\n\n## Wins\n\n- Shipped the config loader #win\n\n## Action items\n\n- [ ] Alex: share the criteria doc\n',
  );
  index.update('meetings/priya-nair/2026-12-01.md', '## Agenda\n\n- [ ] Mentoring plan #growth\n');
  index.update(
    'feedback/blunt-reviews.md',
    '---\ntitle: Review comments read as blunt\nstatus: trying\nfrom: Alex Kim\nreceived: 2026-11-20\n---\n',
  );
  index.update(
    'goals/lead-a-design-review.md',
    '---\ntitle: Lead a design review\n---\n\n## Progress\n\n- 2026-11-30: Drafted the agenda\n',
  );
  index.update('meetings/alex-kim/2026-10-01.md', '---\ndate: [unclosed\n---\n');
  index.markUnreadable('meetings/alex-kim/2026-09-01.md', 'Skipped: the file looks binary (it contains NUL bytes).');
  return index;
}

describe('search: the rows of the journal', () => {
  it('gives points, action items, wins, feedback and goal progress, newest first, with person, date and status', () => {
    const { rows, skipped } = searchRows(journal());
    assert.strictEqual(skipped, 1, 'the binary file (the one with broken front matter is read, and searched)');
    assert.deepStrictEqual(
      rows.map((r) => [r.kind, r.text, r.personName, r.date, r.status]),
      [
        ['point', 'Mentoring plan #growth', 'Priya Nair', '2026-12-01', 'open'],
        ['progress', 'Lead a design review: Drafted the agenda', undefined, '2026-11-30', undefined],
        ['point', 'Promotion timeline #growth', 'Alex Kim', '2026-11-24', 'open'],
        ['point', 'Retry budget #team/process', 'Alex Kim', '2026-11-24', 'done'],
        ['win', 'Shipped the config loader #win', 'Alex Kim', '2026-11-24', undefined],
        ['action', 'Alex: share the criteria doc', 'Alex Kim', '2026-11-24', 'open'],
        ['feedback', 'Review comments read as blunt', 'Alex Kim', '2026-11-20', 'trying'],
      ],
    );
    const point = rows.find((r) => r.text.startsWith('Promotion'))!;
    assert.deepStrictEqual([point.path, point.line], ['meetings/alex-kim/2026-11-24.md', 6]);
  });
});

describe('search: queries', () => {
  const { rows } = searchRows(journal());
  const find = (q: string): string[] => rows.filter((r) => matchesQuery(r, parseQuery(q))).map((r) => r.text);

  it('reads words and filters, in any order and case', () => {
    assert.deepStrictEqual(parseQuery('  Retry @Alex #Growth is:open is:action  '), {
      words: ['retry'],
      people: ['alex'],
      tags: ['growth'],
      kinds: ['action'],
      status: 'open',
    });
  });

  it('@person by name or file name, #theme with its sub-themes, is:open and is:done, is:kind', () => {
    assert.deepStrictEqual(find('@alex #growth'), ['Promotion timeline #growth']);
    assert.deepStrictEqual(find('@priya-nair'), ['Mentoring plan #growth']);
    assert.deepStrictEqual(find('#team'), ['Retry budget #team/process']);
    assert.deepStrictEqual(find('@alex is:open'), [
      'Promotion timeline #growth',
      'Alex: share the criteria doc',
      'Review comments read as blunt',
    ]);
    assert.deepStrictEqual(find('is:done'), ['Retry budget #team/process']);
    assert.deepStrictEqual(find('is:win'), ['Shipped the config loader #win']);
    assert.deepStrictEqual(find('is:progress agenda'), ['Lead a design review: Drafted the agenda']);
    assert.deepStrictEqual(find('criteria 2026-11-24'), ['Alex: share the criteria doc']);
    assert.deepStrictEqual(find('nothing like this'), []);
  });

  it('searches 10,000 meetings, one row each, with the filters', () => {
    const index = new JournalIndex();
    index.update('people/sam.md', '---\nname: Sam\n---\n');
    for (let i = 0; i < 10_000; i++)
      index.update(`meetings/sam/2026-01-01-${i}.md`, `## Agenda\n\n- [ ] Point ${i} #growth\n`);
    const { rows } = searchRows(index);
    assert.strictEqual(rows.length, 10_000);
    assert.strictEqual(rows.filter((r) => matchesQuery(r, parseQuery('@sam #growth "point 9999'))).length, 0);
    assert.strictEqual(rows.filter((r) => matchesQuery(r, parseQuery('@sam #growth 9999'))).length, 1);
  });
});

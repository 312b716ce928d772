import * as assert from 'assert';
import { JournalIndex } from '../../src/core/journal-index';
import { stringField, summarize } from '../../src/core/journal-entry';
import { parseDocument } from '../../src/core/document';

function meeting(date: string, status = 'planned', body = ''): string {
  return `---\ndate: ${date}\nstatus: ${status}\n---\n\n# 1:1 — ${date}\n\n## Agenda\n${body}\n## Action items\n`;
}
function person(name: string, role = 'manager', cadence = 'weekly'): string {
  return `---\nname: ${name}\nrole: ${role}\ncadence: ${cadence}\n---\n\n# ${name}\n`;
}

function journal(): JournalIndex {
  const index = new JournalIndex();
  index.update('people/alex-kim.md', person('Alex Kim'));
  index.update('people/priya-nair.md', person('Priya Nair', 'mentor', 'monthly'));
  index.update('meetings/alex-kim/2026-11-10.md', meeting('2026-11-10', 'done'));
  index.update('meetings/alex-kim/2026-11-17.md', meeting('2026-11-17', 'cancelled'));
  index.update('meetings/alex-kim/2026-11-24.md', meeting('2026-11-24', 'planned'));
  index.update('meetings/alex-kim/2026-11-03.md', meeting('2026-11-03', 'planned'));
  index.update('meetings/sam-lee/2026-11-12.md', meeting('2026-11-12'));
  index.update('goals/learn-rust.md', '---\ntitle: Learn Rust\nstatus: active\n---\n');
  return index;
}

describe('journal index: entries', () => {
  it('update returns and stores a summarized entry', () => {
    const index = new JournalIndex();
    const e = index.update('people/alex-kim.md', person('Alex Kim'));
    assert.strictEqual(index.get('people/alex-kim.md'), e);
    assert.strictEqual(e.kind, 'person');
    assert.strictEqual(e.title, 'Alex Kim');
    assert.strictEqual(index.size, 1);
  });

  it('update replaces an entry', () => {
    const index = new JournalIndex();
    index.update('goals/g.md', '---\ntitle: One\n---\n');
    index.update('goals/g.md', '---\ntitle: Two\n---\n');
    assert.strictEqual(index.size, 1);
    assert.strictEqual(index.get('goals/g.md')!.title, 'Two');
  });

  it('titles fall back from front matter to first H1 to the slug', () => {
    const index = new JournalIndex();
    assert.strictEqual(index.update('goals/a-b.md', '# Heading one\n').title, 'Heading one');
    assert.strictEqual(index.update('goals/a-b.md', 'no heading').title, 'A B');
    assert.strictEqual(index.update('people/jo-doe.md', '# ignored\n').title, 'Jo Doe');
    assert.strictEqual(index.update('meetings/jo/2026-01-02-2.md', '# x\n').title, '2026-01-02');
  });

  it('delete removes an entry and reports whether it existed', () => {
    const index = journal();
    assert.strictEqual(index.delete('goals/learn-rust.md'), true);
    assert.strictEqual(index.get('goals/learn-rust.md'), undefined);
    assert.strictEqual(index.delete('goals/learn-rust.md'), false);
  });

  it('deleteFolder removes exactly the entries under that folder', () => {
    const index = journal();
    index.update('meetings/alex-kim-2/2026-11-10.md', meeting('2026-11-10'));
    index.deleteFolder('meetings/alex-kim');
    assert.deepStrictEqual(index.meetingsOf('alex-kim'), []);
    assert.strictEqual(index.meetingsOf('alex-kim-2').length, 1);
    assert.strictEqual(index.meetingsOf('sam-lee').length, 1);
    index.deleteFolder('meetings/');
    assert.strictEqual(index.ofKind('meeting').length, 0);
    index.clear();
    assert.strictEqual(index.size, 0);
  });

  it('ofKind and all list entries', () => {
    const index = journal();
    assert.strictEqual(index.ofKind('meeting').length, 5);
    assert.strictEqual(index.ofKind('goal').length, 1);
    assert.strictEqual([...index.all()].length, 8);
  });

  it('a meeting moved to another file name leaves no stale link', () => {
    const index = new JournalIndex();
    index.update('meetings/a/2026-01-01.md', meeting('2026-01-01'));
    index.delete('meetings/a/2026-01-01.md');
    assert.deepStrictEqual(index.people(), []);
  });
});

describe('journal index: people', () => {
  it('merges person files and meeting folders without a person file, sorted by name', () => {
    const people = journal().people();
    assert.deepStrictEqual(
      people.map((p) => [p.slug, p.name, p.role, p.cadence, p.entry !== undefined]),
      [
        ['alex-kim', 'Alex Kim', 'manager', 'weekly', true],
        ['priya-nair', 'Priya Nair', 'mentor', 'monthly', true],
        ['sam-lee', 'Sam Lee', undefined, undefined, false],
      ],
    );
  });

  it('findPerson by slug and by display name, case-insensitively', () => {
    const index = journal();
    assert.strictEqual(index.findPerson('alex-kim')?.slug, 'alex-kim');
    assert.strictEqual(index.findPerson('  priya NAIR ')?.slug, 'priya-nair');
    assert.strictEqual(index.findPerson('Sam Lee')?.slug, 'sam-lee');
    assert.strictEqual(index.findPerson('nobody'), undefined);
  });

  it('a person whose name is a number still has a string name', () => {
    const index = new JournalIndex();
    index.update('people/x.md', '---\nname: 42\n---\n');
    assert.strictEqual(index.people()[0]!.name, '42');
  });
});

describe('journal index: meetings', () => {
  it('meetingsOf lists newest first, suffixes after the plain date', () => {
    const index = journal();
    index.update('meetings/alex-kim/2026-11-24-2.md', meeting('2026-11-24'));
    assert.deepStrictEqual(
      index.meetingsOf('alex-kim').map((m) => m.slug),
      ['2026-11-24-2', '2026-11-24', '2026-11-17', '2026-11-10', '2026-11-03'],
    );
    assert.deepStrictEqual(index.meetingsOf('nobody'), []);
  });

  it('nextMeeting skips done, cancelled, skipped and past meetings', () => {
    const index = journal();
    assert.strictEqual(index.nextMeeting('alex-kim', '2026-11-05')?.slug, '2026-11-24');
    index.update('meetings/alex-kim/2026-11-24.md', meeting('2026-11-24', 'skipped'));
    assert.strictEqual(index.nextMeeting('alex-kim', '2026-11-05'), undefined);
  });

  it('nextMeeting counts a meeting today', () => {
    assert.strictEqual(journal().nextMeeting('alex-kim', '2026-11-24')?.slug, '2026-11-24');
    assert.strictEqual(journal().nextMeeting('alex-kim', '2026-11-25'), undefined);
  });

  it('nextMeeting takes the earliest open one', () => {
    const index = journal();
    index.update('meetings/alex-kim/2026-12-01.md', meeting('2026-12-01'));
    index.update('meetings/alex-kim/2026-11-24-2.md', meeting('2026-11-24'));
    assert.strictEqual(index.nextMeeting('alex-kim', '2026-11-20')?.slug, '2026-11-24');
  });

  it('lastMeeting is the latest one before today', () => {
    const index = journal();
    assert.strictEqual(index.lastMeeting('alex-kim', '2026-11-24')?.slug, '2026-11-17');
    assert.strictEqual(index.lastMeeting('alex-kim', '2026-11-11')?.slug, '2026-11-10');
    assert.strictEqual(index.lastMeeting('alex-kim', '2026-11-03'), undefined);
  });

  it('collects top-level agenda items with tags and counts open action items', () => {
    const text = [
      '---',
      'date: 2026-11-24',
      'status: planned',
      '---',
      '# 1:1',
      '## Agenda',
      '- [ ] Roadmap risk #alignment', // 5
      '  - [ ] nested detail',
      '- [x] Review feedback #feedback #growth', // 7
      '```',
      '- [ ] fenced, not an item',
      '```',
      '## Action items',
      '- [ ] Me: write plan',
      '- [x] Alex: share doc',
      '- [ ] Alex: intro',
      '  - [ ] nested open',
      '- plain',
      '## Private',
      '- [ ] not an action',
    ].join('\n');
    const e = new JournalIndex().update('meetings/alex-kim/2026-11-24.md', text);
    assert.deepStrictEqual(e.agenda, [
      { line: 6, text: 'Roadmap risk #alignment', checked: false, tags: ['alignment'] },
      { line: 8, text: 'Review feedback #feedback #growth', checked: true, tags: ['feedback', 'growth'] },
    ]);
    assert.strictEqual(e.openActionItems, 3);
    assert.strictEqual(e.person, 'alex-kim');
    assert.strictEqual(e.date, '2026-11-24');
    assert.strictEqual(e.status, 'planned');
  });

  it('reads agenda items under "Talking points" too', () => {
    const e = new JournalIndex().update('meetings/a/2026-01-01.md', '## Talking points\n- one\n');
    assert.deepStrictEqual(
      e.agenda.map((i) => i.text),
      ['one'],
    );
  });
});

describe('journal index: change events', () => {
  it('fires once per update with its path', () => {
    const index = new JournalIndex();
    const events: (readonly string[])[] = [];
    index.onDidChange((paths) => events.push(paths));
    index.update('goals/a.md', '# a');
    index.delete('goals/a.md');
    index.delete('goals/a.md');
    assert.deepStrictEqual(events, [['goals/a.md'], ['goals/a.md']]);
  });

  it('fires once per batch with all paths, also for nested batches', () => {
    const index = new JournalIndex();
    const events: (readonly string[])[] = [];
    index.onDidChange((paths) => events.push(paths));
    index.batch(() => {
      index.update('goals/a.md', '# a');
      index.batch(() => index.update('goals/b.md', '# b'));
      index.markUnreadable('goals/c.md', 'too large');
    });
    assert.deepStrictEqual(events, [['goals/a.md', 'goals/b.md', 'goals/c.md']]);
  });

  it('does not fire for an empty batch, and still fires when the batch throws', () => {
    const index = new JournalIndex();
    const events: (readonly string[])[] = [];
    index.onDidChange((paths) => events.push(paths));
    index.batch(() => undefined);
    assert.throws(() =>
      index.batch(() => {
        index.update('goals/a.md', '# a');
        throw new Error('boom');
      }),
    );
    assert.deepStrictEqual(events, [['goals/a.md']]);
  });

  it('deleteFolder fires one event', () => {
    const index = journal();
    const events: (readonly string[])[] = [];
    index.onDidChange((paths) => events.push(paths));
    index.deleteFolder('meetings/alex-kim');
    assert.strictEqual(events.length, 1);
    assert.strictEqual(events[0]!.length, 4);
  });

  it('unsubscribes', () => {
    const index = new JournalIndex();
    let count = 0;
    const off = index.onDidChange(() => count++);
    index.update('goals/a.md', '');
    off();
    index.update('goals/a.md', '');
    assert.strictEqual(count, 1);
  });

  it('updating one of 1000 entries emits one path and leaves the others untouched', () => {
    const index = new JournalIndex();
    index.batch(() => {
      for (let i = 0; i < 1000; i++) {
        const day = String((i % 28) + 1).padStart(2, '0');
        const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
        index.update(`meetings/p${i % 10}/${2000 + Math.floor(i / 336)}-${month}-${day}.md`, meeting('2026-01-01'));
      }
    });
    assert.strictEqual(index.size, 1000);
    const before = new Map([...index.all()].map((e) => [e.path, e]));
    const events: (readonly string[])[] = [];
    index.onDidChange((paths) => events.push(paths));
    const target = [...before.keys()][500]!;
    const updated = index.update(target, meeting('2026-01-01', 'done'));
    assert.deepStrictEqual(events, [[target]]);
    for (const [path, entry] of before) {
      if (path === target) assert.strictEqual(index.get(path), updated);
      else assert.strictEqual(index.get(path), entry, path);
    }
  });
});

describe('journal index: problems', () => {
  it('markUnreadable records a warning entry that still shows', () => {
    const index = new JournalIndex();
    const e = index.markUnreadable('meetings/alex-kim/2026-11-10.md', 'File is too large');
    assert.deepStrictEqual(e.problems, [{ message: 'File is too large', line: 0, severity: 'warning' }]);
    assert.strictEqual(e.kind, 'meeting');
    assert.strictEqual(e.title, '2026-11-10');
    assert.strictEqual(index.meetingsOf('alex-kim').length, 1);
    assert.strictEqual(index.markUnreadable('people/jo-doe.md', 'x').title, 'Jo Doe');
  });

  it('warns about a bad role and cadence on their lines', () => {
    const e = new JournalIndex().update('people/a.md', '---\nname: A\n# note\nrole: boss\ncadence: daily\n---\n');
    assert.deepStrictEqual(
      e.problems.map((p) => [p.line, p.severity, /role|cadence/.exec(p.message)![0]]),
      [
        [3, 'warning', 'role'],
        [4, 'warning', 'cadence'],
      ],
    );
  });

  it('warns about a bad meeting status and date on their lines', () => {
    const e = new JournalIndex().update('meetings/a/2026-01-01.md', '---\nstatus: Done\ndate: 2026-13-01\n---\n');
    assert.deepStrictEqual(
      e.problems.map((p) => p.line),
      [1, 2],
    );
    assert.match(e.problems[0]!.message, /status/);
    assert.match(e.problems[1]!.message, /date/);
  });

  it('warns about a non-string date (a YAML list) too', () => {
    const e = new JournalIndex().update('meetings/a/2026-01-01.md', '---\nstatus: done\ndate: [1]\n---\n');
    assert.deepStrictEqual(
      e.problems.map((p) => p.line),
      [2],
    );
  });

  it('warns about goal and feedback statuses', () => {
    const index = new JournalIndex();
    assert.strictEqual(index.update('goals/g.md', '---\nstatus: active\n---\n').problems.length, 0);
    assert.strictEqual(index.update('goals/g.md', '---\nstatus: done\n---\n').problems[0]!.line, 1);
    assert.strictEqual(index.update('feedback/f.md', '---\nstatus: circled-back\n---\n').problems.length, 0);
    assert.strictEqual(index.update('feedback/f.md', '---\n"status": nope\n---\n').problems[0]!.line, 1);
  });

  it('keeps parse problems and adds none for valid files', () => {
    const index = new JournalIndex();
    assert.deepStrictEqual(index.update('people/a.md', person('A')).problems, []);
    const broken = index.update('people/b.md', '---\nname: [\n---\n');
    assert.strictEqual(broken.problems.length, 1);
    assert.strictEqual(broken.problems[0]!.severity, 'error');
  });

  it('does not check fields of other kinds', () => {
    assert.deepStrictEqual(
      new JournalIndex().update('notes/x.md', '---\nstatus: whatever\nrole: x\n---\n').problems,
      [],
    );
  });
});

describe('journal index: helpers', () => {
  it('stringField trims strings and stringifies numbers and booleans', () => {
    const data = { a: ' x ', b: '  ', c: 3, d: false, e: null, f: [1] };
    assert.deepStrictEqual(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => stringField(data, k)),
      ['x', undefined, '3', 'false', undefined, undefined, undefined],
    );
  });

  it('summarize works on a parsed document directly', () => {
    const e = summarize('questions.md', parseDocument('# My questions\n- What should I focus on?\n'));
    assert.strictEqual(e.kind, 'questions');
    assert.strictEqual(e.title, 'My questions');
    assert.deepStrictEqual(e.agenda, []);
  });
});

describe('journal index: session fields', () => {
  it('meetings list top-level action items and wins, checked or not', () => {
    const e = new JournalIndex().update(
      'meetings/alex-kim/2026-11-10.md',
      [
        '## Wins',
        '- Shipped v2 #win',
        '  - nested win',
        '- [x] checked win',
        '## Accomplishments',
        '- not read: Wins came first',
        '## Action items',
        '- [ ] a',
        '  - [ ] nested open',
        '- [x] b',
        '- c',
        '```',
        '- [ ] fenced',
        '```',
      ].join('\n'),
    );
    assert.deepStrictEqual(e.actions, [
      { line: 7, text: 'a', checked: false, tags: [] },
      { line: 9, text: 'b', checked: true, tags: [] },
      { line: 10, text: 'c', checked: undefined, tags: [] },
    ]);
    assert.deepStrictEqual(e.wins, [
      { line: 1, text: 'Shipped v2 #win', checked: undefined, tags: ['win'] },
      { line: 3, text: 'checked win', checked: true, tags: [] },
    ]);
    assert.strictEqual(e.openActionItems, 2);
  });

  it('reads wins under "Accomplishments" too, and has none without the sections', () => {
    const index = new JournalIndex();
    assert.deepStrictEqual(
      index.update('meetings/a/2026-01-01.md', '## Accomplishments\n- launched\n').wins.map((w) => w.text),
      ['launched'],
    );
    const bare = index.update('meetings/a/2026-01-02.md', '# 1:1\n- loose\n');
    assert.deepStrictEqual([bare.actions, bare.wins, bare.goals], [[], [], []]);
  });

  it('meetings list the goals their items refer to, by #goal/ tag or link, once each', () => {
    const e = new JournalIndex().update(
      'meetings/alex-kim/2026-11-10.md',
      [
        '## Agenda',
        '- [ ] Plan #goal/learn-rust',
        '  - [ ] nested #goal/Give-A-Talk',
        '- [ ] see [the goal](../../goals/lead-a-project.md) and a bare goals/not-a-link.md',
        '- [ ] again #goal/learn-rust and #goal/ alone and #goal/a-b/',
        '```',
        '- [ ] #goal/fenced',
        '```',
        'A paragraph #goal/not-an-item',
        '## Notes',
        '- [link](goals/notes-goal.md)',
      ].join('\n'),
    );
    assert.deepStrictEqual(e.goals, ['learn-rust', 'give-a-talk', 'lead-a-project', 'a-b', 'notes-goal']);
  });

  it('people carry their schedule; a bad field is a problem on its line and the rest still counts', () => {
    const index = new JournalIndex();
    const e = index.update(
      'people/alex.md',
      '---\nname: Alex\ncadence: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU\ntime: "10:00"\nduration: 45m\ntimezone: Europe/Berlin\nweekday: xx\n---\n',
    );
    const expected = {
      cadence: 'rrule',
      rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      time: { hour: 10, minute: 0 },
      durationMinutes: 45,
      timeZone: 'Europe/Berlin',
    };
    assert.deepStrictEqual(e.schedule, expected);
    assert.deepStrictEqual(index.person('alex')!.schedule, expected);
    assert.deepStrictEqual(e.problems, [
      { message: '"weekday" should be a day of the week, e.g. tuesday.', line: 6, severity: 'warning' },
    ]);
  });

  it('a person without a valid cadence has no schedule; meeting-folder people neither', () => {
    const index = new JournalIndex();
    const bad = index.update('people/jo.md', '---\nname: Jo\ncadence: FREQ=WEEKLY;INTERVAL=0\n---\n');
    assert.strictEqual('schedule' in bad, false);
    assert.deepStrictEqual(
      bad.problems.map((p) => p.line),
      [2],
    );
    assert.strictEqual(index.update('people/kim.md', '---\nname: Kim\n---\n').schedule, undefined);
    index.update('meetings/sam/2026-01-01.md', '');
    assert.strictEqual(index.person('sam')!.schedule, undefined);
  });

  it('goals carry the latest dated entry under Progress, nested or ticked, real dates only', () => {
    const e = new JournalIndex().update(
      'goals/g.md',
      [
        '# G',
        '## Progress',
        '- 2026-10-01: a',
        '- [x] 2026-11-05: b',
        '  - 2026-11-20: nested',
        '- 2026-02-30: not a date',
        '- note 2026-12-01: date not first',
        '## Notes',
        '- 2026-12-31: not progress',
      ].join('\n'),
    );
    assert.strictEqual(e.lastProgress, '2026-11-20');
    const index = new JournalIndex();
    assert.strictEqual(index.update('goals/h.md', '## Progress log\n- 2026-01-02 met\n').lastProgress, '2026-01-02');
    assert.strictEqual('lastProgress' in index.update('goals/i.md', '## Progress\n- soon\n'), false);
  });

  it('an unreadable meeting has empty session fields', () => {
    const e = new JournalIndex().markUnreadable('meetings/a/2026-01-01.md', 'too large');
    assert.deepStrictEqual(
      [e.actions, e.wins, e.goals, e.schedule, e.lastProgress],
      [[], [], [], undefined, undefined],
    );
  });
});

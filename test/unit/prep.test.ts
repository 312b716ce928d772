// The prep sheet, built from the index of a small journal.

import * as assert from 'assert';
import { JournalIndex } from '../../src/core/journal-index';
import {
  feedbackDue,
  goalsInProgress,
  prepSheetBlock,
  previousMeeting,
  renderPrepSheet,
  winsBetween,
} from '../../src/core/prep';

const fm = (fields: Record<string, string>): string[] => [
  '---',
  ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`),
  '---',
];

function journal(): JournalIndex {
  const index = new JournalIndex();
  const put = (path: string, lines: string[]): void => void index.update(path, lines.join('\n'));
  put('people/alex-kim.md', [
    ...fm({
      name: 'Alex Kim',
      role: 'manager',
      cadence: 'weekly',
      weekday: 'tuesday',
      time: '"10:00"',
      timezone: 'Europe/Berlin',
    }),
    '# Alex Kim',
    '',
  ]);
  put('people/sam-lee.md', [...fm({ name: 'Sam Lee', role: 'mentor' }), '']);
  put('meetings/alex-kim/2026-11-03.md', [
    ...fm({ date: '2026-11-03', status: 'done' }),
    '## Agenda',
    '- [x] Mentoring plan #goal/mentor-someone',
    '## Wins',
    '- Old win, before the last meeting',
    '## Action items',
    '- [ ] Very old open action',
    '',
  ]);
  put('meetings/alex-kim/2026-11-10.md', [
    ...fm({ date: '2026-11-10', status: 'done' }),
    '# 1:1 — 2026-11-10',
    '',
    '## Agenda',
    '',
    '- [x] Roadmap review #goal/learn-rust',
    '- [ ] Team offsite budget',
    '  - [ ] nested agenda detail',
    '',
    '## Wins',
    '',
    '- Shipped search v2',
    '',
    '## Action items',
    '',
    '- [ ] Alex: share the promotion criteria doc',
    '  - [ ] nested sub task',
    '- [x] Me: send the rollout plan',
    '- [ ] Me: book the offsite',
    '- plain note',
    '```',
    '- [ ] fenced fake',
    '```',
    '',
  ]);
  put('meetings/alex-kim/2026-11-24.md', [
    ...fm({ date: '2026-11-24', status: 'planned' }),
    '## Agenda',
    '- [ ] Promotion timeline #goal/lead-a-project',
    '- [ ] Landed the migration #win',
    '- [x] Already covered',
    '## Wins',
    '- Mentored a new hire',
    '## Action items',
    '',
  ]);
  put('meetings/sam-lee/2026-11-18.md', [
    ...fm({ date: '2026-11-18', status: 'done' }),
    '## Notes',
    '- Talked about [the talk](../../goals/give-a-talk.md)',
    '## Wins',
    '- A win with Sam, not Alex',
    '',
  ]);
  put('goals/learn-rust.md', [
    ...fm({ title: 'Learn Rust', status: 'active', target: '2027-03-31' }),
    '# Learn Rust',
    '## Progress',
    '- 2026-10-01: started the book',
    '- 2026-11-05: finished chapter 8',
    '',
  ]);
  put('goals/give-a-talk.md', [
    ...fm({ title: 'Give a talk', status: 'active' }),
    '## Progress',
    '- 2026-09-01: picked a topic',
    '',
  ]);
  put('goals/mentor-someone.md', [
    ...fm({ title: 'Mentor someone', status: 'active' }),
    '## Progress',
    '- 2026-11-19: first session',
    '',
  ]);
  put('goals/write-blog.md', [...fm({ title: 'Write a blog post' }), '## Progress', '- 2026-09-15: outline', '']);
  put('goals/lead-a-project.md', [...fm({ title: 'Lead a project' }), '']);
  put('goals/old-goal.md', [...fm({ title: 'Old goal', status: 'achieved' }), '## Progress', '- 2026-11-20: done', '']);
  put('goals/dropped.md', [...fm({ title: 'Dropped goal', status: 'dropped' }), '']);
  put('feedback/too-many-meetings.md', [
    ...fm({ title: 'Too many meetings', from: 'Alex Kim', status: 'trying', circleBack: '2026-11-20' }),
    '',
  ]);
  put('feedback/clearer-docs.md', [...fm({ title: 'Clearer docs', from: 'alex-kim', circleBack: '2026-11-24' }), '']);
  put('feedback/later.md', [...fm({ title: 'Later one', from: 'Alex Kim', circleBack: '2026-12-01' }), '']);
  put('feedback/closed.md', [
    ...fm({ title: 'Closed one', from: 'Alex Kim', status: 'circled-back', circleBack: '2026-11-01' }),
    '',
  ]);
  put('feedback/from-sam.md', [...fm({ title: 'From Sam', from: 'Sam Lee', circleBack: '2026-11-01' }), '']);
  put('feedback/anonymous.md', [...fm({ title: 'Skip-level survey', circleBack: '2026-11-15' }), '']);
  put('feedback/no-date.md', [...fm({ title: 'No date', from: 'Alex Kim' }), '']);
  put('feedback/bad-date.md', [...fm({ title: 'Bad date', from: 'Alex Kim', circleBack: 'soon' }), '']);
  return index;
}

describe('prep: renderPrepSheet', () => {
  it('renders every section for the next 1:1 with Alex, line by line', () => {
    const index = journal();
    const sheet = renderPrepSheet({
      index,
      person: index.person('alex-kim')!,
      date: '2026-11-24',
      today: '2026-11-21',
      when: 'Tuesday 24 November 2026, 10:00–10:30',
      link: (p) => `../${p}`,
    });
    assert.deepStrictEqual(sheet.split('\n'), [
      '# Prep: 1:1 with Alex Kim',
      '',
      '_Tuesday 24 November 2026, 10:00–10:30_ (in 3 days)',
      '',
      'Last 1:1: [2026-11-10](../meetings/alex-kim/2026-11-10.md), 11 days ago.',
      '',
      '## Open action items',
      '',
      '- [ ] Alex: share the promotion criteria doc',
      '- [ ] Me: book the offsite',
      '',
      'Not discussed on 2026-11-10:',
      '',
      '- [ ] Team offsite budget',
      '',
      '## Feedback to circle back on',
      '',
      '- [Skip-level survey](../feedback/anonymous.md) — received; circle back was due 2026-11-15',
      '- [Too many meetings](../feedback/too-many-meetings.md) — trying; circle back was due 2026-11-20',
      '- [Clearer docs](../feedback/clearer-docs.md) — received; circle back due 2026-11-24',
      '',
      '## Goals in progress',
      '',
      '- [Lead a project](../goals/lead-a-project.md) — never discussed (on the agenda)',
      '- [Write a blog post](../goals/write-blog.md) — **quiet for 9 weeks**: last discussed 2026-09-15 (2 months ago)',
      '- [Learn Rust](../goals/learn-rust.md) — last discussed 2026-11-10 (11 days ago); target 2027-03-31',
      '- [Give a talk](../goals/give-a-talk.md) — last discussed 2026-11-18 (3 days ago)',
      '- [Mentor someone](../goals/mentor-someone.md) — last discussed 2026-11-19 (2 days ago)',
      '',
      '## Wins since 2026-11-10',
      '',
      '- Mentored a new hire ([2026-11-24](../meetings/alex-kim/2026-11-24.md))',
      '- Landed the migration #win ([2026-11-24](../meetings/alex-kim/2026-11-24.md))',
      '',
      '## On the agenda',
      '',
      '- [ ] Promotion timeline #goal/lead-a-project',
      '- [ ] Landed the migration #win',
      '- [x] Already covered',
      '',
    ]);
  });

  it('renders a first 1:1: no previous meeting, wins since the start, the date without a time', () => {
    const index = journal();
    const sheet = renderPrepSheet({
      index,
      person: index.person('sam-lee')!,
      date: '2026-11-18',
      today: '2026-11-18',
      link: (p) => p,
    });
    assert.deepStrictEqual(sheet.split('\n'), [
      '# Prep: 1:1 with Sam Lee',
      '',
      '_2026-11-18_ (today)',
      '',
      'This is your first 1:1 with Sam Lee in the journal.',
      '',
      '## Open action items',
      '',
      'None yet.',
      '',
      '## Feedback to circle back on',
      '',
      '- [From Sam](feedback/from-sam.md) — received; circle back was due 2026-11-01',
      '- [Skip-level survey](feedback/anonymous.md) — received; circle back was due 2026-11-15',
      '',
      '## Goals in progress',
      '',
      '- [Lead a project](goals/lead-a-project.md) — never discussed',
      '- [Write a blog post](goals/write-blog.md) — **quiet for 9 weeks**: last discussed 2026-09-15 (2 months ago)',
      '- [Mentor someone](goals/mentor-someone.md) — last discussed 2026-11-03 (15 days ago)',
      '- [Learn Rust](goals/learn-rust.md) — last discussed 2026-11-10 (8 days ago); target 2027-03-31',
      '- [Give a talk](goals/give-a-talk.md) — last discussed 2026-11-18 (today)',
      '',
      '## Wins since you started',
      '',
      '- A win with Sam, not Alex ([2026-11-18](meetings/sam-lee/2026-11-18.md))',
      '',
    ]);
  });

  it('says when the last meeting left nothing open, and shows a cancelled one as such', () => {
    const index = journal();
    index.update(
      'meetings/alex-kim/2026-11-17.md',
      [
        ...fm({ date: '2026-11-17', status: 'cancelled' }),
        '## Agenda',
        '- [x] covered',
        '## Action items',
        '- [x] done',
        '',
      ].join('\n'),
    );
    const lines = renderPrepSheet({
      index,
      person: index.person('alex-kim')!,
      date: '2026-11-24',
      today: '2026-11-24',
      link: (p) => p,
    }).split('\n');
    assert.strictEqual(lines[2], '_2026-11-24_ (today)');
    assert.strictEqual(lines[4], 'Last 1:1: [2026-11-17](meetings/alex-kim/2026-11-17.md) (cancelled), 7 days ago.');
    assert.deepStrictEqual(lines.slice(6, 10), ['## Open action items', '', 'Nothing left open on 2026-11-17.', '']);
    assert.ok(!lines.includes('Not discussed on 2026-11-17:'));
    assert.ok(lines.includes('## Wins since 2026-11-17'));
  });

  it('escapes brackets in link texts and leaves out the agenda when the meeting has none', () => {
    const index = new JournalIndex();
    index.update('people/jo.md', '---\nname: Jo\n---\n');
    index.update('goals/rust.md', '---\ntitle: Learn [Rust] \\ fast\n---\n');
    index.update('meetings/jo/2026-11-24.md', '---\nstatus: planned\n---\n## Notes\n');
    const sheet = renderPrepSheet({
      index,
      person: index.person('jo')!,
      date: '2026-11-24',
      today: '2026-11-20',
      link: (p) => `/j/${p}`,
    });
    assert.ok(sheet.includes('- [Learn \\[Rust\\] \\\\ fast](/j/goals/rust.md) — **never discussed**\n'), sheet);
    assert.ok(sheet.includes('_2026-11-24_ (in 4 days)'));
    assert.ok(sheet.includes('No feedback thread is due.'));
    assert.ok(sheet.includes('None recorded yet.'));
    assert.ok(!sheet.includes('## On the agenda'));
  });

  it('says so when there are no active goals', () => {
    const index = new JournalIndex();
    index.update('people/jo.md', '---\nname: Jo\n---\n');
    index.update('goals/done.md', '---\ntitle: Done\nstatus: achieved\n---\n');
    assert.ok(
      renderPrepSheet({
        index,
        person: index.person('jo')!,
        date: '2026-11-24',
        today: '2026-11-20',
        link: (p) => p,
      }).includes('## Goals in progress\n\nNo active goals.\n'),
    );
  });
});

describe('prep: balance section', () => {
  it('appears only when a window is given, after the wins, with a bar per core theme', () => {
    const index = journal();
    const base = {
      index,
      person: index.person('alex-kim')!,
      date: '2026-11-24',
      today: '2026-11-21',
      link: (p: string) => p,
    };
    assert.ok(!renderPrepSheet(base).includes('## Balance'));
    const lines = renderPrepSheet({ ...base, balanceWindow: 6 }).split('\n');
    const at = lines.indexOf('## Balance of the last 3 1:1s');
    assert.ok(at >= 0, lines.filter((l) => l.startsWith('## ')).join(' / '));
    assert.ok(at > lines.findIndex((l) => l.startsWith('## Wins since')), 'after the wins');
    const body = lines.slice(at + 2, lines.indexOf('', at + 2));
    assert.match(body[0]!, /^\d+ talking points in the last 3 meetings:$/);
    for (const theme of ['Growth', 'Feedback', 'Alignment'])
      assert.ok(
        lines.some((l) => l.includes(`\` ${theme}: `)),
        `a bar for ${theme}`,
      );
    assert.ok(!renderPrepSheet({ ...base, balanceWindow: 0 }).includes('## Balance'), '0 hides it');
  });
});

describe('prep: parts', () => {
  it('previousMeeting is the latest meeting before the date, of that person', () => {
    const index = journal();
    assert.strictEqual(previousMeeting(index, 'alex-kim', '2026-11-24')?.date, '2026-11-10');
    assert.strictEqual(previousMeeting(index, 'alex-kim', '2026-11-10')?.date, '2026-11-03');
    assert.strictEqual(previousMeeting(index, 'alex-kim', '2026-11-03'), undefined);
    assert.strictEqual(previousMeeting(index, 'sam-lee', '2026-12-01')?.date, '2026-11-18');
  });

  it('feedbackDue: open threads from this person (or no one) due by the date, oldest first', () => {
    const index = journal();
    const alex = index.person('alex-kim')!;
    assert.deepStrictEqual(
      feedbackDue(index, alex, '2026-11-24').map((f) => [f.entry.title, f.circleBack, f.overdue]),
      [
        ['Skip-level survey', '2026-11-15', true],
        ['Too many meetings', '2026-11-20', true],
        ['Clearer docs', '2026-11-24', false],
      ],
    );
    assert.deepStrictEqual(
      feedbackDue(index, alex, '2026-11-19').map((f) => f.entry.title),
      ['Skip-level survey'],
    );
    assert.deepStrictEqual(
      feedbackDue(index, alex, '2026-12-01').map((f) => f.entry.title),
      ['Skip-level survey', 'Too many meetings', 'Clearer docs', 'Later one'],
    );
    assert.deepStrictEqual(
      feedbackDue(index, index.person('sam-lee')!, '2026-11-24').map((f) => f.entry.title),
      ['From Sam', 'Skip-level survey'],
    );
  });

  it('goalsInProgress: active goals, last discussed in a progress entry or a meeting up to the date', () => {
    const index = journal();
    const at = (until: string): [string, string | undefined][] =>
      goalsInProgress(index, until).map((g) => [g.entry.slug, g.lastDiscussed]);
    assert.deepStrictEqual(at('2026-11-21'), [
      ['lead-a-project', undefined],
      ['write-blog', '2026-09-15'],
      ['learn-rust', '2026-11-10'],
      ['give-a-talk', '2026-11-18'],
      ['mentor-someone', '2026-11-19'],
    ]);
    // The #goal/ tag in the 2026-11-24 agenda counts once that day has come.
    assert.deepStrictEqual(at('2026-11-24')[4], ['lead-a-project', '2026-11-24']);
    assert.deepStrictEqual(at('2026-11-12'), [
      ['lead-a-project', undefined],
      ['give-a-talk', '2026-09-01'],
      ['write-blog', '2026-09-15'],
      ['mentor-someone', '2026-11-03'],
      ['learn-rust', '2026-11-10'],
    ]);
  });

  it('winsBetween: Wins items and #win talking points after one date up to another, oldest meeting first', () => {
    const index = journal();
    const texts = (after: string | undefined, until: string): string[] =>
      winsBetween(index, 'alex-kim', after, until).map((w) => `${w.meeting.date} ${w.item.text}`);
    assert.deepStrictEqual(texts('2026-11-10', '2026-11-24'), [
      '2026-11-24 Mentored a new hire',
      '2026-11-24 Landed the migration #win',
    ]);
    assert.deepStrictEqual(texts(undefined, '2026-11-10'), [
      '2026-11-03 Old win, before the last meeting',
      '2026-11-10 Shipped search v2',
    ]);
    assert.deepStrictEqual(texts('2026-11-03', '2026-11-23'), ['2026-11-10 Shipped search v2']);
    assert.deepStrictEqual(texts('2026-11-24', '2026-12-31'), []);
  });
});

describe('prep: planned progress entries', () => {
  it('a future-dated progress entry does not hide the real ones', () => {
    const index = new JournalIndex();
    index.update(
      'goals/g.md',
      ['---', 'title: G', '---', '## Progress', '- 2026-11-02: real step', '- 2026-12-15: planned demo', ''].join('\n'),
    );
    assert.deepStrictEqual(index.get('goals/g.md')!.progressDates, ['2026-11-02', '2026-12-15']);
    assert.deepStrictEqual(
      goalsInProgress(index, '2026-11-21').map((g) => [g.entry.title, g.lastDiscussed]),
      [['G', '2026-11-02']],
    );
  });
});

describe('prep: prepSheetBlock', () => {
  it('quotes the sheet under a bold title, headings as bold lines and checkboxes as plain bullets', () => {
    const sheet = [
      '# Prep: 1:1 with Alex Kim',
      '',
      '_Tuesday 24 November 2026_ (in 3 days)',
      '',
      '## Open action items',
      '',
      '- [ ] Alex: share the doc',
      '- [x] Done thing',
      '',
    ].join('\n');
    assert.deepStrictEqual(prepSheetBlock(sheet, '2026-11-21'), [
      '**Prep sheet, 2026-11-21**',
      '',
      '> **Open action items**',
      '>',
      '> - Alex: share the doc',
      '> - Done thing',
    ]);
  });
});

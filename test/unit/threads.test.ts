// Goals and feedback threads: lifecycles as minimal edits, progress logs,
// staleness, due circle-backs, and what a finished meeting adds to a goal.

import * as assert from 'assert';
import fc from 'fast-check';
import { JournalIndex } from '../../src/core/journal-index';
import {
  agendaMentions,
  agendaPointFor,
  defaultCircleBack,
  goalState,
  isFeedbackDue,
  nextFeedbackStatus,
  staleGoals,
} from '../../src/core/threads';
import {
  logProgress,
  logProgressOnce,
  progressFromMeeting,
  setFeedbackStatus,
  setGoalStatus,
} from '../../src/core/thread-edits';
import { feedbackFile, goalFile } from '../../src/core/templates';
import { apply, doc, editsOf, fileWithFrontMatter, RUNS } from './arbitraries';

const lines = (...ls: string[]): string => ls.join('\n');

const GOAL = lines(
  '---',
  'title: Lead a review',
  'status: active # where it stands',
  'x-owner: me',
  '---',
  '',
  '# Lead a review',
  '',
  '## Progress',
  '',
  '- 2026-10-01: started',
  '',
);

describe('threads: goal lifecycle', () => {
  it('achieving a goal changes only its status value and logs the change under Progress', () => {
    const out = apply(GOAL, editsOf(setGoalStatus(doc(GOAL), 'achieved', '2026-11-21', 'ran the Platform review')));
    assert.strictEqual(
      out,
      lines(
        '---',
        'title: Lead a review',
        'status: achieved # where it stands',
        'x-owner: me',
        '---',
        '',
        '# Lead a review',
        '',
        '## Progress',
        '',
        '- 2026-10-01: started',
        '- 2026-11-21: Achieved — ran the Platform review',
        '',
      ),
    );
  });

  it('dropping and reactivating log "Dropped." and "Reactivated."; the same status is no edit', () => {
    const dropped = apply(GOAL, editsOf(setGoalStatus(doc(GOAL), 'dropped', '2026-11-21')));
    assert.ok(dropped.includes('status: dropped # where it stands\n'));
    assert.ok(dropped.endsWith('- 2026-11-21: Dropped.\n'));
    const back = apply(dropped, editsOf(setGoalStatus(doc(dropped), 'active', '2026-11-22')));
    assert.ok(back.includes('status: active # where it stands\n'));
    assert.ok(back.endsWith('- 2026-11-21: Dropped.\n- 2026-11-22: Reactivated.\n'));
    assert.deepStrictEqual(editsOf(setGoalStatus(doc(GOAL), 'active', '2026-11-21')), []);
  });

  it('a goal without a status is active; setting one inserts the key before the closing ---', () => {
    const text = lines('---', 'title: T', '---', '## Progress', '');
    assert.deepStrictEqual(editsOf(setGoalStatus(doc(text), 'active', '2026-11-21')), []);
    assert.strictEqual(
      apply(text, editsOf(setGoalStatus(doc(text), 'achieved', '2026-11-21'))),
      lines('---', 'title: T', 'status: achieved', '---', '## Progress', '', '- 2026-11-21: Achieved.', ''),
    );
  });

  it('keeps CRLF, a BOM and a missing final newline', () => {
    const text = '\uFEFF---\r\ntitle: T\r\nstatus: active\r\n---\r\n## Progress\r\n- 2026-01-01: a';
    assert.strictEqual(
      apply(text, editsOf(setGoalStatus(doc(text), 'achieved', '2026-11-21'))),
      '\uFEFF---\r\ntitle: T\r\nstatus: achieved\r\n---\r\n## Progress\r\n- 2026-01-01: a\r\n- 2026-11-21: Achieved.',
    );
  });

  it('refuses a goal whose front matter is broken, instead of guessing', () => {
    const result = setGoalStatus(doc(lines('---', 'title: [oops', '---', '')), 'achieved', '2026-11-21');
    assert.ok('error' in result);
  });

  it('logProgress appends a dated line, creates Progress when missing, and flattens line breaks', () => {
    const text = lines('---', 'title: T', '---', '', '# T', '', '## Why it matters', '', 'Because.', '');
    assert.strictEqual(
      apply(text, editsOf(logProgress(doc(text), '2026-11-21', 'first\nsteps'))),
      `${text}\n## Progress\n\n- 2026-11-21: first steps\n`,
    );
    assert.ok('error' in logProgress(doc(text), '2026-11-21', '  \n '));
  });

  it('property: a goal status change touches the status value and appends one Progress line, nothing else', () => {
    fc.assert(
      fc.property(
        fileWithFrontMatter,
        fc.constantFrom('achieved', 'dropped') as fc.Arbitrary<'achieved' | 'dropped'>,
        (text, status) => {
          const before = doc(text);
          const result = setGoalStatus(before, status, '2026-11-21');
          if ('error' in result) return; // refused (a broken block, an unclosed fence): nothing written
          const after = doc(apply(text, result.edits));
          assert.strictEqual(after.data['status'], status);
          for (const [k, v] of Object.entries(before.data))
            if (k !== 'status') assert.deepStrictEqual(after.data[k], v, k);
          // Every line of the old text is still there, in order.
          const old = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
          const now = apply(text, result.edits)
            .replace(/^\uFEFF/, '')
            .split(/\r\n|\r|\n/);
          let j = 0;
          for (const line of now) if (j < old.length && (line === old[j] || /^status:/.test(old[j]!))) j++;
          assert.strictEqual(j, old.length, 'the old lines survive in order');
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('threads: feedback lifecycle', () => {
  const THREAD = feedbackFile('Too terse', 'Alex Kim', '2026-10-27');

  it('steps through received → trying → circled-back → closed, and stays closed', () => {
    assert.deepStrictEqual(['received', 'trying', 'circled-back', 'closed', 'bogus'].map(nextFeedbackStatus), [
      'trying',
      'circled-back',
      'closed',
      'closed',
      'received',
    ]);
  });

  it('trying writes the status, the circle-back date and what I am trying, in one edit', () => {
    const out = apply(
      THREAD,
      editsOf(
        setFeedbackStatus(doc(THREAD), {
          status: 'trying',
          date: '2026-11-21',
          circleBack: '2026-12-05',
          trying: 'Ask a question\nfirst',
        }),
      ),
    );
    assert.strictEqual(
      out,
      lines(
        '---',
        'title: Too terse',
        'from: Alex Kim',
        'status: trying',
        'received: 2026-10-27',
        'circleBack: 2026-12-05',
        '---',
        '',
        '# Too terse',
        '',
        '## What I heard',
        '',
        '## What I am trying',
        '',
        '- 2026-11-21: Ask a question first',
        '',
        '## Circle back',
        '',
      ),
    );
    const later = apply(
      out,
      editsOf(
        setFeedbackStatus(doc(out), {
          status: 'circled-back',
          date: '2026-12-05',
          outcome: 'Alex says it reads better',
        }),
      ),
    );
    assert.ok(later.includes('status: circled-back\n'));
    assert.ok(later.endsWith('## Circle back\n\n- 2026-12-05: Alex says it reads better\n'));
    const closed = apply(later, editsOf(setFeedbackStatus(doc(later), { status: 'closed', date: '2026-12-06' })));
    assert.strictEqual(closed, later.replace('status: circled-back', 'status: closed'));
  });

  it('nothing to change is no edit; a bad circle-back date is refused', () => {
    assert.deepStrictEqual(editsOf(setFeedbackStatus(doc(THREAD), { status: 'received', date: '2026-11-21' })), []);
    assert.ok(
      'error' in setFeedbackStatus(doc(THREAD), { status: 'trying', date: '2026-11-21', circleBack: '2026-02-30' }),
    );
  });

  it('the default circle-back is two weeks on', () => {
    assert.strictEqual(defaultCircleBack('2026-11-21'), '2026-12-05');
    assert.strictEqual(defaultCircleBack('2026-12-25'), '2027-01-08');
  });

  it('a thread is due when open and its circle-back date has come', () => {
    const index = new JournalIndex();
    const at = (status: string, circleBack?: string) =>
      index.update(
        `feedback/${status}-${circleBack ?? 'none'}.md`,
        lines('---', `status: ${status}`, ...(circleBack ? [`circleBack: ${circleBack}`] : []), '---', ''),
      );
    assert.strictEqual(isFeedbackDue(at('trying', '2026-11-20'), '2026-11-21'), true);
    assert.strictEqual(isFeedbackDue(at('received', '2026-11-21'), '2026-11-21'), true);
    assert.strictEqual(isFeedbackDue(at('trying', '2026-11-22'), '2026-11-21'), false);
    assert.strictEqual(isFeedbackDue(at('circled-back', '2026-11-01'), '2026-11-21'), false);
    assert.strictEqual(isFeedbackDue(at('closed', '2026-11-01'), '2026-11-21'), false);
    assert.strictEqual(isFeedbackDue(at('trying'), '2026-11-21'), false);
    assert.strictEqual(isFeedbackDue(at('trying', 'next week'), '2026-11-21'), false);
  });

  it('a thread from a selection quotes what was heard, with where, safely', () => {
    const text = feedbackFile('Naming', undefined, '2026-11-21', {
      heard: '\nThis name `x` says nothing.\n\nRename it?\n',
      source: 'src/a.ts:3-4',
      circleBack: '2026-12-01',
    });
    assert.strictEqual(
      text,
      lines(
        '---',
        'title: Naming',
        'status: received',
        'received: 2026-11-21',
        'circleBack: 2026-12-01',
        '---',
        '',
        '# Naming',
        '',
        '## What I heard',
        '',
        '> This name `x` says nothing.',
        '>',
        '> Rename it?',
        '',
        'Source: `src/a.ts:3-4`',
        '',
        '## What I am trying',
        '',
        '## Circle back',
        '',
      ),
    );
    // A heard text that looks like a heading or front matter stays inside the quote.
    const hostile = feedbackFile('X', undefined, '2026-11-21', { heard: '---\n## Private\n- [ ] task' });
    const parsed = doc(hostile);
    assert.deepStrictEqual(
      parsed.scan.headings.map((h) => h.text),
      ['X', 'What I heard', 'What I am trying', 'Circle back'],
    );
    assert.strictEqual(parsed.scan.items.length, 0);
  });

  it('a new goal carries its target, circle and why', () => {
    assert.strictEqual(
      goalFile('Ship it: "v2"', '2026-11-21', { target: '2027-01-31', circle: 'enabling', why: 'Others\nwait on it' }),
      lines(
        '---',
        'title: \'Ship it: "v2"\'',
        'status: active',
        'target: 2027-01-31',
        'circle: enabling',
        'created: 2026-11-21',
        '---',
        '',
        '# Ship it: "v2"',
        '',
        '## Why it matters',
        '',
        'Others wait on it',
        '',
        '## Progress',
        '',
      ),
    );
  });
});

describe('threads: staleness', () => {
  function journal(): JournalIndex {
    const index = new JournalIndex();
    index.update(
      'goals/talked.md',
      lines('---', 'title: Talked about', 'created: 2026-01-01', '---', '## Progress', '- 2026-10-01: a start', ''),
    );
    index.update('goals/new.md', lines('---', 'title: Brand new', 'created: 2026-11-10', '---', ''));
    index.update('goals/undated.md', lines('---', 'title: Undated', '---', ''));
    index.update('goals/done.md', lines('---', 'title: Done', 'status: achieved', '---', ''));
    index.update(
      'goals/future.md',
      lines('---', 'title: Planned ahead', 'created: 2026-01-01', '---', '## Progress', '- 2026-12-24: the demo', ''),
    );
    index.update('meetings/alex/2026-11-03.md', lines('## Agenda', '- [x] Review prep #goal/talked', ''));
    return index;
  }

  it('an active goal is stale after the given weeks without a progress entry or a meeting that refers to it', () => {
    const index = journal();
    const state = (slug: string, today: string, weeks = 4) => {
      const s = goalState(index, index.get(`goals/${slug}.md`)!, today, weeks);
      return [s.lastDiscussed, s.stale, s.quietWeeks];
    };
    assert.deepStrictEqual(state('talked', '2026-11-21'), ['2026-11-03', false, 2]);
    assert.deepStrictEqual(state('talked', '2026-12-01'), ['2026-11-03', true, 4]);
    assert.deepStrictEqual(state('talked', '2026-11-30'), ['2026-11-03', false, 3]);
    assert.deepStrictEqual(state('new', '2026-11-21'), [undefined, false, 1]);
    assert.deepStrictEqual(state('new', '2026-12-08'), [undefined, true, 4]);
    assert.deepStrictEqual(state('undated', '2026-11-21'), [undefined, true, undefined]);
    assert.deepStrictEqual(state('done', '2026-11-21'), [undefined, false, undefined]);
    // A planned, future-dated entry does not count before its date.
    assert.deepStrictEqual(state('future', '2026-11-21'), [undefined, true, 46]);
    // 0 weeks: never flagged.
    assert.deepStrictEqual(state('undated', '2026-11-21', 0), [undefined, false, undefined]);
  });

  it('a goal on the agenda of a meeting still to come is queued, not stale', () => {
    const index = journal();
    index.update(
      'meetings/alex/2026-12-15.md',
      lines('## Agenda', '- [ ] Goal: [Undated](../../goals/undated.md) #growth #goal/undated', ''),
    );
    const s = goalState(index, index.get('goals/undated.md')!, '2026-12-10');
    assert.deepStrictEqual([s.stale, s.queued, s.lastDiscussed], [false, '2026-12-15', undefined]);
    // The day after the meeting it counts as discussed then.
    const after = goalState(index, index.get('goals/undated.md')!, '2026-12-16');
    assert.deepStrictEqual([after.stale, after.queued, after.lastDiscussed], [false, undefined, '2026-12-15']);
  });

  it('a meeting that comes to refer to a goal freshens it; removing it makes it stale again', () => {
    const index = journal();
    assert.deepStrictEqual(
      staleGoals(index, '2026-12-10').map((s) => s.entry.slug),
      ['new', 'future', 'undated', 'talked'],
    );
    index.update('meetings/alex/2026-12-08.md', lines('## Notes', '- see [the goal](../../goals/new.md)', ''));
    assert.deepStrictEqual(
      staleGoals(index, '2026-12-10').map((s) => s.entry.slug),
      ['future', 'undated', 'talked'],
    );
    index.delete('meetings/alex/2026-12-08.md');
    assert.deepStrictEqual(
      staleGoals(index, '2026-12-10').map((s) => s.entry.slug),
      ['new', 'future', 'undated', 'talked'],
    );
  });
});

describe('threads: on the agenda', () => {
  const index = new JournalIndex();
  const goal = index.update(
    'goals/lead.md',
    lines('---', 'title: Lead [the] review', '---', '## Progress', '- 2026-11-01: a', ''),
  );
  const thread = index.update(
    'feedback/terse-reviews.md',
    lines('---', 'title: Terse reviews', 'from: Alex Kim', '---', ''),
  );

  it('a goal point links the goal, says since when, and carries #growth and the goal tag', () => {
    assert.strictEqual(
      agendaPointFor(goal, '../../goals/lead.md', '2026-11-21', index),
      'Goal: [Lead \\[the\\] review](../../goals/lead.md) — progress since 2026-11-01 #growth #goal/lead',
    );
    assert.strictEqual(
      agendaPointFor(thread, '../../feedback/terse-reviews.md', '2026-11-21', index),
      'Circle back on feedback from Alex Kim: [Terse reviews](../../feedback/terse-reviews.md) — is it working? #feedback',
    );
  });

  it('knows when an agenda already has it, by tag or link', () => {
    assert.strictEqual(agendaMentions([{ text: 'Talk #goal/lead', tags: ['goal/lead'] }], goal), true);
    assert.strictEqual(agendaMentions([{ text: 'See [x](../../feedback/terse-reviews.md)', tags: [] }], thread), true);
    assert.strictEqual(
      agendaMentions([{ text: 'See [x](../../feedback/terse-reviews-2.md)', tags: [] }], thread),
      false,
    );
    assert.strictEqual(agendaMentions([], goal), false);
  });
});

describe('threads: progress from a finished meeting', () => {
  const index = new JournalIndex();
  index.update('goals/lead.md', lines('---', 'title: Lead', '---', '## Progress', ''));
  const meeting = index.update(
    'meetings/alex-kim/2026-11-24.md',
    lines(
      '## Agenda',
      '- [x] Review plan agreed #goal/lead #growth',
      '- [ ] Not reached #goal/lead',
      '- [x] Secret #goal/lead #private',
      '- [x] Unknown goal #goal/nope',
      '',
    ),
  );

  it('each discussed point tagged with a known goal becomes one line, linked to the meeting', () => {
    const out = progressFromMeeting(meeting, 'Alex Kim', () => '../meetings/alex-kim/2026-11-24.md', index);
    assert.deepStrictEqual(out, [
      {
        goal: 'goals/lead.md',
        lines: [
          'Discussed with Alex Kim: Review plan agreed ([1:1 of 2026-11-24](../meetings/alex-kim/2026-11-24.md))',
        ],
      },
    ]);
  });

  it('is written once: running it again adds nothing', () => {
    const text = lines('---', 'title: Lead', '---', '## Progress', '');
    const entry =
      'Discussed with Alex Kim: Review plan agreed ([1:1 of 2026-11-24](../meetings/alex-kim/2026-11-24.md))';
    const once = apply(text, editsOf(logProgressOnce(doc(text), '2026-11-24', [entry])));
    assert.strictEqual(once, `${text}\n- 2026-11-24: ${entry}\n`);
    assert.deepStrictEqual(editsOf(logProgressOnce(doc(once), '2026-11-24', [entry])), []);
  });
});

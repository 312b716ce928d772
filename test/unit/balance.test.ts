// Balance: what the last few 1:1s with a person were about, by theme, and the
// nudges when growth or feedback has gone quiet or status updates crowd the
// meeting out. Meetings below are on Mondays (2026-10-05, -12, -19, -26,
// 11-02, -09, -16, -23, -30), so "weeks" are whole calendar weeks.

import * as assert from 'assert';
import fc from 'fast-check';
import { BALANCE_THEMES, balanceOf, renderBalance, themeOf } from '../../src/core/balance';
import { JournalIndex } from '../../src/core/journal-index';
import { RUNS } from './arbitraries';

const lines = (...ls: string[]): string => ls.join('\n');

/** A meeting whose Agenda holds `agenda`: each a ticked item, or a raw line when it starts with a space. */
function meeting(
  index: JournalIndex,
  person: string,
  date: string,
  agenda: readonly string[],
  status: string | undefined = 'done',
): void {
  index.update(
    `meetings/${person}/${date}.md`,
    lines(
      '---',
      `date: ${date}`,
      ...(status === undefined ? [] : [`status: ${status}`]),
      '---',
      '',
      `# 1:1 — ${date}`,
      '',
      '## Agenda',
      '',
      ...agenda.map((a) => (a.startsWith(' ') ? a : `- [x] ${a}`)),
      '',
    ),
  );
}

const counts = (b: ReturnType<typeof balanceOf>): Record<string, number> =>
  Object.fromEntries(b.shares.filter((s) => s.count > 0).map((s) => [s.id, s.count]));
const dates = (b: ReturnType<typeof balanceOf>): (string | undefined)[] => b.meetings.map((m) => m.date);

const GROWTH_PROMPT = 'ask what would make your next level obvious';
const FEEDBACK_PROMPT = 'ask for one thing you could do better';
const STATUS_NUDGE = (pct: number): string =>
  `${pct}% of the talking points were status updates. Status fits a written update; keep the 1:1 for growth, feedback and alignment.`;

describe('balance: themeOf', () => {
  const theme = (text: string, tags: readonly string[] = []): string => themeOf({ text, tags });

  it('a #status tag wins over any theme tag', () => {
    assert.strictEqual(theme('Roadmap #alignment #status', ['alignment', 'status']), 'status');
    assert.strictEqual(theme('#growth plan', ['growth', 'status']), 'status');
  });

  it('otherwise the first known theme tag in the text, any case, by tag or alias', () => {
    assert.strictEqual(theme('Next level #growth', ['growth']), 'growth');
    assert.strictEqual(theme('#FEEDBACK on my review'), 'feedback');
    assert.strictEqual(theme('A win that helps me grow #win #growth'), 'win');
    assert.strictEqual(theme('Pairing #team/process'), 'team/process');
    assert.strictEqual(theme('Pairing #process'), 'team/process');
    assert.strictEqual(theme('Stuck #blocker #growth'), 'blocker');
    assert.strictEqual(theme('Unknown #nope then #question'), 'question');
  });

  it('a theme tag beats status wording', () => {
    assert.strictEqual(theme('Shipped the importer; what next? #growth'), 'growth');
    assert.strictEqual(theme('Status of my promotion #feedback'), 'feedback');
  });

  it('an untagged point worded as an update is a status update', () => {
    for (const text of [
      'Status: migration at 80%',
      'status',
      'Update on the migration',
      'Progress on the importer',
      'FYI the rota changed',
      'fyi: offsite',
      'Done: the runbook',
      'Finished the audit',
      'Shipped the importer',
      'Working on the cache',
      'Still working on the cache',
      'WIP: search',
      '  Update with leading spaces',
    ]) {
      assert.strictEqual(theme(text), 'status', text);
    }
  });

  it('an untagged point that only contains such a word, or starts with a longer one, has no theme', () => {
    for (const text of [
      'Updated the docs, any comments?',
      'What is the status of the reorg?',
      'Doneness criteria for the RFC',
      'Shipping plan for Q1',
      'Progressive rollout: worth it?',
      'Lunch plans',
      '',
      'Working hours',
    ]) {
      assert.strictEqual(theme(text), 'untagged', text);
    }
  });

  it('tags in code spans and tags that name no theme do not count', () => {
    assert.strictEqual(theme('The `#growth` label in Jira'), 'untagged');
    assert.strictEqual(theme('Plan #goal/lead-a-review'), 'untagged');
    assert.strictEqual(theme('Shipped #goal/lead-a-review'), 'status');
  });

  it('reads a real agenda item from the index the same way', () => {
    const index = new JournalIndex();
    meeting(index, 'a', '2026-10-05', ['Roadmap #Alignment #STATUS', 'Status: ok', 'Pairing #team']);
    assert.deepStrictEqual(index.meetingsOf('a')[0]!.agenda.map(themeOf), ['status', 'status', 'team/process']);
  });
});

describe('balance: balanceOf, what is counted', () => {
  function journal(): JournalIndex {
    const index = new JournalIndex();
    meeting(index, 'alex', '2026-10-05', ['Old growth talk #growth', 'Old feedback talk #feedback']);
    meeting(index, 'alex', '2026-10-12', ['Roadmap #alignment']);
    meeting(index, 'alex', '2026-10-19', ['Status: migration', 'Blocked on keys #blocker']);
    meeting(index, 'alex', '2026-10-26', ['Skipped growth talk #growth'], 'skipped');
    meeting(index, 'alex', '2026-11-02', ['Cancelled feedback talk #feedback'], 'cancelled');
    meeting(index, 'alex', '2026-11-09', ['How did my demo go? #feedback', 'Lunch']);
    meeting(index, 'alex', '2026-11-16', ['Next quarter #alignment'], 'planned');
    meeting(index, 'alex', '2026-11-23', ['After until #growth']);
    meeting(index, 'sam', '2026-11-09', ['Sam growth #growth', 'Sam status #status']);
    return index;
  }

  it('takes the last `window` held meetings up to `until`, oldest first', () => {
    const b = balanceOf(journal(), 'alex', { window: 3, until: '2026-11-16' });
    assert.deepStrictEqual(dates(b), ['2026-10-19', '2026-11-09', '2026-11-16']);
    assert.strictEqual(b.total, 5);
    assert.deepStrictEqual(counts(b), { alignment: 1, blocker: 1, feedback: 1, status: 1, untagged: 1 });
  });

  it('lists every theme, in a fixed order, with count and share', () => {
    const b = balanceOf(journal(), 'alex', { window: 3, until: '2026-11-16' });
    assert.deepStrictEqual(
      b.shares.map((s) => [s.id, s.label, s.count, s.share]),
      [
        ['growth', 'Growth', 0, 0],
        ['feedback', 'Feedback', 1, 0.2],
        ['alignment', 'Alignment', 1, 0.2],
        ['win', 'Win', 0, 0],
        ['blocker', 'Blocker', 1, 0.2],
        ['question', 'Question', 0, 0],
        ['team/process', 'Team / process', 0, 0],
        ['other', 'Other', 0, 0],
        ['status', 'Status update', 1, 0.2],
        ['untagged', 'No theme', 1, 0.2],
      ],
    );
    assert.deepStrictEqual(
      b.shares.map((s) => s.id),
      BALANCE_THEMES.map((t) => t.id),
    );
  });

  it('shares sum to 1', () => {
    for (const window of [1, 2, 3, 4, 5, 10]) {
      const b = balanceOf(journal(), 'alex', { window, until: '2026-11-30' });
      assert.ok(b.total > 0);
      assert.ok(Math.abs(b.shares.reduce((s, x) => s + x.share, 0) - 1) < 1e-9, `window ${window}`);
    }
  });

  it('`until` is inclusive: a meeting on that day counts (planned or not), one after it does not', () => {
    assert.deepStrictEqual(dates(balanceOf(journal(), 'alex', { window: 1, until: '2026-11-16' })), ['2026-11-16']);
    assert.deepStrictEqual(dates(balanceOf(journal(), 'alex', { window: 1, until: '2026-11-15' })), ['2026-11-09']);
    assert.deepStrictEqual(dates(balanceOf(journal(), 'alex', { window: 1, until: '2026-11-23' })), ['2026-11-23']);
  });

  it('passes over skipped and cancelled meetings: their points do not count and the window reaches past them', () => {
    const b = balanceOf(journal(), 'alex', { window: 2, until: '2026-11-08' });
    assert.deepStrictEqual(dates(b), ['2026-10-12', '2026-10-19']);
    assert.deepStrictEqual(counts(b), { alignment: 1, blocker: 1, status: 1 });
    const all = balanceOf(journal(), 'alex', { window: 52, until: '2026-11-08' });
    assert.deepStrictEqual(dates(all), ['2026-10-05', '2026-10-12', '2026-10-19']);
    assert.ok(!all.meetings.some((m) => m.status === 'skipped' || m.status === 'cancelled'));
  });

  it('a window larger than the history takes it all; 0, a negative or NaN window takes none; a fraction is rounded down', () => {
    assert.strictEqual(balanceOf(journal(), 'alex', { window: 100, until: '2026-12-31' }).meetings.length, 6);
    for (const window of [0, -3, Number.NaN, 0.9]) {
      const b = balanceOf(journal(), 'alex', { window, until: '2026-12-31' });
      assert.deepStrictEqual([b.meetings.length, b.total, b.nudges], [0, 0, []], String(window));
      assert.ok(b.shares.every((s) => s.count === 0 && s.share === 0));
    }
    assert.strictEqual(balanceOf(journal(), 'alex', { window: 2.7, until: '2026-12-31' }).meetings.length, 2);
  });

  it("counts only that person's meetings; an unknown person has none", () => {
    assert.deepStrictEqual(counts(balanceOf(journal(), 'sam', { window: 5, until: '2026-12-31' })), {
      growth: 1,
      status: 1,
    });
    const nobody = balanceOf(journal(), 'nobody', { window: 5, until: '2026-12-31' });
    assert.deepStrictEqual(
      [nobody.meetings, nobody.total, nobody.nudges, nobody.lastSeen],
      [[], 0, [], { growth: undefined, feedback: undefined, alignment: undefined }],
    );
  });

  it('counts top-level Agenda items only: not sub-items, action items, wins, notes or fenced checkboxes', () => {
    const index = new JournalIndex();
    index.update(
      'meetings/a/2026-10-05.md',
      lines(
        '## Agenda',
        '- [ ] One #growth',
        '  - [ ] sub-item #feedback',
        '- [x] Two',
        '```',
        '- [ ] fenced #feedback',
        '```',
        '## Wins',
        '- A win #win',
        '## Notes',
        '- a note #feedback',
        '## Action items',
        '- [ ] act #feedback',
      ),
    );
    const b = balanceOf(index, 'a', { window: 1, until: '2026-10-05' });
    assert.deepStrictEqual([b.total, counts(b)], [2, { growth: 1, untagged: 1 }]);
  });

  it('a meeting with no agenda counts as a meeting with no points', () => {
    const index = new JournalIndex();
    index.update('meetings/a/2026-10-05.md', '# nothing');
    meeting(index, 'a', '2026-10-12', ['#growth']);
    const b = balanceOf(index, 'a', { window: 2, until: '2026-10-12' });
    assert.deepStrictEqual([dates(b), b.total], [['2026-10-05', '2026-10-12'], 1]);
  });
});

describe('balance: lastSeen', () => {
  it('the latest held meeting up to `until` where each core theme came up, looking back past the window', () => {
    const index = new JournalIndex();
    meeting(index, 'a', '2026-10-05', ['#growth early', '#alignment early']);
    meeting(index, 'a', '2026-10-12', ['#growth later']);
    meeting(index, 'a', '2026-10-19', ['#feedback skipped'], 'skipped');
    meeting(index, 'a', '2026-10-26', ['Lunch']);
    meeting(index, 'a', '2026-11-02', ['#feedback after until']);
    const b = balanceOf(index, 'a', { window: 1, until: '2026-10-26' });
    assert.deepStrictEqual(dates(b), ['2026-10-26']);
    assert.deepStrictEqual(b.lastSeen, { growth: '2026-10-12', feedback: undefined, alignment: '2026-10-05' });
  });

  it('only a point whose theme is growth (or feedback, alignment) counts: not one led by another theme, nor a status-tagged one', () => {
    const index = new JournalIndex();
    meeting(index, 'a', '2026-10-05', ['#win #growth', '#feedback #status', '`#alignment` in code']);
    assert.deepStrictEqual(balanceOf(index, 'a', { window: 5, until: '2026-10-05' }).lastSeen, {
      growth: undefined,
      feedback: undefined,
      alignment: undefined,
    });
  });
});

describe('balance: nudges', () => {
  /** Weekly meetings on the given Mondays, each with the given points. */
  function weekly(schedule: readonly (readonly [string, readonly string[]])[]): JournalIndex {
    const index = new JournalIndex();
    for (const [date, points] of schedule) meeting(index, 'a', date, points);
    return index;
  }

  it('growth last seen 4 weeks before `until` (the default): a nudge with the weeks and the date', () => {
    const index = weekly([
      ['2026-11-02', ['#growth', '#feedback']],
      ['2026-11-09', ['#feedback']],
      ['2026-11-16', ['#feedback']],
      ['2026-11-23', ['#feedback']],
      ['2026-11-30', ['#feedback']],
    ]);
    assert.deepStrictEqual(balanceOf(index, 'a', { window: 3, until: '2026-11-30' }).nudges, [
      `Growth has not come up for 4 weeks (last on 2026-11-02): ${GROWTH_PROMPT}.`,
    ]);
  });

  it('growth last seen 3 calendar weeks before: no nudge (and 4 calendar weeks need not be 28 days)', () => {
    const index = weekly([
      ['2026-11-02', ['#growth', '#feedback']],
      ['2026-11-30', ['#feedback']],
    ]);
    assert.deepStrictEqual(balanceOf(index, 'a', { window: 3, until: '2026-11-29' }).nudges, []);
    // Sunday 2026-11-08 to Monday 2026-11-30 crosses four week starts.
    const sunday = weekly([
      ['2026-11-08', ['#growth', '#feedback']],
      ['2026-11-30', ['#feedback']],
    ]);
    assert.deepStrictEqual(balanceOf(sunday, 'a', { window: 3, until: '2026-11-30' }).nudges, [
      `Growth has not come up for 4 weeks (last on 2026-11-08): ${GROWTH_PROMPT}.`,
    ]);
  });

  it('feedback quiet for 5 weeks: a feedback nudge; both quiet: growth first, then feedback', () => {
    const feedback = weekly([
      ['2026-10-26', ['#feedback', '#growth']],
      ['2026-11-23', ['#growth']],
      ['2026-11-30', ['#growth']],
    ]);
    assert.deepStrictEqual(balanceOf(feedback, 'a', { window: 2, until: '2026-11-30' }).nudges, [
      `Feedback has not come up for 5 weeks (last on 2026-10-26): ${FEEDBACK_PROMPT}.`,
    ]);
    const both = weekly([
      ['2026-10-26', ['#feedback', '#growth']],
      ['2026-11-30', ['#alignment']],
    ]);
    assert.deepStrictEqual(balanceOf(both, 'a', { window: 2, until: '2026-11-30' }).nudges, [
      `Growth has not come up for 5 weeks (last on 2026-10-26): ${GROWTH_PROMPT}.`,
      `Feedback has not come up for 5 weeks (last on 2026-10-26): ${FEEDBACK_PROMPT}.`,
    ]);
  });

  it('`quietWeeks` moves the threshold', () => {
    const index = weekly([
      ['2026-11-16', ['#growth', '#feedback']],
      ['2026-11-30', ['#feedback']],
    ]);
    assert.deepStrictEqual(balanceOf(index, 'a', { window: 3, until: '2026-11-30', quietWeeks: 2 }).nudges, [
      `Growth has not come up for 2 weeks (last on 2026-11-16): ${GROWTH_PROMPT}.`,
    ]);
    assert.deepStrictEqual(balanceOf(index, 'a', { window: 3, until: '2026-11-30', quietWeeks: 3 }).nudges, []);
    assert.deepStrictEqual(balanceOf(index, 'a', { window: 3, until: '2026-11-30' }).nudges, []);
  });

  it('a theme that never came up: a nudge once the first 1:1 is `quietWeeks` back, none before', () => {
    const young = weekly([
      ['2026-11-09', ['#feedback']],
      ['2026-11-16', ['#feedback']],
      ['2026-11-30', ['#feedback']],
    ]);
    assert.deepStrictEqual(balanceOf(young, 'a', { window: 5, until: '2026-11-30' }).nudges, []);
    const old = weekly([
      ['2026-11-02', ['#feedback']],
      ['2026-11-16', ['#feedback']],
      ['2026-11-30', ['#feedback']],
    ]);
    assert.deepStrictEqual(balanceOf(old, 'a', { window: 5, until: '2026-11-30' }).nudges, [
      `Growth has not come up in these 3 meetings: ${GROWTH_PROMPT}.`,
    ]);
  });

  it('a theme that never came up in a long history is nudged even when the window covers fewer weeks', () => {
    // Six weekly 1:1s, never about growth; the window of two spans one week, the history eight.
    const index = weekly(
      ['2026-10-05', '2026-10-12', '2026-10-19', '2026-11-16', '2026-11-23', '2026-11-30'].map(
        (d) => [d, ['#feedback']] as const,
      ),
    );
    const b = balanceOf(index, 'a', { window: 2, until: '2026-11-30' });
    assert.deepStrictEqual(dates(b), ['2026-11-23', '2026-11-30']);
    assert.deepStrictEqual(b.nudges, [`Growth has not come up in these 2 meetings: ${GROWTH_PROMPT}.`]);
  });

  it('alignment is never nudged about', () => {
    const index = weekly([
      ['2026-10-05', ['#growth', '#feedback']],
      ['2026-11-30', ['#growth', '#feedback']],
    ]);
    const b = balanceOf(index, 'a', { window: 2, until: '2026-11-30' });
    assert.strictEqual(b.lastSeen.alignment, undefined);
    assert.deepStrictEqual(b.nudges, []);
  });

  it('no held meeting in the window: no nudge, however long the silence', () => {
    const index = new JournalIndex();
    meeting(index, 'a', '2026-10-05', ['#status one'], 'skipped');
    meeting(index, 'a', '2026-11-30', ['#status two'], 'cancelled');
    assert.deepStrictEqual(balanceOf(index, 'a', { window: 5, until: '2026-11-30' }).nudges, []);
  });

  const quiet = (points: readonly string[]): readonly string[] => {
    // Growth and feedback came up on `until` itself, so only the status nudge can fire.
    const index = weekly([['2026-11-30', ['#growth', '#feedback', ...points]]]);
    return balanceOf(index, 'a', { window: 1, until: '2026-11-30' }).nudges;
  };

  it('more than half of at least 4 points are status updates: a nudge with the share', () => {
    assert.deepStrictEqual(quiet(['#status a', 'Status: b', 'FYI c', 'Shipped d']), [STATUS_NUDGE(67)]);
    assert.deepStrictEqual(quiet(['#status a', 'Update b', 'Done c']), [STATUS_NUDGE(60)]);
  });

  it('exactly half, or a majority of fewer than 4 points: no status nudge', () => {
    assert.deepStrictEqual(quiet(['#status a', 'Status: b']), []);
    const few = weekly([['2026-11-30', ['#status a', 'Status: b', '#growth']]]);
    const b = balanceOf(few, 'a', { window: 1, until: '2026-11-30', quietWeeks: 99 });
    assert.deepStrictEqual([b.total, b.shares.find((s) => s.id === 'status')!.count, b.nudges], [3, 2, []]);
    const fourOfFour = weekly([['2026-11-30', ['#status a', 'Status: b', 'FYI c', 'WIP d']]]);
    assert.deepStrictEqual(balanceOf(fourOfFour, 'a', { window: 1, until: '2026-11-30', quietWeeks: 99 }).nudges, [
      STATUS_NUDGE(100),
    ]);
  });
});

describe('balance: renderBalance', () => {
  it('one bar per theme that came up and for every core theme, then the nudges as quotes', () => {
    const index = new JournalIndex();
    meeting(index, 'a', '2026-11-09', ['Old #growth'], 'skipped');
    meeting(index, 'a', '2026-11-16', [
      'Promotion path #growth',
      'Status: migration at 80%',
      'FYI the on-call rota changed',
    ]);
    meeting(index, 'a', '2026-11-23', [
      'How was my design review? #feedback',
      'Blocked on the API keys #blocker',
      'Shipped the importer',
      'Lunch plans',
    ]);
    meeting(index, 'a', '2026-11-30', ['Roadmap for Q1 #alignment'], 'planned');
    assert.deepStrictEqual(renderBalance(balanceOf(index, 'a', { window: 3, until: '2026-11-30', quietWeeks: 2 })), [
      '8 talking points in the last 3 meetings:',
      '',
      '- `███░░░░░░░░░░░░░░░░░` Growth: 13% (1)',
      '- `███░░░░░░░░░░░░░░░░░` Feedback: 13% (1)',
      '- `███░░░░░░░░░░░░░░░░░` Alignment: 13% (1)',
      '- `███░░░░░░░░░░░░░░░░░` Blocker: 13% (1)',
      '- `████████░░░░░░░░░░░░` Status update: 38% (3)',
      '- `███░░░░░░░░░░░░░░░░░` No theme: 13% (1)',
      '',
      `> Growth has not come up for 2 weeks (last on 2026-11-16): ${GROWTH_PROMPT}.`,
    ]);
  });

  it('core themes show at 0%; a single point and a single meeting read in the singular', () => {
    const index = new JournalIndex();
    meeting(index, 'a', '2026-11-30', ['Team offsite #team/process']);
    assert.deepStrictEqual(renderBalance(balanceOf(index, 'a', { window: 4, until: '2026-11-30' })), [
      '1 talking point in the last 1 meeting:',
      '',
      '- `░░░░░░░░░░░░░░░░░░░░` Growth: 0% (0)',
      '- `░░░░░░░░░░░░░░░░░░░░` Feedback: 0% (0)',
      '- `░░░░░░░░░░░░░░░░░░░░` Alignment: 0% (0)',
      '- `████████████████████` Team / process: 100% (1)',
    ]);
  });

  it('says so when there are no points, without bars or nudges', () => {
    const index = new JournalIndex();
    index.update('meetings/a/2026-10-05.md', '## Agenda');
    index.update('meetings/a/2026-11-30.md', '## Agenda');
    const b = balanceOf(index, 'a', { window: 4, until: '2026-11-30' });
    assert.deepStrictEqual(b.nudges, [
      `Growth has not come up in these 2 meetings: ${GROWTH_PROMPT}.`,
      `Feedback has not come up in these 2 meetings: ${FEEDBACK_PROMPT}.`,
    ]);
    assert.deepStrictEqual(renderBalance(b), ['No talking points in the last meetings yet.']);
  });
});

describe('balance: properties', () => {
  const POINTS = [
    '#growth a',
    '#feedback b',
    '#alignment c',
    '#status d',
    'Status: e',
    'FYI f',
    'Plain g',
    '#win #growth h',
    '`#growth` i',
    '#blocker j',
    '#team k',
  ];
  const day = (offset: number): string => new Date(Date.UTC(2026, 8, 1 + offset)).toISOString().slice(0, 10);
  const meetingArb = fc.record({
    offset: fc.integer({ min: 0, max: 120 }),
    status: fc.constantFrom<string | undefined>('done', 'planned', 'skipped', 'cancelled', undefined),
    points: fc.array(fc.tuple(fc.constantFrom(...POINTS), fc.boolean()), { maxLength: 6 }),
  });

  it('the counts add up to the number of agenda items in the window, shares to 1, and the window is the right meetings', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(meetingArb, { selector: (m) => m.offset, maxLength: 12 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 8 }),
        (ms, window, untilOffset, quietWeeks) => {
          const index = new JournalIndex();
          // Each point may carry a sub-item, which is not a point of its own.
          for (const m of ms)
            meeting(
              index,
              'a',
              day(m.offset),
              m.points.flatMap(([p, sub]) => (sub ? [p, '  - [ ] a sub-item #growth'] : [p])),
              m.status,
            );
          meeting(index, 'b', day(untilOffset), ['#growth someone else']);
          const until = day(untilOffset);
          const b = balanceOf(index, 'a', { window, until, quietWeeks });
          const expected = ms
            .filter((m) => m.offset <= untilOffset && m.status !== 'skipped' && m.status !== 'cancelled')
            .sort((x, y) => y.offset - x.offset)
            .slice(0, window)
            .reverse();
          assert.deepStrictEqual(
            dates(b),
            expected.map((m) => day(m.offset)),
          );
          const items = expected.reduce((n, m) => n + m.points.length, 0);
          assert.strictEqual(b.total, items);
          assert.strictEqual(
            b.shares.reduce((n, s) => n + s.count, 0),
            items,
          );
          const sum = b.shares.reduce((n, s) => n + s.share, 0);
          assert.ok(items === 0 ? sum === 0 : Math.abs(sum - 1) < 1e-9, `shares sum to ${sum}`);
          for (const s of b.shares) assert.ok(s.count >= 0 && s.share === (items === 0 ? 0 : s.count / items));
          if (b.meetings.length === 0) assert.deepStrictEqual(b.nudges, []);
          for (const seen of Object.values(b.lastSeen)) assert.ok(seen === undefined || seen <= until);
          const rendered = renderBalance(b);
          assert.strictEqual(
            rendered[0],
            items === 0
              ? 'No talking points in the last meetings yet.'
              : `${items} talking point${items === 1 ? '' : 's'} in the last ${b.meetings.length} meeting${b.meetings.length === 1 ? '' : 's'}:`,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

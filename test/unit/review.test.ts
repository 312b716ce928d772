// The review packet, from a small journal on disk (test/unit/fixtures/review-journal):
// three people, nine meetings around the fourth quarter of 2026 (one skipped,
// two outside it), wins of every circle, two goals and two feedback threads,
// private notes everywhere and CRLF line endings in two files. The packet is
// checked line by line, then for determinism, privacy, range boundaries and
// links that resolve from wherever the packet is written.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { JournalIndex } from '../../src/core/journal-index';
import { meetingsInRange, renderReview, reviewPath, winsInRange } from '../../src/core/review';
import { RUNS } from './arbitraries';

// Tests run from out/test/unit; the fixture stays in the source tree.
const FIXTURE = path.resolve(__dirname, '../../../test/unit/fixtures/review-journal');
const FROM = '2026-10-01';
const TO = '2026-12-31';

type Files = readonly (readonly [string, string])[];

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The fixture as journal-relative paths and text, sorted by path. */
const FILES: Files = listFiles(FIXTURE)
  .map((f) => [path.relative(FIXTURE, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8')] as const)
  .sort((a, b) => a[0].localeCompare(b[0]));

function indexOf(files: Files): JournalIndex {
  const index = new JournalIndex();
  for (const [p, text] of files) index.update(p, text);
  return index;
}

/** What the host passes: the text of goal and feedback files. */
function textsOf(files: Files): Map<string, string> {
  return new Map(files.filter(([p]) => p.startsWith('goals/') || p.startsWith('feedback/')).map(([p, t]) => [p, t]));
}

interface Options {
  readonly from?: string;
  readonly to?: string;
  readonly person?: string;
  readonly outPath?: string;
}

function review(files: Files, o: Options = {}): string {
  const index = indexOf(files);
  const from = o.from ?? FROM;
  const to = o.to ?? TO;
  const person = o.person === undefined ? undefined : index.person(o.person);
  if (o.person !== undefined) assert.ok(person, `no person ${o.person}`);
  return renderReview({
    index,
    from,
    to,
    person,
    texts: textsOf(files),
    outPath: o.outPath ?? reviewPath(from, to, o.person),
  });
}

/** The fixture with one file replaced or added. */
function withFile(p: string, text: string, files: Files = FILES): Files {
  return [...files.filter(([q]) => q !== p), [p, text]];
}

const lines = (...ls: string[]): string => ls.join('\n');

describe('review: the fixture journal', () => {
  it('is the journal these tests assume: 15 files, two of them with CRLF line endings', () => {
    assert.strictEqual(FILES.length, 15);
    const crlf = FILES.filter(([, t]) => t.includes('\r\n')).map(([p]) => p);
    assert.deepStrictEqual(crlf, ['feedback/design-docs.md', 'meetings/alex-kim/2026-11-03.md']);
    for (const p of crlf)
      assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(FILES.find(([q]) => q === p)![1]), `${p} is CRLF throughout`);
    const index = indexOf(FILES);
    assert.deepStrictEqual(
      index.people().map((p) => [p.slug, p.name]),
      [
        ['alex-kim', 'Alex Kim'],
        ['priya-nair', 'Priya Nair'],
        ['sam-lee', 'Sam Lee'],
      ],
    );
    assert.deepStrictEqual(
      [...index.all()].flatMap((e) => e.problems.map((pr) => `${e.path}: ${pr.message}`)),
      [],
    );
  });
});

describe('review: reviewPath', () => {
  it('names the packet by its range, and by the person when there is one', () => {
    assert.strictEqual(reviewPath(FROM, TO), 'reviews/2026-10-01_2026-12-31.md');
    assert.strictEqual(reviewPath(FROM, TO, 'alex-kim'), 'reviews/2026-10-01_2026-12-31-alex-kim.md');
    assert.strictEqual(reviewPath(FROM, TO, ''), 'reviews/2026-10-01_2026-12-31.md');
  });
});

describe('review: meetingsInRange', () => {
  const index = indexOf(FILES);
  const paths = (from: string, to: string, person?: string): string[] =>
    meetingsInRange(index, from, to, person).map((m) => m.path);

  it('lists the meetings held in the quarter, oldest first, skipped ones and those outside left out', () => {
    assert.deepStrictEqual(paths(FROM, TO), [
      'meetings/priya-nair/2026-10-01.md',
      'meetings/alex-kim/2026-10-06.md',
      'meetings/alex-kim/2026-11-03.md',
      'meetings/priya-nair/2026-11-05.md',
      'meetings/sam-lee/2026-12-10.md',
      'meetings/alex-kim/2026-12-31.md',
    ]);
  });

  it('with a person, only theirs', () => {
    assert.deepStrictEqual(paths(FROM, TO, 'alex-kim'), [
      'meetings/alex-kim/2026-10-06.md',
      'meetings/alex-kim/2026-11-03.md',
      'meetings/alex-kim/2026-12-31.md',
    ]);
    assert.deepStrictEqual(paths(FROM, TO, 'priya-nair'), [
      'meetings/priya-nair/2026-10-01.md',
      'meetings/priya-nair/2026-11-05.md',
    ]);
    assert.deepStrictEqual(paths(FROM, TO, 'nobody'), []);
  });

  it('includes both ends of the range, and nothing a day beyond them', () => {
    assert.deepStrictEqual(paths('2026-10-01', '2026-10-01'), ['meetings/priya-nair/2026-10-01.md']);
    assert.deepStrictEqual(paths('2026-12-31', '2026-12-31'), ['meetings/alex-kim/2026-12-31.md']);
    assert.deepStrictEqual(paths('2026-10-02', '2026-12-30'), [
      'meetings/alex-kim/2026-10-06.md',
      'meetings/alex-kim/2026-11-03.md',
      'meetings/priya-nair/2026-11-05.md',
      'meetings/sam-lee/2026-12-10.md',
    ]);
    assert.deepStrictEqual(paths('2026-09-29', '2026-09-29'), ['meetings/alex-kim/2026-09-29.md']);
    assert.deepStrictEqual(paths('2026-12-31', '2026-10-01'), []);
  });

  it('leaves out skipped and cancelled meetings, keeps planned ones and those without a status', () => {
    const idx = indexOf(FILES);
    idx.update('meetings/sam-lee/2026-11-11.md', lines('---', 'status: cancelled', '---', '## Agenda', '- [ ] a'));
    idx.update('meetings/sam-lee/2026-11-12.md', lines('---', 'status: planned', '---', '## Agenda', '- [ ] b'));
    idx.update('meetings/sam-lee/2026-11-13.md', lines('## Agenda', '- [ ] c'));
    assert.deepStrictEqual(
      meetingsInRange(idx, '2026-10-15', '2026-11-30').map((m) => m.path),
      [
        'meetings/alex-kim/2026-11-03.md',
        'meetings/priya-nair/2026-11-05.md',
        'meetings/sam-lee/2026-11-12.md',
        'meetings/sam-lee/2026-11-13.md',
      ],
    );
  });

  it('orders two meetings on one day by person, then by file', () => {
    const idx = new JournalIndex();
    for (const p of [
      'meetings/zoe/2026-10-05.md',
      'meetings/amy/2026-10-05-b.md',
      'meetings/amy/2026-10-05.md',
      'meetings/amy/2026-10-04.md',
    ])
      idx.update(p, '');
    assert.deepStrictEqual(
      meetingsInRange(idx, FROM, TO).map((m) => m.path),
      [
        'meetings/amy/2026-10-04.md',
        'meetings/amy/2026-10-05-b.md',
        'meetings/amy/2026-10-05.md',
        'meetings/zoe/2026-10-05.md',
      ],
    );
  });
});

describe('review: winsInRange', () => {
  it('takes Wins items and #win talking points of the meetings, never a #private one, with their circle', () => {
    const index = indexOf(FILES);
    const wins = winsInRange(meetingsInRange(index, FROM, TO)).map((w) => [
      w.meeting.date,
      w.circle,
      w.text.slice(0, 32),
    ]);
    assert.deepStrictEqual(wins, [
      ['2026-10-01', 'collaboration', 'Co-wrote the caching RFC with th'],
      ['2026-10-06', 'individual', 'Shipped the config loader rewrit'],
      ['2026-10-06', 'collaboration', 'Review: Retry budget for the bil'],
      ['2026-11-03', 'enabling', 'Onboarding guide for the config '],
      ['2026-11-03', undefined, 'Paired with Priya on the caching'],
      ['2026-11-03', 'individual', 'Landed the cache warm-up before '],
      ['2026-11-05', 'enabling', 'Mentored the new hire through th'],
      ['2026-12-10', 'enabling', 'Wrote the on-call runbook the te'],
      ['2026-12-31', 'individual', 'Moved the log shipper to [the Ru'],
    ]);
  });

  it('leaves out every shape of the #private tag, and reads a talking point as a win only with #win', () => {
    const index = new JournalIndex();
    const m = index.update(
      'meetings/a/2026-10-05.md',
      lines(
        '## Agenda',
        '- [ ] Not a win',
        '- [x] A talked-about win #win',
        '- [x] Private win #win #private',
        '## Wins',
        '- #Private/career raise',
        '- (#PRIVATE) bonus',
        '- Kept, with `#private` in code',
        '- Kept #impact/bogus',
      ),
    );
    assert.deepStrictEqual(
      winsInRange([m]).map((w) => [w.text, w.circle]),
      [
        ['Kept, with `#private` in code', undefined],
        ['Kept #impact/bogus', undefined],
        ['A talked-about win #win', undefined],
      ],
    );
  });
});

const QUARTER = [
  '---',
  'from: 2026-10-01',
  'to: 2026-12-31',
  '---',
  '',
  '# Review packet: 2026-10-01 to 2026-12-31',
  '',
  '## Summary',
  '',
  '- 6 1:1s held.',
  '- 9 wins: 3 individual contribution, 2 collaboration, 3 enabling others, 1 not sorted.',
  '- 2 goals worked on, 1 achieved.',
  '- 1 piece of feedback acted on.',
  '',
  '## Wins by circle of impact',
  '',
  '### Individual contribution',
  '',
  '- Shipped the config loader rewrite; p95 start-up down 40% (1:1 with Alex Kim on [2026-10-06](../meetings/alex-kim/2026-10-06.md))',
  '- Landed the cache warm-up before the freeze (1:1 with Alex Kim on [2026-11-03](../meetings/alex-kim/2026-11-03.md))',
  '- Moved the log shipper to [the Rust service](../goals/learn-rust.md); closes #412 (1:1 with Alex Kim on [2026-12-31](../meetings/alex-kim/2026-12-31.md))',
  '',
  '### Collaboration',
  '',
  '- Co-wrote the caching RFC with the Payments team (1:1 with Priya Nair on [2026-10-01](../meetings/priya-nair/2026-10-01.md))',
  '- Review: Retry budget for the billing client by @sam-lee — [acme/billing#214](https://github.com/acme/billing/pull/214), reviewed 2026-10-02, merged 2026-10-03, +188/-41 lines, 6 files (1:1 with Alex Kim on [2026-10-06](../meetings/alex-kim/2026-10-06.md))',
  '',
  '### Enabling others',
  '',
  '- Onboarding guide for the config service — [acme/platform#1290](https://github.com/acme/platform/pull/1290), merged 2026-10-30, +240/-12 lines, 3 files (1:1 with Alex Kim on [2026-11-03](../meetings/alex-kim/2026-11-03.md))',
  '- Mentored the new hire through their first on-call (1:1 with Priya Nair on [2026-11-05](../meetings/priya-nair/2026-11-05.md))',
  '- Wrote the on-call runbook the team now uses (1:1 with Sam Lee on [2026-12-10](../meetings/sam-lee/2026-12-10.md))',
  '',
  '### Not sorted into a circle',
  '',
  '- Paired with Priya on the caching RFC (1:1 with Alex Kim on [2026-11-03](../meetings/alex-kim/2026-11-03.md))',
  '',
  '## Goals',
  '',
  '### [Lead a design review end to end](../goals/lead-a-design-review.md)',
  '',
  'active · target 2027-01-31 · collaboration',
  '',
  '- 2026-10-06: Alex agreed I run the next Platform design review.',
  '- 2026-11-17: Ran the Platform design review in `#design-review`; decision log sent the same day.',
  '',
  '### [Write a production service in Rust](../goals/learn-rust.md)',
  '',
  'achieved · target 2026-12-15 · individual',
  '',
  '- 2026-12-12: The log shipper runs in production, written in Rust.',
  '',
  '## Feedback acted on',
  '',
  '### [Design docs ran too long](../feedback/design-docs.md)',
  '',
  'closed · from Alex Kim · received 2026-10-06',
  '',
  '**What I heard:**',
  '',
  'Reviewers stopped reading after page three, as in [the incident thread](../feedback/incident-comms.md).',
  '',
  '**What I am trying:**',
  '',
  '- A one-page summary on top of every doc.',
  '- The decision log first, the details after.',
  '',
  '**Outcome:**',
  '',
  'Alex: the last two docs were read end to end. Closed.',
  '',
  '## Meetings held',
  '',
  '- [2026-10-01](../meetings/priya-nair/2026-10-01.md) with Priya Nair: 1 talking point, 2 action items done',
  '- [2026-10-06](../meetings/alex-kim/2026-10-06.md) with Alex Kim: 3 talking points, 1 action item done',
  '- [2026-11-03](../meetings/alex-kim/2026-11-03.md) with Alex Kim: 3 talking points, 1 action item done',
  '- [2026-11-05](../meetings/priya-nair/2026-11-05.md) with Priya Nair: 2 talking points, 0 action items done',
  '- [2026-12-10](../meetings/sam-lee/2026-12-10.md) with Sam Lee: 1 talking point, 0 action items done',
  '- [2026-12-31](../meetings/alex-kim/2026-12-31.md) with Alex Kim: 1 talking point, 0 action items done',
  '',
];

const ALEX = [
  '---',
  'from: 2026-10-01',
  'to: 2026-12-31',
  'person: alex-kim',
  '---',
  '',
  '# Review packet: 2026-10-01 to 2026-12-31 (1:1s with Alex Kim)',
  '',
  '## Summary',
  '',
  '- 3 1:1s held with Alex Kim.',
  '- 6 wins: 3 individual contribution, 1 collaboration, 1 enabling others, 1 not sorted.',
  '- 2 goals worked on, 1 achieved.',
  '- 1 piece of feedback acted on.',
  '',
  '## Wins by circle of impact',
  '',
  '### Individual contribution',
  '',
  '- Shipped the config loader rewrite; p95 start-up down 40% (1:1 on [2026-10-06](../meetings/alex-kim/2026-10-06.md))',
  '- Landed the cache warm-up before the freeze (1:1 on [2026-11-03](../meetings/alex-kim/2026-11-03.md))',
  '- Moved the log shipper to [the Rust service](../goals/learn-rust.md); closes #412 (1:1 on [2026-12-31](../meetings/alex-kim/2026-12-31.md))',
  '',
  '### Collaboration',
  '',
  '- Review: Retry budget for the billing client by @sam-lee — [acme/billing#214](https://github.com/acme/billing/pull/214), reviewed 2026-10-02, merged 2026-10-03, +188/-41 lines, 6 files (1:1 on [2026-10-06](../meetings/alex-kim/2026-10-06.md))',
  '',
  '### Enabling others',
  '',
  '- Onboarding guide for the config service — [acme/platform#1290](https://github.com/acme/platform/pull/1290), merged 2026-10-30, +240/-12 lines, 3 files (1:1 on [2026-11-03](../meetings/alex-kim/2026-11-03.md))',
  '',
  '### Not sorted into a circle',
  '',
  '- Paired with Priya on the caching RFC (1:1 on [2026-11-03](../meetings/alex-kim/2026-11-03.md))',
  '',
  '## Goals',
  '',
  '### [Lead a design review end to end](../goals/lead-a-design-review.md)',
  '',
  'active · target 2027-01-31 · collaboration',
  '',
  '- 2026-10-06: Alex agreed I run the next Platform design review.',
  '- 2026-11-17: Ran the Platform design review in `#design-review`; decision log sent the same day.',
  '',
  '### [Write a production service in Rust](../goals/learn-rust.md)',
  '',
  'achieved · target 2026-12-15 · individual',
  '',
  '- 2026-12-12: The log shipper runs in production, written in Rust.',
  '',
  '## Feedback acted on',
  '',
  '### [Design docs ran too long](../feedback/design-docs.md)',
  '',
  'closed · from Alex Kim · received 2026-10-06',
  '',
  '**What I heard:**',
  '',
  'Reviewers stopped reading after page three, as in [the incident thread](../feedback/incident-comms.md).',
  '',
  '**What I am trying:**',
  '',
  '- A one-page summary on top of every doc.',
  '- The decision log first, the details after.',
  '',
  '**Outcome:**',
  '',
  'Alex: the last two docs were read end to end. Closed.',
  '',
  '## Meetings held',
  '',
  '- [2026-10-06](../meetings/alex-kim/2026-10-06.md): 3 talking points, 1 action item done',
  '- [2026-11-03](../meetings/alex-kim/2026-11-03.md): 3 talking points, 1 action item done',
  '- [2026-12-31](../meetings/alex-kim/2026-12-31.md): 1 talking point, 0 action items done',
  '',
];

describe('review: renderReview, line by line', () => {
  it('the whole quarter, everyone', () => {
    assert.deepStrictEqual(review(FILES).split('\n'), QUARTER);
  });

  it('the whole quarter with Alex Kim', () => {
    assert.deepStrictEqual(review(FILES, { person: 'alex-kim' }).split('\n'), ALEX);
  });

  it('October with Priya Nair: a goal she never discussed still shows its October progress; feedback from Alex does not', () => {
    assert.deepStrictEqual(review(FILES, { from: '2026-10-01', to: '2026-10-31', person: 'priya-nair' }).split('\n'), [
      '---',
      'from: 2026-10-01',
      'to: 2026-10-31',
      'person: priya-nair',
      '---',
      '',
      '# Review packet: 2026-10-01 to 2026-10-31 (1:1s with Priya Nair)',
      '',
      '## Summary',
      '',
      '- 1 1:1 held with Priya Nair.',
      '- 1 win: 0 individual contribution, 1 collaboration, 0 enabling others.',
      '- 1 goal worked on, 0 achieved.',
      '- 0 pieces of feedback acted on.',
      '',
      '## Wins by circle of impact',
      '',
      '### Collaboration',
      '',
      '- Co-wrote the caching RFC with the Payments team (1:1 on [2026-10-01](../meetings/priya-nair/2026-10-01.md))',
      '',
      '## Goals',
      '',
      '### [Lead a design review end to end](../goals/lead-a-design-review.md)',
      '',
      'active · target 2027-01-31 · collaboration',
      '',
      '- 2026-10-06: Alex agreed I run the next Platform design review.',
      '',
      '## Feedback acted on',
      '',
      'No feedback thread acted on in this period.',
      '',
      '## Meetings held',
      '',
      '- [2026-10-01](../meetings/priya-nair/2026-10-01.md): 1 talking point, 2 action items done',
      '',
    ]);
  });

  it('a range with nothing in it says so in every section', () => {
    assert.strictEqual(
      review(FILES, { from: '2027-03-01', to: '2027-03-31' }),
      lines(
        '---',
        'from: 2027-03-01',
        'to: 2027-03-31',
        '---',
        '',
        '# Review packet: 2027-03-01 to 2027-03-31',
        '',
        '## Summary',
        '',
        '- 0 1:1s held.',
        '- 0 wins: 0 individual contribution, 0 collaboration, 0 enabling others.',
        '- 0 goals worked on, 0 achieved.',
        '- 1 piece of feedback acted on.',
        '',
        '## Wins by circle of impact',
        '',
        'No wins recorded in this period.',
        '',
        '## Goals',
        '',
        'No goal came up in this period.',
        '',
        '## Feedback acted on',
        '',
        '### [Design docs ran too long](../feedback/design-docs.md)',
        '',
        'closed · from Alex Kim · received 2026-10-06',
        '',
        '**What I heard:**',
        '',
        'Reviewers stopped reading after page three, as in [the incident thread](../feedback/incident-comms.md).',
        '',
        '**What I am trying:**',
        '',
        '- A one-page summary on top of every doc.',
        '- The decision log first, the details after.',
        '',
        '**Outcome:**',
        '',
        'Alex: the last two docs were read end to end. Closed.',
        '',
        '## Meetings held',
        '',
        'None in this period.',
        '',
      ),
    );
  });

  it('a goal brought up in a meeting but with no progress entry in the range is listed as discussed', () => {
    // October: the design review goal is tagged in the 2026-10-06 agenda, and its only October entry is out of this range.
    const out = review(FILES, { from: '2026-10-02', to: '2026-10-05' });
    assert.ok(out.includes('No goal came up in this period.'));
    const october = review(FILES, { from: '2026-10-07', to: '2026-10-31', person: 'alex-kim' });
    assert.ok(october.includes('No goal came up in this period.'), 'the 2026-10-06 mention is outside 10-07..10-31');
    const early = review(FILES, { from: '2026-10-06', to: '2026-10-06' }).split('\n');
    const at = early.indexOf('## Goals');
    assert.deepStrictEqual(early.slice(at, at + 8), [
      '## Goals',
      '',
      '### [Lead a design review end to end](../goals/lead-a-design-review.md)',
      '',
      'active · target 2027-01-31 · collaboration',
      '',
      '- 2026-10-06: Alex agreed I run the next Platform design review.',
      '',
    ]);
    const mentioned = review(
      withFile(
        'meetings/sam-lee/2026-12-10.md',
        lines('## Agenda', '- [x] Talked about [the design review](../../goals/lead-a-design-review.md)'),
      ),
      { from: '2026-12-01', to: '2026-12-11', person: 'sam-lee' },
    ).split('\n');
    const g = mentioned.indexOf('## Goals');
    assert.deepStrictEqual(mentioned.slice(g, g + 8), [
      '## Goals',
      '',
      '### [Lead a design review end to end](../goals/lead-a-design-review.md)',
      '',
      'active · target 2027-01-31 · collaboration',
      '',
      'Discussed, no progress entry in this period.',
      '',
    ]);
    assert.ok(mentioned.includes('- 1 goal worked on, 0 achieved.'));
  });
});

describe('review: range boundaries are inclusive', () => {
  it('meetings and wins on the first and the last day are in, a day outside is not', () => {
    const both = review(FILES);
    assert.ok(both.includes('[2026-10-01](../meetings/priya-nair/2026-10-01.md) with Priya Nair'));
    assert.ok(both.includes('[2026-12-31](../meetings/alex-kim/2026-12-31.md) with Alex Kim'));
    const inner = review(FILES, { from: '2026-10-02', to: '2026-12-30' });
    assert.ok(!inner.includes('2026-10-01.md') && !inner.includes('Co-wrote the caching RFC'));
    assert.ok(!inner.includes('2026-12-31.md') && !inner.includes('Moved the log shipper'));
    assert.ok(inner.includes('- 4 1:1s held.'));
    for (const out of [both, inner]) {
      assert.ok(!out.includes('September win') && !out.includes('2026-09-29'), 'the meeting before the range');
      assert.ok(!out.includes('January win') && !out.includes('2027-01-07'), 'the meeting after the range');
      assert.ok(!out.includes('SKIPPED-MEETING-WIN') && !out.includes('2026-10-20'), 'the skipped meeting');
    }
  });

  it('a progress entry dated on either end is in, one a day outside is not', () => {
    assert.ok(review(FILES, { from: '2026-10-06', to: '2026-10-06' }).includes('- 2026-10-06: Alex agreed'));
    assert.ok(!review(FILES, { from: '2026-10-07', to: '2026-11-16' }).includes('- 2026-10-06: Alex agreed'));
    assert.ok(!review(FILES, { from: '2026-09-01', to: '2026-10-05' }).includes('- 2026-10-06: Alex agreed'));
    assert.ok(
      review(FILES, { from: '2026-09-01', to: '2026-10-05' }).includes(
        '- 2026-09-15: Asked Alex for a design review to run.',
      ),
    );
    assert.ok(
      review(FILES, { from: '2026-12-12', to: '2026-12-12' }).includes(
        '- 2026-12-12: The log shipper runs in production',
      ),
    );
    assert.ok(!review(FILES).includes('2027-01-05'), 'the planned entry after the range');
    assert.ok(!review(FILES).includes('2026-08-01'), 'the entry before the range');
  });

  it('a feedback thread received on the last day is in, one received the day after is not', () => {
    assert.ok(review(FILES, { from: '2026-10-01', to: '2026-10-06' }).includes('### [Design docs ran too long]'));
    assert.ok(!review(FILES, { from: '2026-10-01', to: '2026-10-05' }).includes('Design docs ran too long'));
  });
});

describe('review: feedback acted on', () => {
  const thread = (status: string, from: string, received: string): string =>
    lines(
      '---',
      'title: Thread',
      ...(from ? [`from: ${from}`] : []),
      `status: ${status}`,
      ...(received ? [`received: ${received}`] : []),
      '---',
      '# Thread',
      '## What I heard',
      'heard',
      '## Trying',
      'trying',
      '## Circled back',
      'circled',
    );
  const fb = (status: string, from = 'Alex Kim', received = '2026-10-02', person?: string): string => {
    const files = withFile(
      'feedback/t.md',
      thread(status, from, received),
      FILES.filter(([p]) => !p.startsWith('feedback/')),
    );
    return review(files, { ...(person ? { person } : {}) });
  };

  it('counts trying, circled-back and closed threads, not received ones or those without a status', () => {
    for (const status of ['trying', 'circled-back', 'closed'])
      assert.ok(fb(status).includes(`\n${status} · from Alex Kim · received 2026-10-02\n`), status);
    for (const status of ['received', 'bogus'])
      assert.ok(fb(status).includes('No feedback thread acted on in this period.'), status);
    const none = review(
      withFile(
        'feedback/t.md',
        lines('---', 'title: No status', '---', '## What I heard', 'x'),
        FILES.filter(([p]) => !p.startsWith('feedback/')),
      ),
    );
    assert.ok(none.includes('No feedback thread acted on in this period.'));
    assert.ok(
      !review(FILES).includes('RECEIVED-ONLY') && !review(FILES).includes('Incident updates were too sparse'),
      'the received-only thread',
    );
  });

  it('reads the sections by their other names, and a thread without from or received says only its status', () => {
    assert.ok(
      fb('trying').includes(
        lines(
          '**What I heard:**',
          '',
          'heard',
          '',
          '**What I am trying:**',
          '',
          'trying',
          '',
          '**Outcome:**',
          '',
          'circled',
          '',
        ),
      ),
    );
    assert.ok(fb('trying', '', '').includes(lines('### [Thread](../feedback/t.md)', '', 'trying', '')));
  });

  it('with a person, keeps threads from them by name or file name, any case, and drops others and anonymous ones', () => {
    assert.ok(fb('trying', 'Alex Kim', '2026-10-02', 'alex-kim').includes('### [Thread]'));
    assert.ok(fb('trying', 'alex kim', '2026-10-02', 'alex-kim').includes('### [Thread]'));
    assert.ok(fb('trying', 'alex-kim', '2026-10-02', 'alex-kim').includes('### [Thread]'));
    assert.ok(!fb('trying', 'Priya Nair', '2026-10-02', 'alex-kim').includes('### [Thread]'));
    assert.ok(!fb('trying', '', '2026-10-02', 'alex-kim').includes('### [Thread]'));
    assert.ok(fb('trying', '', '2026-10-02').includes('### [Thread]'), 'everyone: anonymous feedback is in');
    assert.ok(!review(FILES, { person: 'priya-nair' }).includes('Design docs ran too long'));
  });

  it('orders threads by the day received, then by file', () => {
    const base = FILES.filter(([p]) => !p.startsWith('feedback/'));
    const t = (title: string, received: string): string =>
      lines('---', `title: ${title}`, 'status: trying', `received: ${received}`, '---');
    const files = [
      ...base,
      ['feedback/b.md', t('B', '2026-10-02')],
      ['feedback/a.md', t('A', '2026-10-03')],
      ['feedback/c.md', t('C', '2026-10-02')],
    ] as const;
    const heads = review(files)
      .split('\n')
      .filter((l) => l.startsWith('### ['));
    assert.deepStrictEqual(heads.slice(-3), [
      '### [B](../feedback/b.md)',
      '### [C](../feedback/c.md)',
      '### [A](../feedback/a.md)',
    ]);
  });

  it('nests headings inside a section under the thread, and links from the thread work from the packet', () => {
    const text = lines(
      '---',
      'title: T',
      'status: trying',
      '---',
      '# T',
      '## What I heard',
      'intro',
      '### Detail',
      'see [the other](other.md#x) and [a goal](../goals/g.md)',
      '#### Deeper',
      '```',
      '## not a heading, [x](y.md)',
      '```',
    );
    const out = review(
      withFile(
        'feedback/t.md',
        text,
        FILES.filter(([p]) => !p.startsWith('feedback/')),
      ),
    );
    assert.ok(
      out.includes(
        lines(
          '**What I heard:**',
          '',
          'intro',
          '##### Detail',
          'see [the other](../feedback/other.md#x) and [a goal](../goals/g.md)',
          '###### Deeper',
          '```',
          '## not a heading, [x](y.md)',
          '```',
          '',
        ),
      ),
      out,
    );
  });
});

describe('review: text of wins and progress', () => {
  it('strips tags but keeps issue numbers and code, and rewrites relative links for the packet', () => {
    const files = withFile(
      'meetings/sam-lee/2026-12-10.md',
      lines(
        '## Wins',
        '- Fixed #12 and #3-a-tag in `a #b` #impact/enabling',
        '- See [notes](2026-12-01.md#top), [goal](../../goals/learn-rust.md), [site](https://x.example/a#b), [anchor](#here) and ![img](./pic.png) #impact/enabling',
        '- Link in code `[x](y.md)` stays #impact/enabling',
      ),
    );
    const out = review(files, { person: 'sam-lee' }).split('\n');
    const at = out.indexOf('### Enabling others');
    assert.deepStrictEqual(out.slice(at + 2, at + 5), [
      '- Fixed #12 and in `a #b` (1:1 on [2026-12-10](../meetings/sam-lee/2026-12-10.md))',
      '- See [notes](../meetings/sam-lee/2026-12-01.md#top), [goal](../goals/learn-rust.md), [site](https://x.example/a#b), [anchor](../meetings/sam-lee/2026-12-10.md#here) and ![img](../meetings/sam-lee/pic.png) (1:1 on [2026-12-10](../meetings/sam-lee/2026-12-10.md))',
      '- Link in code `[x](y.md)` stays (1:1 on [2026-12-10](../meetings/sam-lee/2026-12-10.md))',
    ]);
  });

  it('sorts progress entries by date, whatever their order in the file, and keeps only top-level ones', () => {
    const goal = lines(
      '---',
      'title: G',
      '---',
      '## Progress',
      '- 2026-11-02: second',
      '  - 2026-11-03: a nested note',
      '- 2026-10-15: first',
      '- not dated',
    );
    const out = review(withFile('goals/g.md', goal), { from: '2026-10-01', to: '2026-12-31' });
    assert.ok(
      out.includes(
        lines('### [G](../goals/g.md)', '', 'active', '', '- 2026-10-15: first', '- 2026-11-02: second', '', '###'),
      ),
      out,
    );
  });
});

describe('review: links', () => {
  /** Every relative link target in `out`, resolved from the packet's folder. */
  function targets(out: string, outPath: string): string[] {
    const dir = path.posix.dirname(outPath);
    return [...out.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((t) => !/^[a-z]+:/i.test(t))
      .map((t) => path.posix.normalize(path.posix.join(dir, decodeURIComponent(t.replace(/#.*$/, '')))));
  }
  const existing = new Set(FILES.map(([p]) => p));

  it('in the packet at reviews/, every link opens a file of the journal', () => {
    const out = review(FILES);
    const resolved = targets(out, reviewPath(FROM, TO));
    assert.strictEqual(resolved.length, 20);
    for (const t of resolved) assert.ok(existing.has(t), `${t} is a journal file`);
  });

  it('wherever the packet is written, every link opens the same files', () => {
    const base = targets(review(FILES), reviewPath(FROM, TO));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('reviews', '2026', 'q4', 'a b', 'ü'), { maxLength: 4 }),
        fc.constantFrom(undefined, 'alex-kim'),
        (folders, person) => {
          const outPath = [...folders, 'packet.md'].join('/');
          const out = review(FILES, { outPath, ...(person ? { person } : {}) });
          const resolved = targets(out, outPath);
          for (const t of resolved) assert.ok(existing.has(t), `${t} (from ${outPath}) is a journal file`);
          if (!person) assert.deepStrictEqual(resolved, base);
          if (folders.length === 0) assert.ok(out.includes('[2026-10-06](meetings/alex-kim/2026-10-06.md)'));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('encodes characters a link target cannot hold (keeping targets already written as URLs), and escapes brackets in link text', () => {
    const index = new JournalIndex();
    index.update(
      'meetings/zoë müller/2026-10-05.md',
      lines('## Wins', '- See [notes](notes%20v2.md), [above](#top) and [goal](../../goals/g.md)'),
    );
    index.update('goals/g.md', lines('---', 'title: "Ship [beta] \\\\ now"', '---', '## Progress', '- 2026-10-05: p'));
    const out = renderReview({
      index,
      from: FROM,
      to: TO,
      texts: new Map([['goals/g.md', lines('## Progress', '- 2026-10-05: p')]]),
      outPath: 'reviews/x.md',
    });
    assert.ok(out.includes('[2026-10-05](../meetings/zo%C3%AB%20m%C3%BCller/2026-10-05.md) with Zoë müller'), out);
    assert.ok(
      out.includes(
        '- See [notes](../meetings/zo%C3%AB%20m%C3%BCller/notes%20v2.md), [above](../meetings/zo%C3%AB%20m%C3%BCller/2026-10-05.md#top) and [goal](../goals/g.md) (1:1',
      ),
      out,
    );
    assert.ok(out.includes('### [Ship \\[beta\\] \\\\ now](../goals/g.md)'), out);
  });
});

describe('review: determinism', () => {
  it('the same journal gives the same packet twice', () => {
    const index = indexOf(FILES);
    const input = { index, from: FROM, to: TO, texts: textsOf(FILES), outPath: reviewPath(FROM, TO) };
    assert.strictEqual(renderReview(input), renderReview(input));
    assert.strictEqual(review(FILES, { person: 'alex-kim' }), review(FILES, { person: 'alex-kim' }));
  });

  it('whatever order the files are indexed in, and whatever stale versions came first, the packet is the same', () => {
    const expected = { all: QUARTER.join('\n'), alex: ALEX.join('\n') };
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...FILES], { minLength: FILES.length, maxLength: FILES.length }),
        fc.subarray(FILES.map(([p]) => p)),
        fc.boolean(),
        (files, stale, deleteFirst) => {
          const index = new JournalIndex();
          // Earlier versions of some files: empty, or deleted again, before the real text arrives.
          for (const p of stale) {
            index.update(p, '');
            if (deleteFirst) index.delete(p);
          }
          for (const [p, text] of files) index.update(p, text);
          const texts = new Map([...textsOf(files)].reverse());
          assert.strictEqual(
            renderReview({ index, from: FROM, to: TO, texts, outPath: reviewPath(FROM, TO) }),
            expected.all,
          );
          assert.strictEqual(
            renderReview({
              index,
              from: FROM,
              to: TO,
              person: index.person('alex-kim'),
              texts,
              outPath: reviewPath(FROM, TO, 'alex-kim'),
            }),
            expected.alex,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------
// Privacy

describe('review: nothing private', () => {
  const ranges: [string, string][] = [
    [FROM, TO],
    ['2026-01-01', '2027-12-31'],
    ['2026-11-03', '2026-11-03'],
    ['2026-11-20', '2026-11-20'],
    ['2026-10-20', '2026-10-20'],
  ];

  it('no private note of the fixture reaches any packet, for anyone, over any range', () => {
    for (const [from, to] of ranges) {
      for (const person of [undefined, 'alex-kim', 'priya-nair', 'sam-lee']) {
        const out = review(FILES, { from, to, ...(person ? { person } : {}) });
        assert.ok(!/SECRET/.test(out), `${from}..${to} ${person ?? 'everyone'}:\n${out}`);
        assert.ok(!/#private/i.test(out), `${from}..${to} ${person ?? 'everyone'}: no #private tag`);
        assert.ok(!/felt rushed|switching teams|salary|retention|promotion case/i.test(out));
      }
    }
  });

  it('private agenda items and action items are not counted', () => {
    // 2026-11-03 has four talking points (one #private) and two ticked action items (one #private).
    assert.ok(
      review(FILES).includes(
        '[2026-11-03](../meetings/alex-kim/2026-11-03.md) with Alex Kim: 3 talking points, 1 action item done',
      ),
    );
  });

  it('a goal or thread whose title heading is tagged #private is left out whole', () => {
    const files = [
      ...FILES,
      ['goals/secret-goal.md', lines('# SECRET goal #private', '## Progress', '- 2026-10-05: SECRET progress')],
      [
        'feedback/secret-thread.md',
        lines('---', 'status: trying', '---', '# SECRET thread (#private)', '## What I heard', 'SECRET words'),
      ],
    ] as const;
    const out = review(files);
    assert.ok(!out.includes('SECRET'), out);
    assert.strictEqual(out, review(FILES));
    const mentioned = withFile(
      'meetings/sam-lee/2026-12-10.md',
      lines('## Agenda', '- [x] Talked about it #goal/secret-goal'),
      files,
    );
    assert.ok(!review(mentioned).includes('SECRET'));
  });

  // Random placements of #private (in any case, with a sub-tag, in parentheses,
  // before or after the words) across a meeting, a goal and a feedback thread,
  // each beside public text that must still be there.
  type Where =
    | 'win'
    | 'agenda-win'
    | 'win-sub-item'
    | 'win-subsection'
    | 'win-continuation'
    | 'meeting-private-section'
    | 'progress'
    | 'progress-continuation'
    | 'progress-subsection'
    | 'goal-private-section'
    | 'goal-title'
    | 'heard-paragraph'
    | 'trying-item'
    | 'heard-subheading'
    | 'tagged-section'
    | 'outcome-continuation'
    | 'thread-title';
  const WHERE: readonly Where[] = [
    'win',
    'agenda-win',
    'win-sub-item',
    'win-subsection',
    'win-continuation',
    'meeting-private-section',
    'progress',
    'progress-continuation',
    'progress-subsection',
    'goal-private-section',
    'goal-title',
    'heard-paragraph',
    'trying-item',
    'heard-subheading',
    'tagged-section',
    'outcome-continuation',
    'thread-title',
  ];
  interface Placement {
    readonly where: Where;
    readonly tag: string;
    readonly first: boolean;
    readonly at: number;
    readonly heading: string;
  }

  const placement: fc.Arbitrary<Placement> = fc.record({
    where: fc.constantFrom(...WHERE),
    tag: fc.constantFrom('#private', '#Private', '#PRIVATE', '#private/career', '(#private)', '#private-'),
    first: fc.boolean(),
    at: fc.nat(),
    heading: fc.constantFrom('## Private', '## PRIVATE:', '## **Private**', '### Private', '## Notes to self #private'),
  });

  function journalWith(placements: readonly Placement[]): { files: [string, string][]; publics: string[] } {
    let n = 0;
    const secret = (): string => `SECRET${n++}`;
    const tagged = (text: string, tag: string, first: boolean): string => (first ? `${tag} ${text}` : `${text} ${tag}`);
    const insert = (list: string[][], at: number, block: string[]): void =>
      void list.splice(at % (list.length + 1), 0, block);
    const publics = [
      'PUBLIC-WIN',
      'PUBLIC-AGENDA-WIN',
      'PUBLIC-CODE',
      'PUBLIC-PROGRESS',
      'PUBLIC-HEARD',
      'PUBLIC-TRYING',
      'PUBLIC-OUTCOME',
    ];
    const agenda: string[][] = [['- [x] PUBLIC-AGENDA-WIN #win'], ['- [ ] A plain talking point']];
    const wins: string[][] = [
      ['- PUBLIC-WIN shipped #impact/collaboration'],
      ['- PUBLIC-CODE mentions `#private` in code #impact/enabling'],
    ];
    const meetingTail: string[] = [];
    const winsTail: string[] = [];
    const progress: string[][] = [['- 2026-10-20: PUBLIC-PROGRESS']];
    const progressTail: string[] = [];
    const goalTail: string[] = [];
    const heard: string[][] = [['PUBLIC-HEARD said plainly.']];
    const heardTail: string[] = [];
    const trying: string[][] = [['- PUBLIC-TRYING a one-page summary']];
    const extraSections: string[] = [];
    const outcome: string[][] = [['PUBLIC-OUTCOME it worked.']];
    const files: [string, string][] = [];
    for (const p of placements) {
      const s = secret();
      switch (p.where) {
        case 'win':
          insert(wins, p.at, [`- ${tagged(`${s} won #impact/individual`, p.tag, p.first)}`]);
          break;
        case 'agenda-win':
          insert(agenda, p.at, [`- [x] ${tagged(`${s} #win`, p.tag, p.first)}`]);
          break;
        case 'win-sub-item':
          insert(wins, p.at, [`- ${tagged(`${s} parent win`, p.tag, p.first)}`, '  - a public-looking sub-item']);
          break;
        case 'win-subsection':
          winsTail.push(
            '',
            p.heading.startsWith('## Notes') ? `### Aside ${p.tag}` : p.heading.replace(/^##/, '###'),
            '',
            `- ${s} won quietly #impact/individual`,
          );
          break;
        case 'win-continuation':
          insert(wins, p.at, [`- ${s} won #impact/collaboration`, `  ${tagged('between us', p.tag, p.first)}`]);
          break;
        case 'meeting-private-section':
          meetingTail.push('', p.heading, '', `- ${s} #win #impact/enabling`, `${s} a reflection`);
          break;
        case 'progress':
          insert(progress, p.at, [`- 2026-10-1${p.at % 10}: ${tagged(s, p.tag, p.first)}`]);
          break;
        case 'progress-continuation':
          insert(progress, p.at, [`- 2026-10-1${p.at % 10}: ${s}`, `  ${tagged('more detail', p.tag, p.first)}`]);
          break;
        case 'progress-subsection':
          progressTail.push('', p.heading.replace(/^##/, '###'), '', `- 2026-10-12: ${s}`);
          break;
        case 'goal-private-section':
          goalTail.push('', p.heading, '', `- 2026-10-13: ${s}`, `${s} why it matters to me`);
          break;
        case 'goal-title':
          files.push([
            `goals/private-${n}.md`,
            lines(`# ${tagged(`${s} goal`, p.tag, p.first)}`, '', '## Progress', '', `- 2026-10-14: ${s}`),
          ]);
          break;
        case 'heard-paragraph':
          insert(heard, p.at, [tagged(`${s} said in passing.`, p.tag, p.first)]);
          break;
        case 'trying-item':
          insert(trying, p.at, [`- ${tagged(s, p.tag, p.first)}`, `  ${s} in its body`]);
          break;
        case 'heard-subheading':
          heardTail.push(
            '',
            p.heading.startsWith('## Notes') ? `### Aside ${p.tag}` : p.heading.replace(/^##/, '###'),
            '',
            `${s} aside`,
          );
          break;
        case 'tagged-section':
          extraSections.push(
            '',
            `## ${tagged('Notes to self', p.tag, p.first)}`,
            '',
            `${s} notes`,
            '',
            '### Under it',
            '',
            `- ${s} too`,
          );
          break;
        case 'outcome-continuation':
          insert(outcome, p.at, [`- ${s} outcome item`, `  ${tagged('detail', p.tag, p.first)}`]);
          break;
        case 'thread-title':
          files.push([
            `feedback/private-${n}.md`,
            lines(
              '---',
              'status: closed',
              'from: Alex Kim',
              '---',
              '',
              `# ${tagged(`${s} thread`, p.tag, p.first)}`,
              '',
              '## What I heard',
              '',
              `${s} heard`,
            ),
          ]);
          break;
      }
    }
    const meeting = lines(
      '---',
      'date: 2026-10-15',
      'status: done',
      '---',
      '',
      '# 1:1',
      '',
      '## Agenda',
      '',
      ...agenda.flat(),
      '',
      '## Wins',
      '',
      ...wins.flat(),
      ...winsTail,
      '',
      '## Notes',
      '',
      'Public notes.',
      ...meetingTail,
      '',
    );
    const goal = lines(
      '---',
      'title: Public goal',
      'status: active',
      '---',
      '',
      '# Public goal',
      '',
      '## Progress',
      '',
      ...progress.flat(),
      ...progressTail,
      ...goalTail,
      '',
    );
    const paragraphs = (blocks: string[][]): string[] => blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
    const thread = lines(
      '---',
      'title: Public thread',
      'from: Alex Kim',
      'status: circled-back',
      'received: 2026-10-02',
      '---',
      '',
      '# Public thread',
      '',
      '## What I heard',
      '',
      ...paragraphs(heard),
      ...heardTail,
      '',
      '## What I am trying',
      '',
      ...trying.flat(),
      ...extraSections,
      '',
      '## Circle back',
      '',
      ...paragraphs(outcome),
      '',
    );
    files.push(
      ['people/alex-kim.md', lines('---', 'name: Alex Kim', '---')],
      ['meetings/alex-kim/2026-10-15.md', meeting],
      ['goals/public.md', goal],
      ['feedback/public.md', thread],
    );
    return { files, publics };
  }

  it('a random journal with #private placed anywhere: no secret in the packet, every public line in it', () => {
    fc.assert(
      fc.property(
        fc.array(placement, { maxLength: 10 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (placements, eol, withPerson) => {
          const { files, publics } = journalWith(placements);
          const onDisk = files.map(([p, t]) => [p, t.replace(/\n/g, eol)] as const);
          const out = review(onDisk, {
            from: '2026-10-01',
            to: '2026-10-31',
            ...(withPerson ? { person: 'alex-kim' } : {}),
          });
          assert.ok(!out.includes('SECRET'), out);
          assert.ok(!/#private/i.test(out.replace(/`#private`/g, '')), out);
          for (const p of publics) assert.ok(out.includes(p), `${p} is in the packet:\n${out}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a Wins heading inside the Private section is private, even when it is the only Wins of the meeting', () => {
    const meeting = lines(
      '---',
      'date: 2026-10-15',
      'status: done',
      '---',
      '',
      '## Agenda',
      '',
      '- [x] PUBLIC point',
      '',
      '## Private',
      '',
      '### Wins',
      '',
      '- SECRET raise #impact/individual',
      '',
    );
    const out = review(
      [
        ['people/alex-kim.md', lines('---', 'name: Alex Kim', '---')],
        ['meetings/alex-kim/2026-10-15.md', meeting],
      ],
      { from: '2026-10-01', to: '2026-10-31' },
    );
    assert.ok(!out.includes('SECRET'), out);
  });

  it('the generator places every kind of private text (a fixed journal with one of each)', () => {
    const all = WHERE.map((where, i) => ({ where, tag: '#private', first: i % 2 === 0, at: i, heading: '## Private' }));
    const { files } = journalWith(all);
    const text = files.map(([, t]) => t).join('\n');
    for (let i = 0; i < WHERE.length; i++) assert.ok(text.includes(`SECRET${i}`), `${WHERE[i]} placed`);
    const out = review(files, { from: '2026-10-01', to: '2026-10-31' });
    assert.ok(!out.includes('SECRET'), out);
    assert.ok(
      out.includes('- PUBLIC-WIN shipped (1:1 with Alex Kim on [2026-10-15](../meetings/alex-kim/2026-10-15.md))'),
    );
    assert.ok(out.includes('- 2026-10-20: PUBLIC-PROGRESS'));
  });
});

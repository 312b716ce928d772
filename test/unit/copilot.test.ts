import * as assert from 'assert';
import * as fc from 'fast-check';
import {
  candidateMeetings,
  groundedPrompt,
  openItemsAnswer,
  personInText,
  prepSheetAnswer,
  questionTerms,
  resolvePersonName,
  reviewAnswer,
  searchAnswer,
  selectPassages,
  shareableText,
  winsAnswer,
  Passage,
} from '../../src/core/copilot';
import { JournalIndex } from '../../src/core/journal-index';
import { RUNS } from './arbitraries';

const TODAY = '2026-12-07';

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex();
  for (const [path, text] of Object.entries(files)) index.update(path, text);
  return index;
}

const ALEX = '---\nname: Alex Kim\nrole: manager\ncadence: weekly\nweekday: tuesday\n---\n';
const PRIYA = '---\nname: Priya Nair\nrole: mentor\ncadence: monthly\n---\n';

describe('copilot: who a message is about', () => {
  const index = journal({ 'people/alex-kim.md': ALEX, 'people/priya-nair.md': PRIYA });
  const people = index.people();

  it('finds a full name, a first name or a slug, as whole words, the first mentioned', () => {
    assert.strictEqual(personInText('prep for my 1:1 with Alex', people)?.slug, 'alex-kim');
    assert.strictEqual(personInText('what did Priya Nair and Alex say?', people)?.slug, 'priya-nair');
    assert.strictEqual(personInText('open items of priya-nair', people)?.slug, 'priya-nair');
    assert.strictEqual(personInText('Alexander is not Alex', people)?.slug, 'alex-kim');
    assert.strictEqual(personInText('nobody here', people), undefined);
  });

  it('resolves a tool input by slug, display name or an unambiguous first name', () => {
    assert.strictEqual(resolvePersonName('Alex Kim', people)?.slug, 'alex-kim');
    assert.strictEqual(resolvePersonName(' alex-kim ', people)?.slug, 'alex-kim');
    assert.strictEqual(resolvePersonName('priya', people)?.slug, 'priya-nair');
    assert.strictEqual(resolvePersonName('Sam', people), undefined);
    assert.strictEqual(resolvePersonName('', people), undefined);
  });
});

describe('copilot: grounding a free question', () => {
  const passage = (path: string, date: string, text: string): Passage => ({ path, date, title: `1:1, ${date}`, text });

  it('keeps the words worth matching', () => {
    assert.deepStrictEqual(questionTerms('What did we decide about the on-call rotation?'), [
      'decide',
      'on-call',
      'rotation',
    ]);
  });

  it('ranks by the rare words of the question, newest first on a tie, and falls back to the newest', () => {
    const passages = [
      passage('a.md', '2026-10-01', 'We talked about the roadmap and the rotation.'),
      passage('b.md', '2026-11-01', 'Decided: the on-call rotation moves to two weeks.'),
      passage('c.md', '2026-12-01', 'Roadmap again.'),
    ];
    assert.deepStrictEqual(
      selectPassages('what did we decide about the on-call rotation?', passages).map((p) => p.path),
      ['b.md', 'a.md'],
    );
    assert.deepStrictEqual(
      selectPassages('anything new?', passages, 2).map((p) => p.path),
      ['c.md', 'b.md'],
    );
    const cut = selectPassages('roadmap', [passage('long.md', '2026-12-01', 'roadmap '.repeat(5000))], 6, 1000);
    assert.ok(cut[0]!.text.length <= 1002);
  });

  it('numbers the excerpts and asks for citations; the same input gives the same prompt', () => {
    const passages = [passage('meetings/alex-kim/2026-11-24.md', '2026-11-24', 'Decided: rotation of two weeks.')];
    const a = groundedPrompt('rotation?', passages, TODAY);
    assert.deepStrictEqual(a, groundedPrompt('rotation?', passages, TODAY));
    assert.ok(a.instructions.includes('[1] 1:1, 2026-11-24 (meetings/alex-kim/2026-11-24.md)'));
    assert.ok(a.instructions.includes('Decided: rotation of two weeks.'));
    assert.ok(a.instructions.includes('Today is 2026-12-07'));
    assert.strictEqual(a.question, 'rotation?');
  });

  it('reads candidate meetings from the index: the matching ones, then the newest', () => {
    const index = journal({
      'people/alex-kim.md': ALEX,
      'meetings/alex-kim/2026-10-06.md': '---\ndate: 2026-10-06\n---\n## Agenda\n\n- [ ] On-call rotation\n',
      'meetings/alex-kim/2026-11-03.md': '---\ndate: 2026-11-03\n---\n## Agenda\n\n- [ ] Roadmap\n',
      'meetings/alex-kim/2026-12-01.md': '---\ndate: 2026-12-01\n---\n## Agenda\n\n- [ ] Hiring\n',
    });
    const picked = candidateMeetings(index.meetingsOf('alex-kim'), 'the rotation', 3, 1).map((m) => m.date);
    assert.deepStrictEqual(picked, ['2026-10-06', '2026-12-01']);
  });
});

describe('copilot: answers', () => {
  const MEETING = [
    '---',
    'date: 2026-11-24',
    'status: done',
    '---',
    '',
    '## Agenda',
    '',
    '- [x] Roadmap #alignment',
    '- [ ] Conference budget #growth',
    '',
    '## Wins',
    '',
    '- Shipped the loader #win #impact/individual',
    '',
    '## Action items',
    '',
    '- [ ] Me: send the RFC (due 2026-12-01)',
    '- [ ] Alex Kim: share the criteria',
    '',
    '## Private',
    '',
    '- [ ] Me: ask about the raise',
    '',
  ].join('\n');
  const index = journal({ 'people/alex-kim.md': ALEX, 'meetings/alex-kim/2026-11-24.md': MEETING });
  const alex = index.person('alex-kim')!;

  it('open items: action items with how late they are, by owner; never the Private section', () => {
    const all = openItemsAnswer(index, TODAY, { person: alex }).markdown;
    assert.ok(all.includes('- [ ] Me: send the RFC (due 2026-12-01) ('), all);
    assert.ok(all.includes('Alex Kim: share the criteria'), all);
    assert.ok(!all.includes('raise'), all);
    const mine = openItemsAnswer(index, TODAY, { owner: 'me' }).markdown;
    assert.ok(mine.includes('send the RFC') && !mine.includes('share the criteria'), mine);
    const theirs = openItemsAnswer(index, TODAY, { owner: 'them' });
    assert.ok(theirs.markdown.includes('share the criteria') && !theirs.markdown.includes('send the RFC'));
    assert.deepStrictEqual(theirs.paths, ['meetings/alex-kim/2026-11-24.md']);
  });

  it('the prep sheet of the next meeting carries what the last one left open', () => {
    const sheet = prepSheetAnswer({ index, person: alex, date: '2026-12-08', today: TODAY, link: (p) => p });
    assert.ok(sheet.markdown.startsWith('# Prep: 1:1 with Alex Kim'), sheet.markdown);
    assert.ok(sheet.markdown.includes('- [ ] Me: send the RFC (due 2026-12-01)'), sheet.markdown);
    assert.ok(!sheet.markdown.includes('raise'), sheet.markdown);
    assert.ok(sheet.paths.includes('meetings/alex-kim/2026-11-24.md'));
  });

  it('wins by circle, a review of the period, and search over the index', () => {
    const wins = winsAnswer(index, '2026-11-01', TODAY, alex).markdown;
    assert.ok(wins.includes('## Individual contribution') && wins.includes('Shipped the loader'), wins);
    const review = reviewAnswer(index, '2026-09-08', TODAY).markdown;
    assert.ok(review.includes('1 1:1 held.') && review.includes('Shipped the loader'), review);
    const found = searchAnswer(index, 'budget', { person: alex }).markdown;
    assert.ok(found.includes('point [open]: Conference budget #growth — Alex Kim, 2026-11-24'), found);
    assert.ok(searchAnswer(index, 'raise').markdown.includes('Nothing in the journal matches.'));
  });
});

// --- the privacy property -----------------------------------------------------------

type Part = { kind: 'public' | 'private-item' | 'private-line' | 'comment' | 'private-heading'; section: number };

const meetingArb = fc.record({
  person: fc.constantFrom('alex-kim', 'priya-nair'),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.constantFrom('10', '11', '12'),
  status: fc.constantFrom('planned', 'done'),
  frontMatterSecret: fc.boolean(),
  privateSection: fc.boolean(),
  parts: fc.array(
    fc.record({
      kind: fc.constantFrom('public', 'private-item', 'private-line', 'comment', 'private-heading'),
      section: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 12 },
  ),
  crlf: fc.boolean(),
});

const SECTIONS = ['Agenda', 'Wins', 'Notes', 'Action items'];

function renderMeeting(m: typeof meetingArb extends fc.Arbitrary<infer T> ? T : never, n: { i: number }): string {
  const date = `2026-${m.month}-${String(m.day).padStart(2, '0')}`;
  const secret = (): string => `SECRET${n.i++}X`;
  const pub = (): string => `PUBLIC${n.i++}X`;
  const lines = [
    '---',
    `date: ${date}`,
    `status: ${m.status}`,
    ...(m.frontMatterSecret ? [`note: ${secret()}`] : []),
    '---',
    '',
  ];
  SECTIONS.forEach((name, s) => {
    lines.push(`## ${name}`, '');
    for (const part of m.parts.filter((p: Part) => p.section === s)) {
      const box = s === 2 ? '-' : s === 1 ? '-' : '- [ ]';
      const win = s === 1 ? ' #win' : '';
      switch (part.kind) {
        case 'public':
          lines.push(`${box} ${s === 3 ? 'Me: ' : ''}${pub()} budget rotation${win}`);
          break;
        case 'private-item':
          lines.push(
            `${box} ${s === 3 ? 'Me: ' : ''}${secret()} budget rotation${win} #private`,
            `  - ${secret()} detail`,
          );
          break;
        case 'private-line':
          lines.push(
            `${box} ${s === 3 ? 'Alex Kim: ' : ''}${secret()} topic${win}`,
            `  more ${secret()} budget #private`,
          );
          break;
        case 'comment':
          lines.push(`<!-- ${secret()} budget -->`);
          break;
        case 'private-heading':
          // A heading of the same level ends it: what follows is public again.
          lines.push('', `### Aside #private`, '', `${box} ${secret()} budget rotation${win}`, '', '### More', '');
          break;
      }
    }
    lines.push('');
  });
  if (m.privateSection) lines.push('## Private', '', `- [ ] Me: ${secret()} budget rotation`, `${secret()} notes`, '');
  return lines.join(m.crlf ? '\r\n' : '\n');
}

describe('copilot: nothing private reaches a model (property)', () => {
  it('no tool result, slash-command answer or prompt holds a marker written in a private part', () => {
    fc.assert(
      fc.property(
        fc.array(meetingArb, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('budget', 'rotation', 'comment', 'goal', ''),
        (meetings, query) => {
          const n = { i: 0 };
          const files: Record<string, string> = { 'people/alex-kim.md': ALEX, 'people/priya-nair.md': PRIYA };
          for (const m of meetings) {
            const text = renderMeeting(m, n);
            const date = /date: (\S+)/.exec(text)![1]!;
            files[`meetings/${m.person}/${date}.md`] = text;
          }
          // Goals and feedback whose private parts hide elsewhere than in a meeting, and values that try to break out.
          files['goals/ship-it.md'] = [
            '---',
            'title: Ship it',
            'status: active',
            'target: "2027-01-31\\n```"',
            '---',
            '',
            '## Progress',
            '',
            '- 2026-11-02: PUBLIC-GOAL progress budget',
            '- 2026-11-03: SECRET-GOAL-TAG budget #private',
            '- 2026-11-04: a note',
            '  continued SECRET-GOAL-CONT budget #private',
            '',
            '### Private',
            '',
            '- 2026-11-05: SECRET-GOAL-SECTION budget',
            '',
          ].join('\n');
          files['goals/quit.md'] =
            '---\nstatus: active\n---\n\n# Quit SECRET-GOAL-TITLE #private\n\n## Progress\n\n- 2026-11-06: budget rotation\n';
          files['feedback/aside.md'] =
            '---\nfrom: Alex Kim\nstatus: trying\nreceived: "2026-11-01\\n```"\ncircleBack: 2026-11-20\n---\n\n# Aside SECRET-FEEDBACK-TITLE #private\n';
          files['meetings/alex-kim/2026-12-01.md'] = [
            '---',
            'date: 2026-12-01',
            'status: planned',
            'call: https://zoom.us/j/1?pwd=SECRET-CALL',
            '---',
            '',
            '## Agenda',
            '',
            '- [ ] Topic budget <!-- SECRET-COMMENT-OPEN',
            '  still SECRET-COMMENT-MID -->',
            '',
          ].join('\n');
          const index = journal(files);
          const outputs: string[] = [];
          for (const person of index.people()) {
            outputs.push(
              prepSheetAnswer({ index, person, date: '2026-12-08', today: TODAY, link: (p) => p, balanceWindow: 6 })
                .markdown,
            );
            outputs.push(openItemsAnswer(index, TODAY, { person }).markdown);
            outputs.push(winsAnswer(index, '2026-10-01', TODAY, person).markdown);
            outputs.push(searchAnswer(index, query, { person }).markdown);
          }
          for (const owner of ['me', 'them'] as const) outputs.push(openItemsAnswer(index, TODAY, { owner }).markdown);
          outputs.push(reviewAnswer(index, '2026-10-01', TODAY).markdown, searchAnswer(index, query).markdown);
          const passages = Object.entries(files)
            .filter(([path]) => path.startsWith('meetings/'))
            .map(([path, text]) => ({ path, title: path, date: path.slice(-13, -3), text: shareableText(text) }));
          const prompt = groundedPrompt(`what about the ${query}?`, selectPassages(query || 'budget', passages), TODAY);
          outputs.push(prompt.instructions, prompt.question);
          for (const out of outputs) assert.ok(!/SECRET/.test(out), `a private marker leaked:\n${out}`);
          assert.ok(searchAnswer(index, 'PUBLIC-GOAL').markdown.includes('PUBLIC-GOAL'), 'public progress is found');
          // And what is public is still there: in each file's shareable text, and found by search when it is a list item.
          for (const [path, text] of Object.entries(files)) {
            // The generated meetings' public markers (the fixed files above hold none).
            if (!/PUBLIC\d+X/.test(text)) continue;
            const shared = shareableText(text);
            for (const line of text.split(/\r?\n/))
              for (const pub of line.match(/PUBLIC\d+X/g) ?? []) {
                assert.ok(shared.includes(pub), `${pub} of ${path} is missing from its shareable text`);
                if (!line.startsWith('- ')) continue;
                assert.ok(searchAnswer(index, pub).markdown.includes(pub), `${pub} of ${path} is not found by search`);
              }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

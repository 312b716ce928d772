// Linking pull requests as wins, the decisions without VS Code
// (core/evidence/link-plan.ts): the arguments, what is linked already, what
// each fetched pull request becomes, the lines written; and the report
// (core/evidence/link-report.ts).

import * as assert from 'assert';
import { parseDocument } from '../../src/core/document';
import {
  Evidence,
  parseWin,
  PullRequestCandidate,
  PullRequestFacts,
  PullRequestRef,
  renderPendingWin,
  renderWin,
} from '../../src/core/evidence';
import {
  addGoalProgress,
  addWins,
  checkLinkArgs,
  Choice,
  Fetched,
  findGoal,
  keyOf,
  linkedKeys,
  planLink,
  sinceDay,
  sortChoices,
  winLines,
  winsOf,
} from '../../src/core/evidence/link-plan';
import { alreadyLinkedMessage, linkReport, listingFailedText, timeOf } from '../../src/core/evidence/link-report';
import { applyEdits } from '../../src/core/text';
import { GitHubError } from '../../src/host/github/client';

const pr = (owner: string, repo: string, number: number, host = 'github.com'): PullRequestRef => ({
  host,
  owner,
  repo,
  number,
});
const A = pr('acme', 'app', 12);
const B = pr('acme', 'app', 13);
const C = pr('acme', 'lib', 7);
const D = pr('other', 'tool', 99);

const candidate = (ref: PullRequestRef, over: Partial<PullRequestCandidate> = {}): PullRequestCandidate => ({
  ref,
  title: `Change ${ref.number}`,
  author: 'alice',
  mergedAt: '2026-11-18T09:00:00Z',
  updatedAt: '2026-11-18T10:00:00Z',
  state: 'merged',
  ...over,
});

const facts = (ref: PullRequestRef, over: Partial<PullRequestFacts> = {}): PullRequestFacts => ({
  ...candidate(ref),
  additions: 10,
  deletions: 2,
  changedFiles: 3,
  labels: [],
  body: '',
  authorAssociation: 'MEMBER',
  ...over,
});

const authored = (ref: PullRequestRef): Evidence => ({ kind: 'authored', pr: facts(ref) });

const GOALS = [
  { slug: 'grow-as-lead', title: 'Grow as a tech lead' },
  { slug: 'ship-importer', title: 'Ship the importer' },
];

function applied(text: string, edit: ReturnType<typeof addWins>): string {
  if ('error' in edit) throw new Error(`unexpected refusal: ${edit.error}`);
  return applyEdits(text, edit.edits);
}

describe('link plan: the arguments', () => {
  it('without arguments, asks for everything: no goal and no pasted pull requests', () => {
    assert.deepStrictEqual(checkLinkArgs(undefined, GOALS, 'github.com'), { goal: undefined, pasted: undefined });
  });

  it('refuses an unknown circle first, naming the ones there are', () => {
    const checked = checkLinkArgs({ circle: 'heroics' as never, goal: 'nope', url: 'junk' }, GOALS, 'github.com');
    assert.deepStrictEqual(checked, { error: '"circle" must be one of: individual, collaboration, enabling.' });
  });

  it('finds a goal by file name or by title in any case, and refuses one that does not exist', () => {
    assert.strictEqual(findGoal(GOALS, 'ship-importer'), 'ship-importer');
    assert.strictEqual(findGoal(GOALS, '  grow as a TECH lead '), 'grow-as-lead');
    assert.strictEqual(findGoal(GOALS, ''), undefined);
    assert.strictEqual(findGoal(GOALS, 42), undefined);
    assert.deepStrictEqual(checkLinkArgs({ goal: 'Ship the Importer' }, GOALS, 'github.com'), {
      goal: 'ship-importer',
      pasted: undefined,
    });
    assert.deepStrictEqual(checkLinkArgs({ goal: 'learn rust' }, GOALS, 'github.com'), {
      error: 'No goal "learn rust" in the journal.',
    });
  });

  it('turns pasted addresses into choices, a short reference on the default host', () => {
    const checked = checkLinkArgs(
      { url: ['https://github.com/acme/app/pull/12/files', 'acme/lib#7'], circle: 'enabling' },
      GOALS,
      'ghe.example.com',
    );
    assert.deepStrictEqual(checked, {
      goal: undefined,
      pasted: [{ ref: A }, { ref: pr('acme', 'lib', 7, 'ghe.example.com') }],
    });
    assert.deepStrictEqual(checkLinkArgs({ url: 'acme/app#12' }, GOALS, 'github.com'), {
      goal: undefined,
      pasted: [{ ref: A }],
    });
  });

  it('refuses the whole list when one address is not a pull request, or the list is not a list of addresses', () => {
    const checked = checkLinkArgs(
      { url: ['https://github.com/acme/app/pull/12', 'https://github.com/acme/app/issues/3'] },
      GOALS,
      'github.com',
    );
    assert.deepStrictEqual(checked, { error: 'acme/app#3 is an issue, not a pull request.' });
    const shape = { error: '"url" must be a pull request address or a list of them.' };
    assert.deepStrictEqual(checkLinkArgs({ url: [] }, GOALS, 'github.com'), shape);
    assert.deepStrictEqual(checkLinkArgs({ url: ['acme/app#12', 3] as never }, GOALS, 'github.com'), shape);
  });
});

describe('link plan: since when, and what is linked already', () => {
  it('counts work since the previous 1:1, or the four weeks before this one', () => {
    assert.strictEqual(sinceDay('2026-11-10', '2026-11-24'), '2026-11-10');
    assert.strictEqual(sinceDay(undefined, '2026-11-24'), '2026-10-27');
    assert.strictEqual(sinceDay(undefined, '2026-03-01'), '2026-02-01');
    assert.strictEqual(sinceDay(undefined, 'not a date'), 'not a date');
  });

  it('keys a pull request by what it points at, whatever the case of owner and repository', () => {
    assert.strictEqual(keyOf(pr('Acme', 'App', 12)), keyOf(A));
    assert.notStrictEqual(keyOf(pr('acme', 'app', 12, 'ghe.example.com')), keyOf(A));
    assert.notStrictEqual(keyOf(B), keyOf(A));
  });

  it('reads the linked pull requests from the wins of every meeting, ours and hand-written', () => {
    const meetings = [
      { wins: [{ text: renderWin({ evidence: authored(A), circle: 'individual' }) }, { text: 'Gave a talk #win' }] },
      { wins: [{ text: 'Fixed the build — [acme/lib#7](https://github.com/acme/lib/pull/7) #win' }] },
      { wins: [{ text: renderPendingWin(D) }] },
      { wins: [] },
    ];
    assert.deepStrictEqual([...linkedKeys(meetings)].sort(), [keyOf(A), keyOf(C), keyOf(D)].sort());
  });

  it('a link inside a code span is text, not a linked pull request', () => {
    assert.strictEqual(
      linkedKeys([{ wins: [{ text: 'See `[acme/app#12](https://github.com/acme/app/pull/12)`' }] }]).size,
      0,
    );
  });

  it('skips what is linked already and takes every other pull request once, the first choice kept', () => {
    const listed: Choice = { ref: B, candidate: candidate(B) };
    const { skipped, fresh } = sortChoices(
      [{ ref: A }, listed, { ref: pr('ACME', 'APP', 13) }, { ref: C }, { ref: pr('acme', 'APP', 12) }],
      new Set([keyOf(A)]),
    );
    assert.deepStrictEqual(skipped, ['acme/app#12', 'acme/APP#12']);
    assert.deepStrictEqual(fresh, [listed, { ref: C }]);
  });

  it('says who the pull requests are linked with when all of them are', () => {
    assert.strictEqual(
      alreadyLinkedMessage(['acme/app#12'], 'Sam'),
      'acme/app#12 is already linked in your 1:1s with Sam.',
    );
    assert.strictEqual(
      alreadyLinkedMessage(['acme/app#12', 'acme/lib#7'], 'Sam'),
      'acme/app#12, acme/lib#7 are already linked in your 1:1s with Sam.',
    );
  });
});

describe('link plan: what each fetched pull request becomes', () => {
  const offline = new GitHubError('offline', 'GitHub could not be reached.');
  const fetched: Fetched[] = [
    { choice: { ref: A }, evidence: authored(A) },
    { choice: { ref: B, candidate: candidate(B, { title: 'Listed only' }) }, error: offline },
    { choice: { ref: C }, error: new GitHubError('timeout', 'GitHub did not answer in time.') },
    { choice: { ref: D }, error: new GitHubError('not-found', 'GitHub answered 404.', 404) },
    {
      choice: {
        ref: pr('acme', 'app', 20),
        candidate: candidate(pr('acme', 'app', 20), { author: 'bob' }),
        reviewedAt: '2026-11-19',
      },
      error: new GitHubError('rate-limited', 'GitHub’s rate limit was reached.', 403),
    },
    {
      choice: { ref: pr('acme', 'app', 21), candidate: candidate(pr('acme', 'app', 21)) },
      error: new GitHubError('failed', 'Bad answer.'),
    },
  ];
  const plan = planLink(fetched);

  it('keeps the order, and sorts the references into linked, pending and failed', () => {
    assert.deepStrictEqual(plan.linked, ['acme/app#12']);
    assert.deepStrictEqual(plan.pending, ['acme/app#13', 'acme/lib#7', 'acme/app#20']);
    assert.deepStrictEqual(plan.failed, [
      { ref: 'other/tool#99', kind: 'not-found', reason: 'GitHub answered 404.' },
      { ref: 'acme/app#21', kind: 'failed', reason: 'Bad answer.' },
    ]);
    assert.deepStrictEqual(
      plan.entries.map((e) => e.ref),
      [A, B, C, pr('acme', 'app', 20)],
    );
  });

  it('a fetched pull request is a full win; one the search listed before GitHub went away is a pending win', () => {
    const [a, b, c, review] = plan.entries;
    assert.deepStrictEqual(a, { ref: A, evidence: authored(A), pending: false });
    assert.ok(b && 'evidence' in b && b.pending);
    assert.strictEqual(b.evidence.kind, 'authored');
    assert.strictEqual(b.evidence.pr.title, 'Listed only');
    assert.strictEqual(b.evidence.pr.additions, undefined, 'the size is not known from a search result');
    assert.deepStrictEqual(c, { ref: C }, 'not listed and not fetched: a bare link');
    assert.ok(review && 'evidence' in review);
    assert.deepStrictEqual(review.evidence.kind === 'reviewed' && review.evidence.reviewedAt, '2026-11-19');
  });

  it('writes wins, pending wins and bare links as lines that read back with their circle and goal', () => {
    const entries = [
      { evidence: authored(A), circle: 'individual' as const, pending: false },
      { evidence: authored(B), circle: 'enabling' as const, pending: true },
      { ref: C, circle: undefined },
    ];
    assert.deepStrictEqual(
      winsOf(entries).map((w) => w.evidence.pr.ref),
      [A, B],
    );
    const lines = winLines(entries, 'ship-importer');
    assert.deepStrictEqual(lines, [
      renderWin({ evidence: authored(A), circle: 'individual', goal: 'ship-importer' }),
      renderWin({ evidence: authored(B), circle: 'enabling', goal: 'ship-importer' }, true),
      renderPendingWin(C, undefined, 'ship-importer'),
    ]);
    const read = lines.map(parseWin);
    assert.deepStrictEqual(
      read.map((w) => [w.ref?.number, w.circle, w.goal, w.pending]),
      [
        [12, 'individual', 'ship-importer', false],
        [13, 'enabling', 'ship-importer', true],
        [7, undefined, 'ship-importer', true],
      ],
    );
  });
});

describe('link plan: the edits', () => {
  const [line] = winLines([{ evidence: authored(A), circle: 'individual', pending: false }], undefined);

  it('appends the wins to an existing Wins section (or its alias), before what follows', () => {
    const text = '---\ndate: 2026-11-24\n---\n\n## Accomplishments\n\n- Gave a talk\n\n## Notes\n\nnothing\n';
    assert.strictEqual(
      applied(text, addWins(parseDocument(text), [line!, 'second'])),
      `---\ndate: 2026-11-24\n---\n\n## Accomplishments\n\n- Gave a talk\n- ${line}\n- second\n\n## Notes\n\nnothing\n`,
    );
  });

  it('creates the Wins section at the end of a meeting that has none', () => {
    const text = '---\ndate: 2026-11-24\n---\n\n## Agenda\n\n- [ ] Plans\n';
    const out = applied(text, addWins(parseDocument(text), [line!]));
    assert.ok(out.startsWith(text.trimEnd()), out);
    assert.match(out, /\n## Wins\n\n- .*acme\/app#12.*#win #impact\/individual\n$/);
  });

  it('logs one progress entry per win on the goal, dated and with the verb of what happened', () => {
    const text = '---\ntitle: Ship the importer\n---\n\n## Progress log\n\n- 2026-11-01: Started\n';
    const review: Evidence = { kind: 'reviewed', pr: facts(B, { title: 'Fix *parser*' }), reviewedAt: '2026-11-20' };
    const out = applied(
      text,
      addGoalProgress(parseDocument(text), '2026-11-24', [
        { evidence: authored(A), circle: 'individual' },
        { evidence: review, circle: 'collaboration' },
      ]),
    );
    assert.strictEqual(
      out,
      '---\ntitle: Ship the importer\n---\n\n## Progress log\n\n- 2026-11-01: Started\n' +
        '- 2026-11-24: Merged [acme/app#12](https://github.com/acme/app/pull/12) Change 12\n' +
        '- 2026-11-24: Reviewed [acme/app#13](https://github.com/acme/app/pull/13) Fix \\*parser\\*\n',
    );
  });
});

describe('link plan: the report', () => {
  const sam = { name: 'Sam', slug: 'sam' };
  const none = { linked: [], pending: [], skipped: [], failed: [], fetched: [] };

  it('says nothing when nothing happened', () => {
    assert.deepStrictEqual(linkReport(sam, none, undefined), {});
  });

  it('counts every win written, with or without details, and names what was skipped', () => {
    const r = linkReport(
      sam,
      { ...none, linked: ['acme/app#12'], pending: ['acme/lib#7'], skipped: ['acme/app#13'] },
      undefined,
    );
    assert.strictEqual(r.written, '$(check) 2 wins linked to your 1:1 with Sam');
    assert.strictEqual(r.skipped, 'Already linked, so skipped: acme/app#13.');
    assert.strictEqual(
      linkReport(sam, { ...none, linked: ['acme/app#12'] }, undefined).written,
      '$(check) 1 win linked to your 1:1 with Sam',
    );
  });

  it('explains pending wins by the worst transient failure: the rate limit, then a timeout, then no answer', () => {
    const reset = new Date(Date.UTC(2026, 10, 24, 15, 30));
    const failing = (...errors: GitHubError[]): Fetched[] =>
      errors.map((error, i) => ({ choice: { ref: pr('acme', 'app', i + 1) }, error }));
    const offline = new GitHubError('offline', 'x');
    const timeout = new GitHubError('timeout', 'x');
    const limited = new GitHubError('rate-limited', 'x', 403, reset);
    const pendingOf = (fetched: Fetched[], pending: string[]): string | undefined =>
      linkReport(sam, { ...none, pending, fetched }, undefined).pending;
    assert.strictEqual(
      pendingOf(failing(offline, timeout, limited), ['acme/app#1', 'acme/app#2']),
      `GitHub's rate limit was reached; it resets at ${timeOf(reset)}. acme/app#1, acme/app#2 were linked without details and marked #enrich; "1:1: Enrich Evidence" fills them in later.`,
    );
    assert.match(
      pendingOf(failing(offline, timeout), ['acme/app#1'])!,
      /^GitHub did not answer in time\. acme\/app#1 was linked/,
    );
    assert.match(pendingOf(failing(offline), ['acme/app#1'])!, /^GitHub could not be reached\. /);
    assert.match(
      pendingOf(failing(new GitHubError('rate-limited', 'x', 403)), ['acme/app#1'])!,
      /^GitHub's rate limit was reached\. /,
    );
  });

  it('offers to sign in or link anyway for what GitHub refused or did not find, with the arguments to run again', () => {
    const fetched: Fetched[] = [
      { choice: { ref: A }, evidence: authored(A) },
      { choice: { ref: pr('corp', 'secret', 5, 'ghe.example.com') }, error: new GitHubError('unauthorized', 'no') },
      { choice: { ref: D }, error: new GitHubError('not-found', 'gone') },
    ];
    const failed = [
      { ref: 'corp/secret#5', kind: 'unauthorized', reason: 'no' },
      { ref: 'other/tool#99', kind: 'not-found', reason: 'gone' },
    ];
    const r = linkReport(
      sam,
      { ...none, linked: ['acme/app#12'], failed, fetched },
      { circle: 'enabling', goal: 'ship-importer' },
    );
    assert.deepStrictEqual(r.denied, {
      message:
        'GitHub did not show corp/secret#5, other/tool#99 (access refused). If they are private, sign in to GitHub with an account that can see them.',
      host: 'ghe.example.com',
      retry: {
        person: 'sam',
        url: ['https://ghe.example.com/corp/secret/pull/5', 'https://github.com/other/tool/pull/99'],
        circle: 'enabling',
        goal: 'ship-importer',
      },
      lines: [
        renderPendingWin(pr('corp', 'secret', 5, 'ghe.example.com'), 'enabling'),
        renderPendingWin(D, 'enabling'),
      ],
    });
    assert.strictEqual(r.failed, undefined);

    const one = linkReport(sam, { ...none, failed: [failed[1]!], fetched }, undefined).denied!;
    assert.strictEqual(
      one.message,
      'GitHub did not show other/tool#99 (not found). If it is private, sign in to GitHub with an account that can see it.',
    );
    assert.deepStrictEqual(one.retry, { person: 'sam', url: ['https://github.com/other/tool/pull/99'] });
    assert.deepStrictEqual(one.lines, [renderPendingWin(D, undefined)]);
  });

  it('lists any other failure with its reason', () => {
    const r = linkReport(
      sam,
      {
        ...none,
        failed: [
          { ref: 'acme/app#12', kind: 'failed', reason: 'GitHub answered 422.' },
          { ref: 'acme/app#13', kind: 'failed', reason: 'Not JSON.' },
        ],
      },
      undefined,
    );
    assert.strictEqual(r.failed, 'Could not link acme/app#12: GitHub answered 422.; acme/app#13: Not JSON.');
    assert.strictEqual(r.denied, undefined);
  });

  it('words a failed listing of my pull requests so that pasting an address is the way on', () => {
    const reset = new Date(Date.UTC(2026, 10, 24, 15, 30));
    assert.strictEqual(
      listingFailedText(new GitHubError('rate-limited', 'x', 403, reset)),
      `GitHub's rate limit was reached (it resets at ${timeOf(reset)}). Paste an address to link it now; its details follow later.`,
    );
    assert.strictEqual(
      listingFailedText(new GitHubError('timeout', 'x')),
      'GitHub cannot be reached. Paste a pull request address to link it now; its details follow later.',
    );
    assert.strictEqual(
      listingFailedText(new GitHubError('failed', 'GitHub answered 422.')),
      'Could not list your pull requests: GitHub answered 422. Paste an address instead.',
    );
  });
});

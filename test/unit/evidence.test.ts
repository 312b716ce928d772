// Evidence of impact: pull request addresses, which API serves a host,
// GitHub's REST answers read defensively, the impact circle suggested, and
// wins written as one safe markdown line and read back.

import * as assert from 'assert';
import { parseDocument } from '../../src/core/document';
import { replaceItemText } from '../../src/core/item-edits';
import {
  candidateFromSearch,
  coAuthorsFromCommits,
  dayOf,
  defaultTarget,
  escapeInline,
  Evidence,
  factsFromCandidate,
  factsFromPull,
  filesFromJson,
  goalProgressText,
  isCircle,
  isLogin,
  lastReviewBy,
  linkedIssues,
  nextLink,
  parsePullRequestUrl,
  parseWin,
  PullRequestFacts,
  PullRequestRef,
  pullRequestUrl,
  refLabel,
  renderPendingWin,
  renderWin,
  sameRef,
  searchQueries,
  settingsProblem,
  suggestCircle,
  targetFor,
  unescapeInline,
} from '../../src/core/evidence';
import { summarize } from '../../src/core/journal-entry';
import { blankCodeSpans, extractTags } from '../../src/core/markdown-inline';
import { applyEdits } from '../../src/core/text';

const REF: PullRequestRef = { host: 'github.com', owner: 'acme', repo: 'app', number: 12 };

function ref(input: string, defaultHost?: string): PullRequestRef {
  const parsed = parsePullRequestUrl(input, defaultHost);
  if ('error' in parsed) throw new Error(`expected a pull request for ${JSON.stringify(input)}, got: ${parsed.error}`);
  return parsed.ref;
}

function refError(input: string): string {
  const parsed = parsePullRequestUrl(input);
  if ('ref' in parsed)
    throw new Error(`expected an error for ${JSON.stringify(input)}, got ${JSON.stringify(parsed.ref)}`);
  return parsed.error;
}

const facts = (over: Partial<PullRequestFacts> = {}): PullRequestFacts => ({
  ref: REF,
  title: 'Add retry to the importer',
  author: 'alice',
  mergedAt: '2026-11-18T09:00:00Z',
  updatedAt: '2026-11-18T10:00:00Z',
  state: 'merged',
  additions: 10,
  deletions: 2,
  changedFiles: 3,
  labels: [],
  body: '',
  authorAssociation: 'MEMBER',
  ...over,
});

const authored = (over: Partial<PullRequestFacts> = {}, extra: Partial<Evidence> = {}): Evidence => ({
  kind: 'authored',
  pr: facts(over),
  ...extra,
});
const reviewed = (over: Partial<PullRequestFacts> = {}, reviewedAt = '2026-11-17'): Evidence => ({
  kind: 'reviewed',
  pr: facts({ author: 'bob', ...over }),
  reviewedAt,
});

describe('evidence: parsePullRequestUrl', () => {
  it('reads github.com web addresses, with or without www., https or a scheme', () => {
    for (const input of [
      'https://github.com/acme/app/pull/12',
      'https://www.github.com/acme/app/pull/12',
      'www.github.com/acme/app/pull/12',
      'http://github.com/acme/app/pull/12',
      'github.com/acme/app/pull/12',
      'HTTPS://GitHub.com/acme/app/pull/12',
      '  https://github.com/acme/app/pull/12\n',
      'https://github.com:443/acme/app/pull/12',
    ]) {
      assert.deepStrictEqual(ref(input), REF, input);
    }
  });

  it('reads the tabs of a pull request, a query and a fragment', () => {
    for (const input of [
      'https://github.com/acme/app/pull/12/files',
      'https://github.com/acme/app/pull/12/files#diff-0123abcd',
      'https://github.com/acme/app/pull/12/commits',
      'https://github.com/acme/app/pull/12/commits/0123456789abcdef0123456789abcdef01234567',
      'https://github.com/acme/app/pull/12/checks',
      'https://github.com/acme/app/pull/12?w=1',
      'https://github.com/acme/app/pull/12#issuecomment-123456',
      'https://github.com/acme/app/pull/12/?notification_referrer_id=x#discussion_r42',
    ]) {
      assert.deepStrictEqual(ref(input), REF, input);
    }
  });

  it('reads API addresses on api.github.com and on an Enterprise Server', () => {
    assert.deepStrictEqual(ref('https://api.github.com/repos/acme/app/pulls/12'), REF);
    assert.deepStrictEqual(ref('https://api.github.com/repos/acme/app/pulls/12/files'), REF);
    assert.deepStrictEqual(ref('https://ghe.example.com/api/v3/repos/acme/app/pulls/12'), {
      ...REF,
      host: 'ghe.example.com',
    });
    assert.deepStrictEqual(ref('https://ghe.example.com:8443/api/v3/repos/acme/app/pulls/12'), {
      ...REF,
      host: 'ghe.example.com:8443',
    });
  });

  it('keeps an Enterprise host and its port, lower-cased, with or without a scheme', () => {
    assert.deepStrictEqual(ref('https://GHE.Example.com:8443/acme/app/pull/7'), {
      host: 'ghe.example.com:8443',
      owner: 'acme',
      repo: 'app',
      number: 7,
    });
    assert.deepStrictEqual(ref('ghe.example.com:8443/acme/app/pull/7'), {
      host: 'ghe.example.com:8443',
      owner: 'acme',
      repo: 'app',
      number: 7,
    });
    assert.deepStrictEqual(ref('http://127.0.0.1:8080/a/b/pull/1'), {
      host: '127.0.0.1:8080',
      owner: 'a',
      repo: 'b',
      number: 1,
    });
    assert.deepStrictEqual(ref('ghe.example.com/acme/app/pull/7'), {
      host: 'ghe.example.com',
      owner: 'acme',
      repo: 'app',
      number: 7,
    });
  });

  it('reads owner/repo#N on the default host', () => {
    assert.deepStrictEqual(ref('acme/app#12'), REF);
    assert.deepStrictEqual(ref(' acme/app#12 '), REF);
    assert.deepStrictEqual(ref('acme/app#12', 'ghe.example.com'), { ...REF, host: 'ghe.example.com' });
    assert.deepStrictEqual(ref('acme/my.app_x-y#3'), {
      host: 'github.com',
      owner: 'acme',
      repo: 'my.app_x-y',
      number: 3,
    });
    assert.match(refError('acme/app#0'), /owner\/repo#12/);
    assert.match(refError('-acme/app#1'), /pull request/);
  });

  it('drops .git from a repository name, and refuses one that is nothing else', () => {
    assert.deepStrictEqual(ref('https://github.com/acme/app.git/pull/12'), REF);
    assert.deepStrictEqual(ref('acme/app.git#12'), REF);
    refError('https://github.com/acme/.git/pull/1');
    refError('acme/.git#1');
    refError('acme/..git#1');
  });

  it('says an issue is an issue', () => {
    assert.match(refError('https://github.com/acme/app/issues/12'), /acme\/app#12 is an issue/);
    assert.match(refError('https://api.github.com/repos/acme/app/issues/5'), /issue/);
    assert.match(refError('https://ghe.example.com/api/v3/repos/acme/app/issues/5'), /issue/);
  });

  it('says a commit or a list is not a pull request', () => {
    assert.match(refError('https://github.com/acme/app/commit/0123abc'), /commit/);
    assert.match(refError('https://github.com/acme/app/pulls'), /not the address of a pull request/);
    assert.match(refError('https://github.com/acme/app/pulls/mine'), /list of pull requests/);
  });

  it('refuses junk, other schemes and an empty paste', () => {
    assert.match(refError(''), /Paste/);
    assert.match(refError('   '), /Paste/);
    for (const input of [
      'junk',
      'https://github.com',
      'https://github.com/acme',
      'https://github.com/acme/app',
      'https://github.com/acme/app/pull',
      'https://github.com/acme/app/pull/abc',
      'https://github.com/acme/app/pull/12abc',
      'https://github.com/acme/app/pull/1e3',
      'https://github.com/acme/app/pull/12.',
      'acme/app #12',
      'https://[::1/a/b/pull/1',
    ]) {
      refError(input);
    }
    for (const input of [
      'javascript:alert(1)',
      'ftp://github.com/acme/app/pull/12',
      'file:///acme/app/pull/12',
      'data:text/html,x',
      'mailto:me@example.com',
    ]) {
      assert.match(refError(input), /not a web address/, input);
    }
  });

  it('refuses credentials in the address', () => {
    assert.match(refError('https://user:secret@github.com/acme/app/pull/12'), /user name or password/);
    assert.match(refError('https://token@github.com/acme/app/pull/12'), /user name or password/);
  });

  it('refuses numbers out of range', () => {
    refError('https://github.com/acme/app/pull/0');
    refError('https://github.com/acme/app/pull/2147483648');
    refError('https://github.com/acme/app/pull/99999999999999999999');
    refError(`https://github.com/acme/app/pull/${'9'.repeat(400)}`);
    assert.strictEqual(ref('https://github.com/acme/app/pull/2147483647').number, 2147483647);
    assert.strictEqual(ref('https://github.com/acme/app/pull/012').number, 12);
  });

  it('refuses invalid owners and repositories', () => {
    for (const input of [
      'https://github.com/-acme/app/pull/1',
      'https://github.com/ac_me/app/pull/1',
      `https://github.com/${'a'.repeat(40)}/app/pull/1`,
      'https://github.com/acme/../pull/1',
      'https://github.com/acme/a%2Fb/pull/1',
      'https://github.com/acme/a%20b/pull/1',
      'https://github.com/acme/app/pull/1%2F2',
      `https://github.com/acme/${'r'.repeat(101)}/pull/1`,
    ]) {
      refError(input);
    }
    assert.strictEqual(ref(`https://github.com/${'a'.repeat(39)}/app/pull/1`).owner, 'a'.repeat(39));
  });

  it('clips a long paste in its error message and keeps it on one line', () => {
    const error = refError(`not a url\n${'x'.repeat(300)}`);
    assert.ok(!error.includes('\n'));
    assert.ok(error.length < 160, error);
  });

  it('refLabel, pullRequestUrl and sameRef', () => {
    assert.strictEqual(refLabel(REF), 'acme/app#12');
    assert.strictEqual(pullRequestUrl(REF), 'https://github.com/acme/app/pull/12');
    assert.strictEqual(
      pullRequestUrl({ ...REF, host: 'ghe.example.com:8443' }),
      'https://ghe.example.com:8443/acme/app/pull/12',
    );
    assert.ok(sameRef(REF, { ...REF, owner: 'ACME', repo: 'App' }));
    assert.ok(!sameRef(REF, { ...REF, number: 13 }));
    assert.ok(!sameRef(REF, { ...REF, host: 'ghe.example.com' }));
  });

  it('isLogin accepts logins and bots, nothing else', () => {
    for (const l of ['alice', 'a', 'a-b', 'A1', 'dependabot[bot]', 'x'.repeat(39)]) assert.ok(isLogin(l), l);
    for (const l of ['', '-a', 'a_b', 'a b', 'x'.repeat(40), '<b>', '[bot]', 'a[bot]x']) assert.ok(!isLogin(l), l);
  });
});

describe('evidence: which API serves a host', () => {
  it('is api.github.com by default', () => {
    assert.deepStrictEqual(defaultTarget({}), {
      host: 'github.com',
      apiBase: 'https://api.github.com',
      provider: 'github',
    });
    assert.deepStrictEqual(defaultTarget({ enterpriseUri: '  ', apiUrl: '' }), {
      host: 'github.com',
      apiBase: 'https://api.github.com',
      provider: 'github',
    });
  });

  it('is <github-enterprise.uri>/api/v3 on an Enterprise Server', () => {
    assert.deepStrictEqual(defaultTarget({ enterpriseUri: 'https://GHE.example.com/' }), {
      host: 'ghe.example.com',
      apiBase: 'https://ghe.example.com/api/v3',
      provider: 'github-enterprise',
    });
    assert.deepStrictEqual(defaultTarget({ enterpriseUri: 'ghe.example.com' }), {
      host: 'ghe.example.com',
      apiBase: 'https://ghe.example.com/api/v3',
      provider: 'github-enterprise',
    });
    assert.deepStrictEqual(defaultTarget({ enterpriseUri: 'ghe.example.com:8443/' }), {
      host: 'ghe.example.com:8443',
      apiBase: 'https://ghe.example.com:8443/api/v3',
      provider: 'github-enterprise',
    });
    assert.deepStrictEqual(defaultTarget({ enterpriseUri: 'http://ghe.internal:8080/some/path' }), {
      host: 'ghe.internal:8080',
      apiBase: 'http://ghe.internal:8080/api/v3',
      provider: 'github-enterprise',
    });
  });

  it('takes oneOnOne.github.apiUrl over the usual API, without its trailing slashes', () => {
    assert.deepStrictEqual(defaultTarget({ apiUrl: 'http://127.0.0.1:9999/' }), {
      host: 'github.com',
      apiBase: 'http://127.0.0.1:9999',
      provider: 'github',
    });
    assert.deepStrictEqual(
      defaultTarget({ enterpriseUri: 'https://ghe.example.com', apiUrl: ' https://proxy.example.com/api/v3// ' }),
      {
        host: 'ghe.example.com',
        apiBase: 'https://proxy.example.com/api/v3',
        provider: 'github-enterprise',
      },
    );
  });

  it('ignores unusable settings, and says what is wrong with them', () => {
    assert.deepStrictEqual(
      defaultTarget({ apiUrl: 'ftp://x', enterpriseUri: 'javascript:alert(1)' }),
      defaultTarget({}),
    );
    assert.strictEqual(settingsProblem({}), undefined);
    assert.strictEqual(settingsProblem({ apiUrl: '  ', enterpriseUri: '' }), undefined);
    assert.strictEqual(
      settingsProblem({ apiUrl: 'https://api.example.com', enterpriseUri: 'https://ghe.example.com' }),
      undefined,
    );
    assert.match(settingsProblem({ apiUrl: 'not a url' })!, /oneOnOne\.github\.apiUrl.*not a url/);
    assert.match(settingsProblem({ apiUrl: 'ftp://x' })!, /apiUrl/);
    assert.match(settingsProblem({ enterpriseUri: 'ftp://x' })!, /github-enterprise\.uri/);
    assert.match(settingsProblem({ enterpriseUri: 'http://[bad' })!, /github-enterprise\.uri/);
  });

  it('targetFor: the default host, github.com always, any other host refused with what to set', () => {
    const ghe = { enterpriseUri: 'https://ghe.example.com' };
    assert.deepStrictEqual(targetFor('ghe.example.com', ghe), defaultTarget(ghe));
    assert.deepStrictEqual(targetFor('github.com', ghe), {
      host: 'github.com',
      apiBase: 'https://api.github.com',
      provider: 'github',
    });
    assert.deepStrictEqual(targetFor('github.com', { apiUrl: 'http://127.0.0.1:9' }), {
      host: 'github.com',
      apiBase: 'http://127.0.0.1:9',
      provider: 'github',
    });
    const other = targetFor('other.example.com', ghe);
    assert.ok('error' in other);
    assert.match(other.error, /github-enterprise\.uri.*https:\/\/other\.example\.com/);
    assert.ok('error' in targetFor('ghe.example.com:8443', ghe), 'another port is another host');
  });
});

describe('evidence: reading GitHub’s answers', () => {
  const searchItem = {
    url: 'https://api.github.com/repos/acme/app/issues/12',
    html_url: 'https://github.com/acme/app/pull/12',
    number: 12,
    title: 'Add retry to the importer',
    user: { login: 'alice', id: 1, type: 'User' },
    state: 'closed',
    updated_at: '2026-11-18T10:00:00Z',
    pull_request: {
      url: 'https://api.github.com/repos/acme/app/pulls/12',
      html_url: 'https://github.com/acme/app/pull/12',
      merged_at: '2026-11-18T09:00:00Z',
    },
  };

  it('candidateFromSearch reads a merged pull request', () => {
    assert.deepStrictEqual(candidateFromSearch(searchItem, 'github.com'), {
      ref: REF,
      title: 'Add retry to the importer',
      author: 'alice',
      mergedAt: '2026-11-18T09:00:00Z',
      updatedAt: '2026-11-18T10:00:00Z',
      state: 'merged',
    });
  });

  it('candidateFromSearch tells open from closed without merging', () => {
    assert.strictEqual(
      candidateFromSearch({ ...searchItem, state: 'open', pull_request: { merged_at: null } }, 'github.com')!.state,
      'open',
    );
    const closed = candidateFromSearch(
      { ...searchItem, state: 'closed', pull_request: { merged_at: null } },
      'github.com',
    )!;
    assert.strictEqual(closed.state, 'closed');
    assert.strictEqual(closed.mergedAt, undefined);
  });

  it('candidateFromSearch puts the pull request on the host asked about, whatever html_url says', () => {
    assert.deepStrictEqual(
      candidateFromSearch({ ...searchItem, html_url: 'https://evil.example/acme/app/pull/12' }, 'github.com')!.ref,
      REF,
    );
    assert.deepStrictEqual(
      candidateFromSearch({ ...searchItem, html_url: 'https://ghe.example.com/acme/app/pull/12' }, 'ghe.example.com')!
        .ref,
      { ...REF, host: 'ghe.example.com' },
    );
  });

  it('candidateFromSearch: an unusable login becomes ghost, a missing title empty', () => {
    const c = candidateFromSearch({ ...searchItem, user: { login: 'x" onmouseover="y' }, title: 42 }, 'github.com')!;
    assert.strictEqual(c.author, 'ghost');
    assert.strictEqual(c.title, '');
    assert.strictEqual(candidateFromSearch({ ...searchItem, user: null }, 'github.com')!.author, 'ghost');
    assert.strictEqual(
      candidateFromSearch({ ...searchItem, user: { login: 'dependabot[bot]' } }, 'github.com')!.author,
      'dependabot[bot]',
    );
  });

  it('candidateFromSearch skips issues and anything malformed', () => {
    const { pull_request: _pr, ...issue } = searchItem;
    assert.strictEqual(candidateFromSearch(issue, 'github.com'), undefined);
    assert.strictEqual(candidateFromSearch({ ...searchItem, pull_request: 'yes' }, 'github.com'), undefined);
    assert.strictEqual(
      candidateFromSearch({ ...searchItem, html_url: 'https://github.com/acme/app/issues/12' }, 'github.com'),
      undefined,
    );
    assert.strictEqual(candidateFromSearch({ ...searchItem, html_url: 42 }, 'github.com'), undefined);
    for (const junk of [null, undefined, 'x', 12, [], [searchItem], {}])
      assert.strictEqual(candidateFromSearch(junk, 'github.com'), undefined);
  });

  const pull = {
    url: 'https://api.github.com/repos/acme/app/pulls/12',
    number: 12,
    state: 'closed',
    title: 'Add retry to the importer',
    user: { login: 'alice' },
    body: 'Fixes #3',
    labels: [{ id: 1, name: 'bug', color: 'd73a4a' }, { id: 2, name: 'documentation' }, 'not a label', { name: 5 }],
    merged: true,
    merged_at: '2026-11-18T09:00:00Z',
    updated_at: '2026-11-18T10:00:00Z',
    additions: 10,
    deletions: 2,
    changed_files: 3,
    author_association: 'FIRST_TIME_CONTRIBUTOR',
  };

  it('factsFromPull reads a pull request', () => {
    assert.deepStrictEqual(factsFromPull(pull, REF), {
      ref: REF,
      title: 'Add retry to the importer',
      author: 'alice',
      mergedAt: '2026-11-18T09:00:00Z',
      updatedAt: '2026-11-18T10:00:00Z',
      state: 'merged',
      additions: 10,
      deletions: 2,
      changedFiles: 3,
      labels: ['bug', 'documentation'],
      body: 'Fixes #3',
      authorAssociation: 'FIRST_TIME_CONTRIBUTOR',
    });
  });

  it('factsFromPull: merged:true alone counts as merged; open and closed otherwise', () => {
    assert.strictEqual(factsFromPull({ ...pull, merged_at: null }, REF)!.state, 'merged');
    assert.strictEqual(factsFromPull({ ...pull, merged_at: null, merged: false }, REF)!.state, 'closed');
    assert.strictEqual(factsFromPull({ ...pull, merged_at: null, merged: false, state: 'open' }, REF)!.state, 'open');
  });

  it('factsFromPull drops sizes that are not counts and tolerates missing fields', () => {
    const f = factsFromPull(
      { number: 12, additions: -1, deletions: 1.5, changed_files: '3', labels: null, body: null, user: 'alice' },
      REF,
    )!;
    assert.strictEqual(f.additions, undefined);
    assert.strictEqual(f.deletions, undefined);
    assert.strictEqual(f.changedFiles, undefined);
    assert.deepStrictEqual(f.labels, []);
    assert.strictEqual(f.body, '');
    assert.strictEqual(f.title, '');
    assert.strictEqual(f.author, 'ghost');
    assert.strictEqual(f.state, 'open');
    assert.strictEqual(f.authorAssociation, undefined);
  });

  it('factsFromPull refuses what is not a pull request', () => {
    for (const junk of [
      null,
      'x',
      [],
      [pull],
      {},
      { message: 'Not Found' },
      { ...pull, number: '12' },
      { ...pull, number: -1 },
    ])
      assert.strictEqual(factsFromPull(junk, REF), undefined);
  });

  it('factsFromCandidate keeps what a search result knows', () => {
    const c = candidateFromSearch(searchItem, 'github.com')!;
    assert.deepStrictEqual(factsFromCandidate(c), {
      ...c,
      additions: undefined,
      deletions: undefined,
      changedFiles: undefined,
      labels: [],
      body: '',
      authorAssociation: undefined,
    });
  });

  it('filesFromJson keeps file names only', () => {
    assert.deepStrictEqual(
      filesFromJson([
        { filename: 'docs/a.md', status: 'modified' },
        { filename: 3 },
        null,
        'x',
        {},
        { filename: 'src/b.ts' },
      ]),
      ['docs/a.md', 'src/b.ts'],
    );
    assert.deepStrictEqual(filesFromJson([]), []);
  });

  it('lastReviewBy: my latest submitted review, by login in any case, pending ones aside', () => {
    const reviews = [
      { user: { login: 'Me' }, state: 'APPROVED', submitted_at: '2026-11-17T10:00:00Z' },
      { user: { login: 'me' }, state: 'COMMENTED', submitted_at: '2026-11-19T23:59:59Z' },
      { user: { login: 'me' }, state: 'PENDING', submitted_at: '2026-11-25T10:00:00Z' },
      { user: { login: 'bob' }, state: 'APPROVED', submitted_at: '2026-11-30T10:00:00Z' },
      { user: { login: 'me' }, state: 'APPROVED' },
      { user: { login: 'me' }, state: 'APPROVED', submitted_at: 'yesterday' },
      { user: null, state: 'APPROVED', submitted_at: '2026-12-01T00:00:00Z' },
      null,
      'x',
    ];
    assert.strictEqual(lastReviewBy(reviews, 'ME'), '2026-11-19');
    assert.strictEqual(lastReviewBy(reviews, 'carol'), undefined);
    assert.strictEqual(lastReviewBy([], 'me'), undefined);
  });

  it('dayOf reads the UTC day of an ISO timestamp', () => {
    assert.strictEqual(dayOf('2026-11-18T23:30:00Z'), '2026-11-18');
    assert.strictEqual(dayOf('2026-11-18'), '2026-11-18');
    for (const junk of [undefined, null, 5, '', 'Nov 18', '2026-11-18x']) assert.strictEqual(dayOf(junk), undefined);
  });

  it('coAuthorsFromCommits: other commit authors and Co-authored-by trailers, bots and the author aside', () => {
    const commits = [
      {
        sha: 'a',
        author: { login: 'alice' },
        commit: {
          message:
            'Retry\n\nCo-authored-by: Bob Smith <bob@example.com>\nco-authored-by: alice <a@example.com>\nCo-Authored-By: renovate[bot] <bot@example.com>',
        },
      },
      { sha: 'b', author: { login: 'carol' }, commit: { message: 'Tests' } },
      { sha: 'c', author: { login: 'dependabot[bot]' }, commit: { message: 'Bump' } },
      { sha: 'd', author: null, commit: { message: 'Fix\r\n\r\nCo-authored-by: Dan' } },
      { sha: 'e', author: { login: 'ALICE' }, commit: { message: 'More' } },
      { sha: 'f', author: { login: 'carol' }, commit: { message: 'Again' } },
      null,
      { commit: 5 },
    ];
    assert.deepStrictEqual(coAuthorsFromCommits(commits, 'Alice'), ['Bob Smith', 'carol', 'Dan']);
    assert.deepStrictEqual(coAuthorsFromCommits([], 'alice'), []);
  });

  it('linkedIssues: closing keywords in the same repository, by number or link', () => {
    const body =
      'Fixes #3, closes acme/app#4 and resolves other/repo#5. Fix: #6\nSee #7. Closes https://github.com/acme/app/issues/8, fixes https://github.com/other/x/issues/9, fixes #0, Fixed #3, prefix#10, unfixes #11, RESOLVED #12';
    assert.deepStrictEqual(linkedIssues(body, REF), [3, 4, 6, 8, 12]);
    assert.deepStrictEqual(linkedIssues('Closes ACME/App#2', REF), [2]);
    assert.deepStrictEqual(linkedIssues('', REF), []);
    assert.deepStrictEqual(linkedIssues('Related to #3', REF), []);
  });

  it('searchQueries: my merged pull requests and the reviews I gave, since a day', () => {
    assert.deepStrictEqual(searchQueries('alice', '2026-11-01'), {
      authored: 'is:pr author:alice is:merged merged:>=2026-11-01',
      reviewed: 'is:pr reviewed-by:alice -author:alice updated:>=2026-11-01',
    });
    assert.throws(() => searchQueries('alice is:public', '2026-11-01'), /Not a GitHub login/);
    assert.throws(() => searchQueries('', '2026-11-01'), /Not a GitHub login/);
  });
});

describe('evidence: nextLink', () => {
  const API = 'https://api.github.com';

  it('finds rel="next" among the links of a Link header', () => {
    const header =
      '<https://api.github.com/search/issues?q=x&page=1>; rel="prev", <https://api.github.com/search/issues?q=x&page=3>; rel="next", <https://api.github.com/search/issues?q=x&page=9>; rel="last"';
    assert.strictEqual(nextLink(header, API), 'https://api.github.com/search/issues?q=x&page=3');
    assert.strictEqual(nextLink('<https://api.github.com/x?page=2>; rel=next', API), 'https://api.github.com/x?page=2');
    assert.strictEqual(
      nextLink('<https://api.github.com/x?page=2>; rel="next last"', API),
      'https://api.github.com/x?page=2',
    );
  });

  it('stays on an Enterprise API’s origin', () => {
    assert.strictEqual(
      nextLink('<https://ghe.example.com/api/v3/x?page=2>; rel="next"', 'https://ghe.example.com/api/v3'),
      'https://ghe.example.com/api/v3/x?page=2',
    );
  });

  it('refuses a next link on another origin: another host, scheme or port', () => {
    assert.strictEqual(nextLink('<https://evil.example/x?page=2>; rel="next"', API), undefined);
    assert.strictEqual(nextLink('<http://api.github.com/x?page=2>; rel="next"', API), undefined);
    assert.strictEqual(nextLink('<https://api.github.com:8443/x?page=2>; rel="next"', API), undefined);
    assert.strictEqual(nextLink('<https://api.github.com.evil.example/x>; rel="next"', API), undefined);
    assert.strictEqual(
      nextLink('<https://ghe.example.com/x>; rel="next"', 'https://ghe.example.com.evil/api/v3'),
      undefined,
    );
  });

  it('no next link: none, last page, junk', () => {
    assert.strictEqual(nextLink(null, API), undefined);
    assert.strictEqual(nextLink(undefined, API), undefined);
    assert.strictEqual(nextLink('', API), undefined);
    assert.strictEqual(
      nextLink('<https://api.github.com/x?page=1>; rel="first", <https://api.github.com/x?page=1>; rel="prev"', API),
      undefined,
    );
    assert.strictEqual(nextLink('<https://api.github.com/x?page=2>; rel="nextish"', API), undefined);
    assert.strictEqual(nextLink('<not a url>; rel="next"', API), undefined);
    assert.strictEqual(nextLink('garbage', API), undefined);
  });
});

describe('evidence: suggestCircle', () => {
  it('a documentation-only change enables others', () => {
    assert.deepStrictEqual(
      suggestCircle(authored({}, { files: ['docs/guide.md', 'README.md', 'adr/0001-x.md', 'CHANGELOG'] })),
      { circle: 'enabling', reason: 'documentation-only change' },
    );
  });

  it('tooling, CI and docs enable others', () => {
    const s = suggestCircle(
      authored(
        {},
        {
          files: [
            '.github/workflows/ci.yml',
            'docs/a.md',
            'scripts/release.sh',
            'eslint.config.mjs',
            '.devcontainer/devcontainer.json',
          ],
        },
      ),
    );
    assert.strictEqual(s.circle, 'enabling');
    assert.match(s.reason, /tooling/);
  });

  it('code with docs is not enabling by itself', () => {
    assert.strictEqual(suggestCircle(authored({}, { files: ['src/a.ts', 'docs/a.md'] })).circle, 'individual');
    assert.strictEqual(suggestCircle(authored({}, { files: ['src/docs.ts'] })).circle, 'individual');
  });

  it('an enabling label, whatever its case and spacing', () => {
    assert.deepStrictEqual(suggestCircle(authored({ labels: ['bug', 'Documentation'] })), {
      circle: 'enabling',
      reason: 'labelled "Documentation"',
    });
    assert.strictEqual(suggestCircle(authored({ labels: [' good first issue '] })).circle, 'enabling');
    assert.strictEqual(suggestCircle(authored({ labels: ['developer experience'] })).circle, 'enabling');
    assert.strictEqual(suggestCircle(authored({ labels: ['bug', 'docs-needed'] })).circle, 'individual');
  });

  it('co-authors make it a collaboration (me aside)', () => {
    assert.deepStrictEqual(suggestCircle(authored({}, { coAuthors: ['bob'] })), {
      circle: 'collaboration',
      reason: 'co-authored with bob',
    });
    assert.strictEqual(
      suggestCircle(authored({}, { coAuthors: ['bob', 'carol', 'dan', 'erin'] })).reason,
      'co-authored with bob, carol and 2 more',
    );
    assert.strictEqual(suggestCircle(authored({}, { coAuthors: ['Me'] }), 'me').circle, 'individual');
  });

  it('closing an issue someone else opened makes it a collaboration', () => {
    assert.deepStrictEqual(suggestCircle(authored({}, { linkedIssueAuthors: ['alice', 'me', 'zed'] }), 'me'), {
      circle: 'collaboration',
      reason: 'closes an issue opened by @zed',
    });
    assert.strictEqual(
      suggestCircle(authored({}, { linkedIssueAuthors: ['ALICE'] })).circle,
      'individual',
      'the author’s own issue',
    );
    assert.strictEqual(
      suggestCircle(authored({}, { linkedIssueAuthors: ['me'] }), 'me').circle,
      'individual',
      'my own issue',
    );
  });

  it('docs before labels before co-authors before issues', () => {
    assert.strictEqual(
      suggestCircle(authored({ labels: ['docs'] }, { files: ['docs/a.md'], coAuthors: ['bob'] })).reason,
      'documentation-only change',
    );
    assert.strictEqual(
      suggestCircle(authored({ labels: ['tooling'] }, { coAuthors: ['bob'], linkedIssueAuthors: ['zed'] })).circle,
      'enabling',
    );
    assert.strictEqual(
      suggestCircle(authored({}, { coAuthors: ['bob'], linkedIssueAuthors: ['zed'] })).reason,
      'co-authored with bob',
    );
  });

  it('a review is a collaboration', () => {
    assert.deepStrictEqual(suggestCircle(reviewed()), { circle: 'collaboration', reason: "review of @bob's change" });
  });

  it('a review for a first-time contributor, or of an enabling change, enables others', () => {
    assert.deepStrictEqual(suggestCircle(reviewed({ authorAssociation: 'FIRST_TIME_CONTRIBUTOR' })), {
      circle: 'enabling',
      reason: 'review for a first-time contributor (@bob)',
    });
    assert.strictEqual(suggestCircle(reviewed({ authorAssociation: 'FIRST_TIMER' })).circle, 'enabling');
    assert.deepStrictEqual(suggestCircle(reviewed({ labels: ['tooling'] })), {
      circle: 'enabling',
      reason: 'review of a change labelled "tooling"',
    });
    assert.strictEqual(suggestCircle(reviewed({ authorAssociation: 'CONTRIBUTOR' })).circle, 'collaboration');
  });

  it('is my own change by default', () => {
    assert.deepStrictEqual(suggestCircle(authored()), { circle: 'individual', reason: 'your own change' });
    assert.deepStrictEqual(suggestCircle(authored({}, { files: [], coAuthors: [], linkedIssueAuthors: [] })), {
      circle: 'individual',
      reason: 'your own change',
    });
  });
});

describe('evidence: escapeInline and unescapeInline', () => {
  const cases: [string, string][] = [
    ['Add retry to the importer', 'Add retry to the importer'],
    ['a *b* _c_ snake_case', 'a \\*b\\* \\_c\\_ snake_case'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[x](http://evil.example)', '\\[x\\](`http://evil.example)`'],
    ['![img](x.png)', '!\\[img\\](x.png)'],
    ['Fix `parse()` in #12', 'Fix \\`parse()\\` in \\#12'],
    ['#1 in the list', '\\#1 in the list'],
    ['~~s~~ $x$ &amp; &#35; \\', '\\~\\~s\\~\\~ \\$x\\$ \\&amp; &\\#35; \\\\'],
    ['1. first', '1\\. first'],
    ['2) second', '2\\) second'],
    ['- dash', '\\- dash'],
    ['+ plus', '\\+ plus'],
    ['-dash', '-dash'],
    ['> quote', '\\> quote'],
    ['Review: sneaky', 'Review\\: sneaky'],
    [
      'see https://x.y/z?a=b and www.foo.com and me@x.io and mailto:a@b.c ok',
      'see `https://x.y/z?a=b` and `www.foo.com` and `me@x.io` and `mailto:a@b.c` ok',
    ],
    ['v2https://evil.example', '`v2https://evil.example`'],
    ['1https://evil.example', '1`https://evil.example`'],
    ['x_www.evil.example', 'x\\_`www.evil.example`'],
    ['snake_www.evil.example/x_y', 'snake\\_`www.evil.example/x_y`'],
    ['_http://evil.example', '\\_`http://evil.example`'],
    ['line\nbreak\r\nand\u2028sep\u202ebidi\ttab\u0000nul', 'line break and sep bidi tab nul'],
    ['  padded  ', 'padded'],
    ['👩🏽‍💻 ships', '👩🏽‍💻 ships'],
  ];

  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)}`, () => {
      assert.strictEqual(escapeInline(input), expected);
    });
  }

  it('reads every escaped title back', () => {
    for (const [input] of cases) {
      // Controls, bidi marks and line separators become spaces; the zero-width joiner of emoji stays.
      const normalized = input
        .replace(/(?!\u200d)[\p{Cc}\p{Cf}\u2028]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      assert.strictEqual(unescapeInline(escapeInline(input)), normalized, input);
    }
  });

  it('cuts at 200 code points with an ellipsis, never inside a surrogate pair', () => {
    const s = escapeInline('🎉'.repeat(300));
    assert.strictEqual([...s].length, 200);
    assert.ok(s.endsWith('🎉…'));
    assert.strictEqual(escapeInline('x'.repeat(200)), 'x'.repeat(200));
    assert.strictEqual(escapeInline('x'.repeat(201)), `${'x'.repeat(199)}…`);
    assert.strictEqual(escapeInline('abcdef', 4), 'abc…');
  });

  it('unescapeInline keeps code spans’ content and lone backticks', () => {
    assert.strictEqual(unescapeInline('a `b\\c` d'), 'a b\\c d');
    assert.strictEqual(unescapeInline('`` a ` b ``'), 'a ` b');
    assert.strictEqual(unescapeInline('lone ` tick'), 'lone ` tick');
    assert.strictEqual(unescapeInline('\\a stays'), '\\a stays');
  });
});

describe('evidence: blankCodeSpans and tags next to escaped backticks', () => {
  it('blanks code spans as CommonMark reads them, keeping the length', () => {
    assert.strictEqual(blankCodeSpans('a `b` c'), 'a     c');
    assert.strictEqual(blankCodeSpans('a ``b ` c`` d'), `a ${' '.repeat(9)} d`);
    assert.strictEqual(blankCodeSpans('a \\`b` c'), 'a \\`b` c', 'an escaped backtick opens nothing');
    assert.strictEqual(blankCodeSpans('a \\` `b` c'), 'a \\`     c');
    assert.strictEqual(blankCodeSpans('``a` b'), '``a` b', 'runs of different lengths do not close');
    assert.strictEqual(blankCodeSpans('`a\\` b'), `${' '.repeat(4)} b`, 'backslashes are literal inside code spans');
  });

  it('a title cannot smuggle a tag in past an escaped backtick', () => {
    const text = renderWin({
      evidence: authored({ title: '` http://x(#impact/enabling #goal/x' }),
      circle: 'individual',
    });
    assert.deepStrictEqual(extractTags(text), ['win', 'impact/individual']);
    assert.strictEqual(parseWin(text).circle, 'individual');
    assert.strictEqual(parseWin(text).goal, undefined);
  });

  it('extractTags still skips code spans and link targets, and finds tags after a lone backtick', () => {
    assert.deepStrictEqual(extractTags('`#no` [x](http://y/#no) #yes'), ['yes']);
    assert.deepStrictEqual(extractTags('\\` #private \\`'), ['private']);
    assert.deepStrictEqual(extractTags('`a\\` #private `b`'), ['private']);
    assert.deepStrictEqual(extractTags('``#no`` #yes'), ['yes']);
  });
});

describe('evidence: renderWin, renderPendingWin and parseWin', () => {
  it('renders my merged pull request as one line', () => {
    assert.strictEqual(
      renderWin({ evidence: authored(), circle: 'individual' }),
      'Add retry to the importer — [acme/app#12](https://github.com/acme/app/pull/12), merged 2026-11-18, +10/-2 lines, 3 files #win #impact/individual',
    );
  });

  it('renders a review with its author and the day of my review', () => {
    assert.strictEqual(
      renderWin({ evidence: reviewed(), circle: 'collaboration' }),
      'Review: Add retry to the importer by @bob — [acme/app#12](https://github.com/acme/app/pull/12), reviewed 2026-11-17, merged 2026-11-18, +10/-2 lines, 3 files #win #impact/collaboration',
    );
    assert.match(renderWin({ evidence: reviewed({ author: 'a b' }), circle: 'collaboration' }), / by @ghost — /);
    assert.match(
      renderWin({ evidence: reviewed({ author: 'dependabot[bot]' }), circle: 'collaboration' }),
      / by @dependabot\[bot\] — /,
    );
  });

  it('says what it knows of the state and size', () => {
    const line = (over: Partial<PullRequestFacts>): string =>
      renderWin({ evidence: authored(over), circle: 'enabling' });
    assert.match(line({ changedFiles: 1 }), /, \+10\/-2 lines, 1 file #win/);
    assert.match(line({ changedFiles: undefined }), /, \+10\/-2 lines #win/);
    assert.match(line({ additions: undefined }), /, merged 2026-11-18 #win/);
    assert.match(line({ state: 'open', mergedAt: undefined }), /, not merged yet,/);
    assert.match(line({ state: 'closed', mergedAt: undefined }), /, closed without merging,/);
    assert.match(line({ state: 'merged', mergedAt: undefined }), /\), merged, \+10/);
  });

  it('an empty or invisible title reads as Untitled pull request', () => {
    for (const title of ['', '   ', '\u200b\u202e', '\n\t']) {
      const line = renderWin({ evidence: authored({ title }), circle: 'individual' });
      assert.ok(line.startsWith('Untitled pull request — [acme/app#12]'), JSON.stringify(line));
    }
  });

  it('adds a goal tag for a usable goal slug, and #enrich when details are missing', () => {
    assert.match(
      renderWin({ evidence: authored(), circle: 'individual', goal: 'learn-rust' }, true),
      /#win #impact\/individual #goal\/learn-rust #enrich$/,
    );
    assert.match(
      renderWin({ evidence: authored(), circle: 'individual', goal: 'bad goal' }),
      /#win #impact\/individual$/,
    );
    assert.match(renderWin({ evidence: authored(), circle: 'individual', goal: '#x' }), /#win #impact\/individual$/);
  });

  it('renders a pending win: the link, marked to enrich', () => {
    assert.strictEqual(
      renderPendingWin(REF),
      '[acme/app#12](https://github.com/acme/app/pull/12) — details to fetch #win #enrich',
    );
    assert.strictEqual(
      renderPendingWin(REF, 'individual', 'learn-rust'),
      '[acme/app#12](https://github.com/acme/app/pull/12) — details to fetch #win #impact/individual #goal/learn-rust #enrich',
    );
  });

  it('parseWin reads back a win', () => {
    assert.deepStrictEqual(parseWin(renderWin({ evidence: authored(), circle: 'individual', goal: 'learn-rust' })), {
      ref: REF,
      url: 'https://github.com/acme/app/pull/12',
      title: 'Add retry to the importer',
      review: false,
      merged: '2026-11-18',
      circle: 'individual',
      pending: false,
      goal: 'learn-rust',
    });
  });

  it('parseWin reads back a review', () => {
    const parsed = parseWin(renderWin({ evidence: reviewed({ title: 'Thanks by @carol' }), circle: 'collaboration' }));
    assert.strictEqual(parsed.review, true);
    assert.strictEqual(parsed.title, 'Thanks by @carol');
    assert.strictEqual(parsed.circle, 'collaboration');
  });

  it('parseWin keeps a title ending in "by @someone" on my own pull request', () => {
    assert.strictEqual(
      parseWin(renderWin({ evidence: authored({ title: 'Pairing session by @bob' }), circle: 'individual' })).title,
      'Pairing session by @bob',
    );
  });

  it('parseWin reads back a pending win', () => {
    const parsed = parseWin(renderPendingWin({ ...REF, host: 'ghe.example.com:8443' }, 'enabling', 'learn-rust'));
    assert.deepStrictEqual(parsed.ref, { ...REF, host: 'ghe.example.com:8443' });
    assert.strictEqual(parsed.url, 'https://ghe.example.com:8443/acme/app/pull/12');
    assert.strictEqual(parsed.pending, true);
    assert.strictEqual(parsed.circle, 'enabling');
    assert.strictEqual(parsed.goal, 'learn-rust');
    assert.strictEqual(parsed.title, 'acme/app#12');
  });

  it('parseWin reads hand-written wins', () => {
    assert.deepStrictEqual(parseWin('Shipped the thing #win'), {
      ref: undefined,
      url: undefined,
      title: 'Shipped the thing',
      review: false,
      merged: undefined,
      circle: undefined,
      pending: false,
      goal: undefined,
    });
    const linked = parseWin('Shipped [acme/app#12](https://github.com/acme/app/pull/12/files?x=1) #win #impact/bogus');
    assert.deepStrictEqual(linked.ref, REF);
    assert.strictEqual(linked.url, 'https://github.com/acme/app/pull/12');
    assert.strictEqual(linked.circle, undefined, 'not a circle');
  });

  it('parseWin ignores links in code spans and links whose number does not match', () => {
    assert.strictEqual(parseWin('see `[acme/app#12](https://github.com/acme/app/pull/12)` #win').ref, undefined);
    assert.strictEqual(parseWin('[acme/app#13](https://github.com/acme/app/pull/12)').ref, undefined);
    assert.strictEqual(parseWin('[acme/app#12](https://github.com/acme/app/issues/12)').ref, undefined);
  });

  it('a title cannot pass for the link, the merge day or the tags', () => {
    const title = '[evil/x#9](https://github.com/evil/x/pull/9) merged 2001-01-01 #impact/enabling #enrich';
    const parsed = parseWin(renderWin({ evidence: authored({ title }), circle: 'individual' }));
    assert.deepStrictEqual(parsed.ref, REF);
    assert.strictEqual(parsed.merged, '2026-11-18');
    assert.strictEqual(parsed.circle, 'individual');
    assert.strictEqual(parsed.pending, false);
    assert.strictEqual(parsed.title, title);
  });

  it('isCircle', () => {
    for (const c of ['individual', 'collaboration', 'enabling']) assert.ok(isCircle(c));
    for (const c of ['', 'Individual', 'impact/individual', 5, undefined]) assert.ok(!isCircle(c));
  });
});

describe('evidence: goalProgressText', () => {
  it('merged, reviewed and opened pull requests', () => {
    assert.strictEqual(
      goalProgressText('2026-11-20', { evidence: authored(), circle: 'individual' }),
      '2026-11-20: Merged [acme/app#12](https://github.com/acme/app/pull/12) Add retry to the importer',
    );
    assert.strictEqual(
      goalProgressText('2026-11-20', { evidence: reviewed(), circle: 'collaboration' }),
      '2026-11-20: Reviewed [acme/app#12](https://github.com/acme/app/pull/12) Add retry to the importer',
    );
    assert.strictEqual(
      goalProgressText('2026-11-20', {
        evidence: authored({ state: 'open', mergedAt: undefined }),
        circle: 'individual',
      }),
      '2026-11-20: Opened [acme/app#12](https://github.com/acme/app/pull/12) Add retry to the importer',
    );
  });

  it('escapes the title, and names an untitled one', () => {
    assert.strictEqual(
      goalProgressText('2026-11-20', { evidence: authored({ title: '<b>#x</b>\nnext' }), circle: 'individual' }),
      '2026-11-20: Merged [acme/app#12](https://github.com/acme/app/pull/12) \\<b\\>\\#x\\</b\\> next',
    );
    assert.match(
      goalProgressText('2026-11-20', { evidence: authored({ title: ' ' }), circle: 'individual' }),
      /\) Untitled pull request$/,
    );
  });
});

describe('edits: replaceItemText', () => {
  function replaced(text: string, line: number, old: string, next: string): string {
    const result = replaceItemText(parseDocument(text), line, old, next);
    if ('error' in result) throw new Error(`unexpected refusal: ${result.error}`);
    return applyEdits(text, result.edits);
  }
  function refused(text: string, line: number, old: string): string {
    const result = replaceItemText(parseDocument(text), line, old, 'new');
    assert.ok('error' in result, 'expected a refusal');
    return result.error;
  }

  const pending = renderPendingWin(REF, 'individual');
  const enriched = renderWin({ evidence: authored(), circle: 'individual' });

  it('replaces a pending win with its details, and nothing else', () => {
    const text = `---\ndate: 2026-11-24\n---\n\n## Wins\n\n- ${pending}\n- other\n\n## Notes\n`;
    assert.strictEqual(
      replaced(text, 6, pending, enriched),
      `---\ndate: 2026-11-24\n---\n\n## Wins\n\n- ${enriched}\n- other\n\n## Notes\n`,
    );
  });

  it('keeps CRLF line breaks', () => {
    const text = `## Wins\r\n\r\n- ${pending}\r\n- b\r\n`;
    assert.strictEqual(replaced(text, 2, pending, enriched), `## Wins\r\n\r\n- ${enriched}\r\n- b\r\n`);
  });

  it('keeps a file without a final newline that way, and a BOM', () => {
    assert.strictEqual(replaced(`## Wins\n\n- ${pending}`, 2, pending, enriched), `## Wins\n\n- ${enriched}`);
    assert.strictEqual(
      replaced(`\uFEFF## Wins\n- ${pending}\n`, 1, pending, enriched),
      `\uFEFF## Wins\n- ${enriched}\n`,
    );
  });

  it('keeps the marker, the checkbox, the indentation and trailing spaces', () => {
    assert.strictEqual(
      replaced(`## Wins\n\n- [x] ${pending}\n`, 2, pending, enriched),
      `## Wins\n\n- [x] ${enriched}\n`,
    );
    assert.strictEqual(
      replaced(`## Wins\n\n  * [ ]   ${pending}  \n`, 2, pending, enriched),
      `## Wins\n\n  * [ ]   ${enriched}  \n`,
    );
    assert.strictEqual(
      replaced(`## Wins\n\n1. ${pending}\n   body stays\n`, 2, pending, enriched),
      `## Wins\n\n1. ${enriched}\n   body stays\n`,
    );
  });

  it('finds an item that moved, when its text is unique', () => {
    const text = `## Wins\n\nAn added paragraph.\n\n- ${pending}\n`;
    assert.strictEqual(replaced(text, 2, pending, enriched), `## Wins\n\nAn added paragraph.\n\n- ${enriched}\n`);
  });

  it('refuses when the item is gone, edited or ambiguous', () => {
    assert.match(refused('## Wins\n\n- something else\n', 2, pending), /no longer there/);
    assert.match(refused(`## Wins\n\n- ${pending} edited\n`, 2, pending), /no longer there/);
    assert.match(refused(`## Wins\n\n- x\n- ${pending}\n- ${pending}\n`, 2, pending), /no longer there/);
  });

  it('refuses a file that does not parse safely', () => {
    assert.match(refused(`---\ndate: x\n- ${pending}\n`, 2, pending), /front matter/);
    assert.match(refused(`## Wins\n\n- ${pending}\n\n\`\`\`\nopen fence\n`, 2, pending), /never closed/);
  });

  it('makes a multi-line text one line', () => {
    assert.strictEqual(replaced('- a\n', 0, 'a', 'one\ntwo\r\nthree\u2028four '), '- one two three four\n');
  });

  it('the index sees the enriched win in place of the pending one', () => {
    const text = `---\ndate: 2026-11-24\nstatus: done\n---\n\n## Wins\n\n- ${pending}\n`;
    const before = summarize('meetings/alex-kim/2026-11-24.md', parseDocument(text)).wins;
    const after = summarize(
      'meetings/alex-kim/2026-11-24.md',
      parseDocument(replaced(text, 7, pending, enriched)),
    ).wins;
    assert.strictEqual(before.length, 1);
    assert.strictEqual(after.length, 1);
    assert.deepStrictEqual(before[0]!.tags, ['win', 'impact/individual', 'enrich']);
    assert.deepStrictEqual(after[0]!.tags, ['win', 'impact/individual']);
    assert.strictEqual(after[0]!.text, enriched);
  });
});

// The GitHub REST client and what gather.ts builds on it, against a local
// HTTP server on 127.0.0.1 (never the internet): headers, pagination, every
// kind of failure, and the candidate and evidence logic over realistic answers.

import * as assert from 'assert';
import * as http from 'http';
import { AddressInfo } from 'net';
import { PullRequestRef } from '../../src/core/evidence';
import { gatherEvidence, listCandidates, mapLimit } from '../../src/host/github/gather';
import { GitHubClient, GitHubClientOptions, GitHubError } from '../../src/host/github/client';

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;

/**
 * A local server whose answers each test sets; it records every request.
 * Each test gets a fresh one (a new port, so a new origin): fetch never
 * reuses a connection a previous test left hanging or dropped.
 */
class FakeApi {
  private server: http.Server | undefined;
  handler: Handler = (_req, res) => json(res, 404, { message: 'Not Found' });
  seen: Seen[] = [];

  async start(): Promise<void> {
    this.handler = (_req, res) => json(res, 404, { message: 'Not Found' });
    this.seen = [];
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      this.seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers });
      res.setHeader('connection', 'close');
      this.handler(req, res, url);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  reset(handler: Handler): void {
    this.handler = handler;
    this.seen = [];
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // Requests a test left hanging end here.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** The GitHubError a promise rejects with (failing when it resolves or rejects with something else). */
async function failure(promise: Promise<unknown>): Promise<GitHubError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GitHubError, `not a GitHubError: ${String(error)}`);
    return error;
  }
  return assert.fail('expected a GitHubError');
}

const FIXED_NOW = new Date('2026-11-20T12:00:00Z');
const TOKEN = 'ghp_SECRET_do_not_log_0123456789';

describe('GitHubClient against a local server', () => {
  const api = new FakeApi();
  const client = (options: Partial<GitHubClientOptions> = {}): GitHubClient =>
    new GitHubClient({ apiBase: api.base, now: () => FIXED_NOW, timeoutMs: 2_000, ...options });

  beforeEach(() => api.start());
  afterEach(() => api.stop());
  after(() => api.stop());

  describe('requests', () => {
    it('sends the token as a Bearer Authorization header when one is given, with the GitHub media type', async () => {
      api.reset((_req, res) => json(res, 200, { login: 'octocat' }));
      assert.strictEqual(await client({ token: TOKEN }).viewer(), 'octocat');
      assert.strictEqual(api.seen.length, 1);
      assert.strictEqual(api.seen[0]!.path, '/user');
      assert.strictEqual(api.seen[0]!.headers['authorization'], `Bearer ${TOKEN}`);
      assert.strictEqual(api.seen[0]!.headers['accept'], 'application/vnd.github+json');
      assert.strictEqual(client({ token: TOKEN }).authenticated, true);
    });

    it('sends no Authorization header without a token', async () => {
      api.reset((_req, res) => json(res, 200, { login: 'octocat' }));
      await client().viewer();
      await client({ token: '' }).viewer();
      assert.strictEqual(api.seen.length, 2);
      for (const s of api.seen) assert.strictEqual(s.headers['authorization'], undefined);
      assert.strictEqual(client().authenticated, false);
    });

    it('joins paths to an API base with a path and a trailing slash, and sets the query', async () => {
      api.reset((_req, res) => json(res, 200, { ok: true }));
      const page = await new GitHubClient({ apiBase: `${api.base}/api/v3/`, timeoutMs: 2_000 }).get('/search/issues', {
        q: 'is:pr author:me',
        per_page: 5,
      });
      assert.deepStrictEqual(page, { json: { ok: true }, next: undefined });
      assert.strictEqual(api.seen[0]!.path, '/api/v3/search/issues');
      assert.strictEqual(api.seen[0]!.query.get('q'), 'is:pr author:me');
      assert.strictEqual(api.seen[0]!.query.get('per_page'), '5');
    });

    it('encodes owner and repository in pull request paths', async () => {
      api.reset((_req, res) => json(res, 200, { number: 7 }));
      await client().pull({ host: 'github.com', owner: 'acme', repo: 'app.js', number: 7 });
      assert.strictEqual(api.seen[0]!.path, '/repos/acme/app.js/pulls/7');
    });

    it('viewer fails when the answer names nobody', async () => {
      api.reset((_req, res) => json(res, 200, { id: 1 }));
      assert.strictEqual((await failure(client().viewer())).kind, 'failed');
    });

    it('issueAuthor reads the issue opener, undefined when there is none', async () => {
      api.reset((_req, res, url) =>
        json(res, 200, url.pathname.endsWith('/3') ? { user: { login: 'zed' } } : { user: null }),
      );
      const ref: PullRequestRef = { host: 'github.com', owner: 'acme', repo: 'app', number: 12 };
      assert.strictEqual(await client().issueAuthor(ref, 3), 'zed');
      assert.strictEqual(await client().issueAuthor(ref, 4), undefined);
      assert.deepStrictEqual(
        api.seen.map((s) => s.path),
        ['/repos/acme/app/issues/3', '/repos/acme/app/issues/4'],
      );
    });

    it('does not carry the token along a redirect to another origin', async () => {
      const other = new FakeApi();
      await other.start();
      try {
        other.reset((_req, res) => json(res, 200, { login: 'elsewhere' }));
        api.reset((_req, res) => {
          res.writeHead(302, { location: `${other.base}/user` });
          res.end();
        });
        assert.strictEqual(await client({ token: TOKEN }).viewer(), 'elsewhere');
        assert.strictEqual(api.seen[0]!.headers['authorization'], `Bearer ${TOKEN}`);
        assert.strictEqual(other.seen.length, 1);
        assert.strictEqual(other.seen[0]!.headers['authorization'], undefined);
      } finally {
        await other.stop();
      }
    });
  });

  describe('pagination', () => {
    it('follows Link rel="next" through three pages, and stops at the last', async () => {
      api.reset((_req, res, url) => {
        const page = Number(url.searchParams.get('page') ?? '1');
        const link = (p: number, rel: string): string =>
          `<${api.base}/repos/acme/app/pulls/1/reviews?per_page=100&page=${p}>; rel="${rel}"`;
        const links = [
          page > 1 ? link(page - 1, 'prev') : '',
          page < 3 ? link(page + 1, 'next') : '',
          link(3, 'last'),
          link(1, 'first'),
        ].filter((l) => l !== '');
        json(res, 200, [{ id: page * 10 + 1 }, { id: page * 10 + 2 }], { link: links.join(', ') });
      });
      const items = await client({ token: TOKEN }).list('/repos/acme/app/pulls/1/reviews', {}, 10);
      assert.deepStrictEqual(items, [{ id: 11 }, { id: 12 }, { id: 21 }, { id: 22 }, { id: 31 }, { id: 32 }]);
      assert.deepStrictEqual(
        api.seen.map((s) => s.query.get('page')),
        [null, '2', '3'],
      );
      assert.strictEqual(api.seen[0]!.query.get('per_page'), '100');
      for (const s of api.seen) assert.strictEqual(s.headers['authorization'], `Bearer ${TOKEN}`);
    });

    it('reads the items of search answers and stops at maxPages', async () => {
      api.reset((_req, res, url) => {
        const page = Number(url.searchParams.get('page') ?? '1');
        json(
          res,
          200,
          { total_count: 1000, incomplete_results: false, items: [{ n: page }] },
          { link: `<${api.base}/search/issues?q=x&page=${page + 1}>; rel="next"` },
        );
      });
      const items = await client().searchIssues('is:pr', 2);
      assert.deepStrictEqual(items, [{ n: 1 }, { n: 2 }]);
      assert.strictEqual(api.seen.length, 2);
      assert.strictEqual(api.seen[0]!.query.get('q'), 'is:pr');
      assert.strictEqual(api.seen[0]!.query.get('sort'), 'updated');
      assert.strictEqual(api.seen[0]!.query.get('order'), 'desc');
    });

    it('refuses a next link on another origin: the token never goes there', async () => {
      const other = new FakeApi();
      await other.start();
      try {
        other.reset((_req, res) => json(res, 200, [{ stolen: true }]));
        api.reset((_req, res) =>
          json(res, 200, [{ id: 1 }], { link: `<${other.base}/repos/acme/app/pulls?page=2>; rel="next"` }),
        );
        const items = await client({ token: TOKEN }).list('/repos/acme/app/pulls', {}, 5);
        assert.deepStrictEqual(items, [{ id: 1 }]);
        assert.strictEqual(other.seen.length, 0);
      } finally {
        await other.stop();
      }
    });

    it('fails when a list answer is not a list', async () => {
      api.reset((_req, res) => json(res, 200, { message: 'not a list' }));
      const error = await failure(client().list('/repos/acme/app/pulls', {}, 1));
      assert.strictEqual(error.kind, 'failed');
      assert.strictEqual(error.isTransient, false);
    });
  });

  describe('failures', () => {
    it('401 → unauthorized, with GitHub’s message and never the token', async () => {
      api.reset((_req, res) =>
        json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }),
      );
      const error = await failure(client({ token: TOKEN }).viewer());
      assert.strictEqual(error.kind, 'unauthorized');
      assert.strictEqual(error.status, 401);
      assert.strictEqual(error.isTransient, false);
      assert.match(error.message, /Bad credentials/);
      assert.ok(!error.message.includes(TOKEN) && !String(error.stack).includes(TOKEN));
    });

    it('403 without a rate limit (SSO, scopes) → unauthorized', async () => {
      api.reset((_req, res) =>
        json(
          res,
          403,
          { message: 'Resource protected by organization SAML enforcement.' },
          { 'x-ratelimit-remaining': '4999' },
        ),
      );
      const error = await failure(client().viewer());
      assert.strictEqual(error.kind, 'unauthorized');
      assert.strictEqual(error.status, 403);
    });

    it('404 → not-found', async () => {
      api.reset((_req, res) => json(res, 404, { message: 'Not Found' }));
      const error = await failure(client().pull({ host: 'github.com', owner: 'acme', repo: 'app', number: 404 }));
      assert.strictEqual(error.kind, 'not-found');
      assert.strictEqual(error.status, 404);
      assert.strictEqual(error.isTransient, false);
    });

    it('403 with x-ratelimit-remaining: 0 → rate-limited, resetting at x-ratelimit-reset', async () => {
      const reset = Date.UTC(2026, 10, 20, 12, 30, 0) / 1000;
      api.reset((_req, res) =>
        json(
          res,
          403,
          { message: 'API rate limit exceeded for user ID 1.' },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': String(reset) },
        ),
      );
      const error = await failure(client().viewer());
      assert.strictEqual(error.kind, 'rate-limited');
      assert.strictEqual(error.status, 403);
      assert.strictEqual(error.isTransient, true);
      assert.strictEqual(error.resetAt?.toISOString(), '2026-11-20T12:30:00.000Z');
    });

    it('429 with retry-after → rate-limited, resetting that many seconds from now', async () => {
      api.reset((_req, res) =>
        json(res, 429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '90' }),
      );
      const error = await failure(client().viewer());
      assert.strictEqual(error.kind, 'rate-limited');
      assert.strictEqual(error.status, 429);
      assert.strictEqual(error.resetAt?.toISOString(), '2026-11-20T12:01:30.000Z');
    });

    it('403 whose message names a secondary rate limit → rate-limited without a reset time', async () => {
      api.reset((_req, res) =>
        json(res, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' }),
      );
      const error = await failure(client().viewer());
      assert.strictEqual(error.kind, 'rate-limited');
      assert.strictEqual(error.resetAt, undefined);
    });

    it('500 and 502 → offline (transient)', async () => {
      for (const status of [500, 502]) {
        api.reset((_req, res) => {
          res.writeHead(status, { 'content-type': 'text/html' });
          res.end('<html>Unicorn!</html>');
        });
        const error = await failure(client().viewer());
        assert.strictEqual(error.kind, 'offline');
        assert.strictEqual(error.status, status);
        assert.strictEqual(error.isTransient, true);
      }
    });

    it('another 4xx → failed, with GitHub’s message on one line', async () => {
      api.reset((_req, res) => json(res, 422, { message: 'Validation\nFailed' }));
      const error = await failure(client().searchIssues('is:pr'));
      assert.strictEqual(error.kind, 'failed');
      assert.strictEqual(error.status, 422);
      assert.match(error.message, /Validation Failed/);
    });

    it('a connection dropped mid-response → offline', async () => {
      api.reset((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"login": "oct');
        setTimeout(() => req.socket.destroy(), 20);
      });
      const error = await failure(client().viewer());
      assert.strictEqual(error.kind, 'offline');
      assert.strictEqual(error.isTransient, true);
    });

    it('a connection dropped before any answer → offline', async () => {
      api.reset((req) => req.socket.destroy());
      const error = await failure(client().viewer());
      assert.strictEqual(error.kind, 'offline');
    });

    it('a refused connection → offline', async () => {
      const gone = new FakeApi();
      await gone.start();
      const base = gone.base;
      await gone.stop();
      const error = await failure(new GitHubClient({ apiBase: base, timeoutMs: 2_000 }).viewer());
      assert.strictEqual(error.kind, 'offline');
    });

    it('a server that never answers → timeout after timeoutMs', async () => {
      api.reset(() => undefined);
      const error = await failure(client({ timeoutMs: 200 }).viewer());
      assert.strictEqual(error.kind, 'timeout');
      assert.strictEqual(error.isTransient, true);
      assert.strictEqual(api.seen.length, 1);
    });

    it('a body that stalls after the headers → timeout', async () => {
      api.reset((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"login":');
      });
      const error = await failure(client({ timeoutMs: 200 }).viewer());
      assert.strictEqual(error.kind, 'timeout');
    });

    it('aborting the signal → cancelled, while waiting for an answer', async () => {
      api.reset(() => undefined);
      const controller = new AbortController();
      const pending = failure(client({ signal: controller.signal }).viewer());
      setTimeout(() => controller.abort(), 30);
      const error = await pending;
      assert.strictEqual(error.kind, 'cancelled');
      assert.strictEqual(error.isTransient, false);
    });

    it('an already-aborted signal → cancelled, without a request', async () => {
      api.reset((_req, res) => json(res, 200, { login: 'octocat' }));
      const controller = new AbortController();
      controller.abort();
      const error = await failure(client({ signal: controller.signal }).viewer());
      assert.strictEqual(error.kind, 'cancelled');
      assert.strictEqual(api.seen.length, 0);
    });

    it('a body that is not JSON → failed', async () => {
      api.reset((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>Sign in</title>');
      });
      const error = await failure(client().viewer());
      assert.strictEqual(error.kind, 'failed');
      assert.strictEqual(error.status, 200);
      assert.strictEqual(error.isTransient, false);
    });
  });
});

// ---------------------------------------------------------------------------
// gather.ts

const ME = 'me';
const SINCE = '2026-11-01';

function searchItem(
  owner: string,
  repo: string,
  number: number,
  author: string,
  mergedAt: string | null,
  extra: Record<string, unknown> = {},
): unknown {
  return {
    url: `https://api.github.com/repos/${owner}/${repo}/issues/${number}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
    number,
    title: `PR ${owner}/${repo}#${number}`,
    user: { login: author, type: 'User' },
    state: mergedAt ? 'closed' : 'open',
    updated_at: mergedAt ?? '2026-11-15T00:00:00Z',
    pull_request: {
      url: `https://api.github.com/repos/${owner}/${repo}/pulls/${number}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
      merged_at: mergedAt,
    },
    ...extra,
  };
}

function review(login: string, submittedAt: string, state = 'APPROVED'): unknown {
  return { id: 1, user: { login }, state, submitted_at: submittedAt, body: '' };
}

function pullJson(number: number, author: string, extra: Record<string, unknown> = {}): unknown {
  return {
    number,
    title: `Pull ${number}`,
    user: { login: author },
    state: 'closed',
    merged: true,
    merged_at: '2026-11-18T09:00:00Z',
    updated_at: '2026-11-18T10:00:00Z',
    additions: 10,
    deletions: 2,
    changed_files: 3,
    labels: [],
    body: '',
    author_association: 'MEMBER',
    ...extra,
  };
}

describe('gather: listCandidates and gatherEvidence against a local server', () => {
  const api = new FakeApi();
  const client = (options: Partial<GitHubClientOptions> = {}): GitHubClient =>
    new GitHubClient({ apiBase: api.base, token: TOKEN, now: () => FIXED_NOW, timeoutMs: 2_000, ...options });
  const REF: PullRequestRef = { host: 'github.com', owner: 'acme', repo: 'app', number: 12 };

  beforeEach(() => api.start());
  afterEach(() => api.stop());
  after(() => api.stop());

  it('listCandidates: my merged pull requests since the day, newest first; reviews of others with my review on or after it', async () => {
    api.reset((_req, res, url) => {
      const q = url.searchParams.get('q') ?? '';
      if (url.pathname === '/search/issues' && q.includes(`author:${ME} is:merged`)) {
        json(res, 200, {
          total_count: 5,
          items: [
            searchItem('acme', 'app', 1, ME, '2026-11-05T10:00:00Z'),
            searchItem('acme', 'app', 2, ME, '2026-11-19T08:00:00Z'),
            searchItem('acme', 'app', 3, ME, '2026-10-31T23:59:59Z'), // before the day
            searchItem('acme', 'app', 2, ME, '2026-11-19T08:00:00Z'), // the same one twice
            searchItem('acme', 'lib', 4, ME, '2026-11-12T00:00:00Z'),
            { html_url: 'https://github.com/acme/app/issues/5', title: 'An issue', user: { login: ME } }, // not a pull request
          ],
        });
        return;
      }
      if (url.pathname === '/search/issues') {
        json(res, 200, {
          items: [
            searchItem('acme', 'app', 20, 'bob', '2026-11-10T00:00:00Z'),
            searchItem('acme', 'app', 21, 'carol', null),
            searchItem('acme', 'app', 22, 'dave', '2026-11-02T00:00:00Z'),
            searchItem('acme', 'app', 23, 'ME', null), // mine after all (case differs)
          ],
        });
        return;
      }
      const reviews = /^\/repos\/acme\/app\/pulls\/(\d+)\/reviews$/.exec(url.pathname);
      if (reviews) {
        const page = Number(url.searchParams.get('page') ?? '1');
        const next = (n: number): http.OutgoingHttpHeaders => ({
          link: `<${api.base}${url.pathname}?per_page=100&page=${n}>; rel="next"`,
        });
        switch (reviews[1]) {
          case '20': // my review is on page 2
            if (page === 1)
              json(
                res,
                200,
                [review('bob', '2026-11-03T00:00:00Z', 'COMMENTED'), review('erin', '2026-11-04T00:00:00Z')],
                next(2),
              );
            else
              json(res, 200, [
                review(ME, '2026-11-09T00:00:00Z', 'CHANGES_REQUESTED'),
                review('Me', '2026-11-11T00:00:00Z'),
              ]);
            return;
          case '21': // reviewed exactly on the day
            json(res, 200, [review(ME, '2026-11-01T00:00:00Z'), review(ME, '2026-11-30T00:00:00Z', 'PENDING')]);
            return;
          case '22': // my review was before the day
            json(res, 200, [review(ME, '2026-10-30T00:00:00Z')]);
            return;
        }
      }
      json(res, 404, { message: 'Not Found' });
    });

    const { authored, reviewed } = await listCandidates(client(), 'github.com', ME, SINCE);
    assert.deepStrictEqual(
      api.seen
        .filter((s) => s.path === '/search/issues')
        .map((s) => s.query.get('q'))
        .sort(),
      [`is:pr author:${ME} is:merged merged:>=${SINCE}`, `is:pr reviewed-by:${ME} -author:${ME} updated:>=${SINCE}`],
    );
    assert.deepStrictEqual(
      authored.map((c) => [c.ref.repo, c.ref.number, c.state]),
      [
        ['app', 2, 'merged'],
        ['lib', 4, 'merged'],
        ['app', 1, 'merged'],
      ],
    );
    assert.deepStrictEqual(authored[0]!.ref, { host: 'github.com', owner: 'acme', repo: 'app', number: 2 });
    assert.strictEqual(authored[0]!.author, ME);
    assert.deepStrictEqual(
      reviewed.map((r) => [r.candidate.ref.number, r.candidate.author, r.reviewedAt]),
      [
        [20, 'bob', '2026-11-11'],
        [21, 'carol', '2026-11-01'],
      ],
    );
    // Pages 1 and 2 of #20's reviews were read; my own #23 was never looked at.
    const reviewPaths = api.seen.filter((s) => s.path.endsWith('/reviews'));
    assert.deepStrictEqual(reviewPaths.map((s) => `${s.path}?${s.query.get('page') ?? 1}`).sort(), [
      '/repos/acme/app/pulls/20/reviews?1',
      '/repos/acme/app/pulls/20/reviews?2',
      '/repos/acme/app/pulls/21/reviews?1',
      '/repos/acme/app/pulls/22/reviews?1',
    ]);
    for (const s of api.seen) assert.strictEqual(s.headers['authorization'], `Bearer ${TOKEN}`);
  });

  it('listCandidates puts search results on the host it was asked about (a GHE host with a port)', async () => {
    api.reset((_req, res, url) => {
      const q = url.searchParams.get('q') ?? '';
      if (q.includes('is:merged'))
        json(res, 200, {
          items: [
            searchItem('acme', 'app', 1, ME, '2026-11-05T10:00:00Z', {
              html_url: 'https://ghe.example.com:8443/acme/app/pull/1',
            }),
          ],
        });
      else json(res, 200, { items: [] });
    });
    const { authored, reviewed } = await listCandidates(client(), 'ghe.example.com:8443', ME, SINCE);
    assert.deepStrictEqual(
      authored.map((c) => c.ref),
      [{ host: 'ghe.example.com:8443', owner: 'acme', repo: 'app', number: 1 }],
    );
    assert.deepStrictEqual(reviewed, []);
  });

  it('listCandidates fails as the search fails', async () => {
    api.reset((_req, res) => json(res, 401, { message: 'Bad credentials' }));
    assert.strictEqual((await failure(listCandidates(client(), 'github.com', ME, SINCE))).kind, 'unauthorized');
  });

  it('gatherEvidence: someone else’s pull request that I reviewed is a review, dated by my last review', async () => {
    api.reset((_req, res, url) => {
      if (url.pathname === '/repos/acme/app/pulls/12')
        json(res, 200, pullJson(12, 'bob', { author_association: 'FIRST_TIME_CONTRIBUTOR' }));
      else if (url.pathname === '/repos/acme/app/pulls/12/reviews')
        json(res, 200, [
          review(ME, '2026-11-16T10:00:00Z'),
          review(ME, '2026-11-17T10:00:00Z', 'COMMENTED'),
          review('carol', '2026-11-19T10:00:00Z'),
        ]);
      else json(res, 404, { message: 'Not Found' });
    });
    const evidence = await gatherEvidence(client(), REF, ME);
    assert.strictEqual(evidence.kind, 'reviewed');
    assert.strictEqual(evidence.reviewedAt, '2026-11-17');
    assert.strictEqual(evidence.pr.author, 'bob');
    assert.strictEqual(evidence.pr.authorAssociation, 'FIRST_TIME_CONTRIBUTOR');
    assert.deepStrictEqual(evidence.pr.ref, REF);
    // Files and commits are not needed for a review.
    assert.deepStrictEqual(
      api.seen.map((s) => s.path),
      ['/repos/acme/app/pulls/12', '/repos/acme/app/pulls/12/reviews'],
    );
  });

  it('gatherEvidence: a known review date skips the reviews endpoint', async () => {
    api.reset((_req, res, url) =>
      url.pathname === '/repos/acme/app/pulls/12' ? json(res, 200, pullJson(12, 'bob')) : json(res, 500, {}),
    );
    const evidence = await gatherEvidence(client(), REF, ME, '2026-11-15');
    assert.strictEqual(evidence.kind, 'reviewed');
    assert.strictEqual(evidence.reviewedAt, '2026-11-15');
    assert.strictEqual(api.seen.length, 1);
  });

  it('gatherEvidence: my own pull request, with files, co-authors and the authors of the issues it closes', async () => {
    api.reset((_req, res, url) => {
      switch (url.pathname) {
        case '/repos/acme/app/pulls/12':
          return json(
            res,
            200,
            pullJson(12, ME, {
              body: 'Fixes #3 and closes https://github.com/acme/app/issues/4; see other/repo#5',
              labels: [{ name: 'bug' }],
            }),
          );
        case '/repos/acme/app/pulls/12/files':
          return json(res, 200, [
            { filename: 'src/importer.ts', additions: 8 },
            { filename: 'docs/importer.md', additions: 2 },
          ]);
        case '/repos/acme/app/pulls/12/commits':
          return json(res, 200, [
            {
              sha: 'a',
              author: { login: ME },
              commit: { message: 'Retry\n\nCo-authored-by: Bob Smith <bob@example.com>' },
            },
            { sha: 'b', author: { login: 'carol' }, commit: { message: 'Tests' } },
          ]);
        case '/repos/acme/app/issues/3':
          return json(res, 200, { number: 3, user: { login: 'zed' } });
        case '/repos/acme/app/issues/4':
          return json(res, 404, { message: 'Not Found' });
        default:
          return json(res, 404, { message: 'Not Found' });
      }
    });
    const evidence = await gatherEvidence(client(), REF, 'ME');
    assert.strictEqual(evidence.kind, 'authored');
    assert.deepStrictEqual(evidence.files, ['src/importer.ts', 'docs/importer.md']);
    assert.deepStrictEqual(evidence.coAuthors, ['Bob Smith', 'carol']);
    assert.deepStrictEqual(evidence.linkedIssueAuthors, ['zed']);
    assert.deepStrictEqual(evidence.pr.labels, ['bug']);
    assert.ok(!api.seen.some((s) => s.path.endsWith('/reviews')), 'no reviews needed for my own pull request');
  });

  it('gatherEvidence survives failing files and commits endpoints', async () => {
    api.reset((req, res, url) => {
      if (url.pathname === '/repos/acme/app/pulls/12') json(res, 200, pullJson(12, ME));
      else if (url.pathname.endsWith('/files')) json(res, 500, { message: 'Server Error' });
      else if (url.pathname.endsWith('/commits')) req.socket.destroy();
      else json(res, 404, { message: 'Not Found' });
    });
    const evidence = await gatherEvidence(client(), REF, ME);
    assert.strictEqual(evidence.kind, 'authored');
    assert.strictEqual(evidence.files, undefined);
    assert.deepStrictEqual(evidence.coAuthors, []);
    assert.deepStrictEqual(evidence.linkedIssueAuthors, []);
    assert.strictEqual(evidence.pr.additions, 10);
  });

  it('gatherEvidence: someone else’s pull request I did not review counts as mine, with them as a collaborator', async () => {
    api.reset((_req, res, url) => {
      if (url.pathname === '/repos/acme/app/pulls/12') json(res, 200, pullJson(12, 'bob'));
      else if (url.pathname.endsWith('/reviews')) json(res, 200, [review('carol', '2026-11-16T10:00:00Z')]);
      else if (url.pathname.endsWith('/commits'))
        json(res, 200, [
          { author: { login: ME }, commit: { message: 'my part' } },
          { author: { login: 'dave' }, commit: { message: 'x' } },
        ]);
      else if (url.pathname.endsWith('/files')) json(res, 200, [{ filename: 'src/a.ts' }]);
      else json(res, 404, {});
    });
    const evidence = await gatherEvidence(client(), REF, ME);
    assert.strictEqual(evidence.kind, 'authored');
    assert.deepStrictEqual(evidence.coAuthors, ['bob', 'dave']);
  });

  it('gatherEvidence without a login counts the pull request as mine', async () => {
    api.reset((_req, res, url) =>
      url.pathname === '/repos/acme/app/pulls/12' ? json(res, 200, pullJson(12, 'bob')) : json(res, 200, []),
    );
    const evidence = await gatherEvidence(client({ token: undefined }), REF, undefined);
    assert.strictEqual(evidence.kind, 'authored');
    assert.deepStrictEqual(evidence.coAuthors, []);
    assert.ok(!api.seen.some((s) => s.path.endsWith('/reviews')));
  });

  it('gatherEvidence fails when the pull request itself cannot be read', async () => {
    api.reset((_req, res) => json(res, 404, { message: 'Not Found' }));
    assert.strictEqual((await failure(gatherEvidence(client(), REF, ME))).kind, 'not-found');
    api.reset((_req, res) => json(res, 200, { message: 'this is not a pull request' }));
    assert.strictEqual((await failure(gatherEvidence(client(), REF, ME))).kind, 'failed');
  });

  it('gatherEvidence stops when cancelled, even in an optional request', async () => {
    const controller = new AbortController();
    api.reset((_req, res, url) => {
      if (url.pathname === '/repos/acme/app/pulls/12') {
        json(res, 200, pullJson(12, ME));
        return;
      }
      // Files and commits hang until the user cancels.
      setTimeout(() => controller.abort(), 10);
    });
    const error = await failure(gatherEvidence(client({ signal: controller.signal }), REF, ME));
    assert.strictEqual(error.kind, 'cancelled');
  });
});

describe('gather: mapLimit', () => {
  it('keeps the order of the results and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    assert.deepStrictEqual(out, [50, 10, 40, 20, 30, 0]);
    assert.strictEqual(peak, 2);
  });

  it('handles no items and a limit above the count', async () => {
    assert.deepStrictEqual(await mapLimit([], 4, async () => 1), []);
    assert.deepStrictEqual(await mapLimit(['a'], 4, async (s) => s.toUpperCase()), ['A']);
  });

  it('rejects with the first failure', async () => {
    await assert.rejects(
      mapLimit([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('boom');
        return n;
      }),
      /boom/,
    );
  });
});

// A local stand-in for GitHub's REST API (v3), for the integration tests of
// "Link Pull Requests as Wins": a real HTTP server on 127.0.0.1 that answers
// the handful of endpoints the extension calls, in GitHub's shapes, with
// GitHub's pagination (`Link: <…>; rel="next"`), and fails on demand the ways
// GitHub and networks fail (404, 401, a 403 rate limit, a 500, a dropped
// connection). Every request is recorded, Authorization header included, so
// the tests can tell what was asked and with which credentials.
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';

export interface FakeReview {
  readonly login: string;
  readonly state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING';
  readonly submittedAt: string;
}

export interface FakeCommit {
  readonly login: string;
  readonly message: string;
}

export interface FakePull {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly title: string;
  readonly author: string;
  /** ISO timestamp; null for a pull request that is open or was closed without merging. */
  readonly mergedAt: string | null;
  readonly state: 'open' | 'closed';
  readonly updatedAt: string;
  readonly additions: number;
  readonly deletions: number;
  readonly files: readonly string[];
  readonly labels: readonly string[];
  readonly body: string;
  readonly authorAssociation: string;
  readonly commits: readonly FakeCommit[];
  readonly reviews: readonly FakeReview[];
}

export type FailureMode =
  /** 404 Not Found, as GitHub answers for a private repository without access. */
  | 'not-found'
  /** 401 Bad credentials. */
  | 'unauthorized'
  /** 403 with x-ratelimit-remaining: 0 and x-ratelimit-reset. */
  | 'rate-limit'
  /** 500 Internal Server Error. */
  | 'server-error'
  /** The connection is closed without an answer. */
  | 'drop';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** The query string's parameters. */
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
}

/** The login the fake token belongs to. */
export const ME = 'octo-me';
/** The only token the fake accepts. */
export const TEST_TOKEN = 'test-token';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  /** Seconds since the epoch sent in `x-ratelimit-reset` by the rate-limit failure. */
  rateLimitReset = Math.floor(Date.now() / 1000) + 3600;
  private readonly pulls = new Map<string, FakePull>();
  private readonly issues = new Map<string, string>();
  private readonly failures: { readonly path: string; readonly mode: FailureMode }[] = [];
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.origin;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  addPull(pull: FakePull): void {
    this.pulls.set(key(pull.owner, pull.repo, pull.number), pull);
  }

  pull(owner: string, repo: string, number: number): FakePull {
    const found = this.pulls.get(key(owner, repo, number));
    if (!found) throw new Error(`no fake pull request ${owner}/${repo}#${number}`);
    return found;
  }

  addIssue(owner: string, repo: string, number: number, author: string): void {
    this.issues.set(key(owner, repo, number), author);
  }

  /** Makes requests to `path` (and everything below it; `*` for all) fail the given way until `recover`. */
  fail(path: string, mode: FailureMode): void {
    this.failures.push({ path, mode });
  }

  recover(): void {
    this.failures.length = 0;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  requestsTo(prefix: string): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.path === prefix || r.path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
    );
  }

  // -------------------------------------------------------------------------

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    const path = decodeURIComponent(url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const authorization = req.headers['authorization'];
    this.requests.push({ method: req.method ?? 'GET', path, query, authorization });

    const failure = this.failures.find((f) => f.path === '*' || path === f.path || path.startsWith(`${f.path}/`));
    if (failure) return this.failWith(failure.mode, req, res);
    if (req.method !== 'GET') return this.json(res, 404, { message: 'Not Found' });
    // Like GitHub: a wrong token is refused everywhere; no token is fine for public data.
    if (authorization !== undefined && authorization !== `Bearer ${TEST_TOKEN}`)
      return this.json(res, 401, { message: 'Bad credentials' });

    if (path === '/user') {
      return authorization
        ? this.json(res, 200, { login: ME, id: 1, type: 'User' })
        : this.json(res, 401, { message: 'Requires authentication' });
    }
    if (path === '/search/issues') return this.search(url, res);

    const m = /^\/repos\/([^/]+)\/([^/]+)\/(pulls|issues)\/(\d+)(?:\/(files|commits|reviews))?$/.exec(path);
    if (!m) return this.json(res, 404, { message: 'Not Found' });
    const [, owner, repo, kind, num, sub] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
      string | undefined,
    ];
    if (kind === 'issues') {
      const author = this.issues.get(key(owner, repo, Number(num)));
      if (author === undefined) return this.json(res, 404, { message: 'Not Found' });
      return this.json(res, 200, {
        number: Number(num),
        title: `Issue ${num}`,
        user: { login: author },
        state: 'closed',
      });
    }
    const pull = this.pulls.get(key(owner, repo, Number(num)));
    if (!pull) return this.json(res, 404, { message: 'Not Found' });
    if (sub === 'files')
      return this.page(
        url,
        res,
        pull.files.map((filename) => ({ filename, status: 'modified', additions: 1, deletions: 0 })),
      );
    if (sub === 'commits')
      return this.page(
        url,
        res,
        pull.commits.map((c, i) => ({
          sha: `${i}`.padStart(40, '0'),
          author: { login: c.login },
          commit: { message: c.message },
        })),
      );
    if (sub === 'reviews')
      return this.page(
        url,
        res,
        pull.reviews.map((r, i) => ({
          id: i + 1,
          user: { login: r.login },
          state: r.state,
          submitted_at: r.submittedAt,
        })),
      );
    return this.json(res, 200, this.pullJson(pull));
  }

  private pullJson(p: FakePull): unknown {
    return {
      url: `${this.origin}/repos/${p.owner}/${p.repo}/pulls/${p.number}`,
      html_url: `https://github.com/${p.owner}/${p.repo}/pull/${p.number}`,
      number: p.number,
      state: p.state,
      title: p.title,
      user: { login: p.author },
      body: p.body,
      labels: p.labels.map((name, i) => ({ id: i + 1, name })),
      created_at: p.updatedAt,
      updated_at: p.updatedAt,
      closed_at: p.state === 'closed' ? p.updatedAt : null,
      merged_at: p.mergedAt,
      merged: p.mergedAt !== null,
      author_association: p.authorAssociation,
      additions: p.additions,
      deletions: p.deletions,
      changed_files: p.files.length,
      commits: p.commits.length,
    };
  }

  /** `/search/issues`: the qualifiers the extension uses (`is:pr`, `is:merged`, `author:`, `-author:`, `reviewed-by:`, `merged:>=`, `updated:>=`). */
  private search(url: URL, res: http.ServerResponse): void {
    const q = url.searchParams.get('q') ?? '';
    let found = [...this.pulls.values()];
    for (const term of q.split(/\s+/).filter(Boolean)) {
      const [, neg, name, value] = /^(-?)([a-z-]+):(.*)$/.exec(term) ?? [];
      if (!name) continue;
      const test = (p: FakePull): boolean => {
        switch (name) {
          case 'is':
            return value === 'pr'
              ? true
              : value === 'merged'
                ? p.mergedAt !== null
                : value === 'open'
                  ? p.state === 'open'
                  : true;
          case 'author':
            return p.author.toLowerCase() === value!.toLowerCase();
          case 'reviewed-by':
            return p.reviews.some((r) => r.login.toLowerCase() === value!.toLowerCase() && r.state !== 'PENDING');
          case 'merged':
            return p.mergedAt !== null && compare(p.mergedAt.slice(0, 10), value!);
          case 'updated':
            return compare(p.updatedAt.slice(0, 10), value!);
          default:
            return true;
        }
      };
      found = found.filter((p) => (neg ? !test(p) : test(p)));
    }
    // sort=updated&order=desc, the only order the extension asks for
    found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.number - a.number);
    const items = found.map((p) => ({
      url: `${this.origin}/repos/${p.owner}/${p.repo}/issues/${p.number}`,
      html_url: `https://github.com/${p.owner}/${p.repo}/pull/${p.number}`,
      number: p.number,
      title: p.title,
      user: { login: p.author },
      state: p.state,
      updated_at: p.updatedAt,
      pull_request: {
        url: `${this.origin}/repos/${p.owner}/${p.repo}/pulls/${p.number}`,
        html_url: `https://github.com/${p.owner}/${p.repo}/pull/${p.number}`,
        merged_at: p.mergedAt,
      },
    }));
    const { slice, link } = this.paginate(url, items);
    this.json(res, 200, { total_count: items.length, incomplete_results: false, items: slice }, link);
  }

  private page(url: URL, res: http.ServerResponse, items: readonly unknown[]): void {
    const { slice, link } = this.paginate(url, items);
    this.json(res, 200, slice, link);
  }

  private paginate<T>(url: URL, items: readonly T[]): { slice: T[]; link: string | undefined } {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const at = (n: number): string => {
      const u = new URL(url.pathname + url.search, this.origin);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return u.toString();
    };
    const links: string[] = [];
    if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
    return {
      slice: items.slice((page - 1) * perPage, page * perPage),
      link: links.length > 0 ? links.join(', ') : undefined,
    };
  }

  private failWith(mode: FailureMode, req: http.IncomingMessage, res: http.ServerResponse): void {
    switch (mode) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'not-found':
        return this.json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      case 'unauthorized':
        return this.json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      case 'server-error':
        return this.json(res, 500, { message: 'Server Error' });
      case 'rate-limit':
        res.setHeader('x-ratelimit-limit', '60');
        res.setHeader('x-ratelimit-remaining', '0');
        res.setHeader('x-ratelimit-used', '60');
        res.setHeader('x-ratelimit-reset', String(this.rateLimitReset));
        return this.json(res, 403, {
          message: `API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit.)`,
        });
    }
  }

  private json(res: http.ServerResponse, status: number, body: unknown, link?: string): void {
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(text));
    if (link) res.setHeader('link', link);
    res.end(text);
  }
}

function key(owner: string, repo: string, number: number): string {
  return `${owner}/${repo}#${number}`.toLowerCase();
}

/** A search date qualifier: `>=D`, `>D`, `<=D`, `<D` or `D`. */
function compare(day: string, qualifier: string): boolean {
  const m = /^(>=|<=|>|<)?(\d{4}-\d{2}-\d{2})$/.exec(qualifier);
  if (!m) return true;
  const [, op, d] = m as unknown as [string, string | undefined, string];
  return op === '>=' ? day >= d : op === '>' ? day > d : op === '<=' ? day <= d : op === '<' ? day < d : day === d;
}

// ---------------------------------------------------------------------------
// The fixture: one account's recent work, dated relative to `now`.

export interface PullOptions extends Partial<Omit<FakePull, 'owner' | 'repo' | 'number'>> {
  readonly owner?: string;
  readonly repo?: string;
}

/** A merged pull request of mine with everyday details, overridable. */
export function pullRequest(number: number, options: PullOptions = {}): FakePull {
  const mergedAt = options.mergedAt === undefined ? new Date(Date.now() - 40 * DAY).toISOString() : options.mergedAt;
  return {
    owner: options.owner ?? 'acme',
    repo: options.repo ?? 'app',
    number,
    title: options.title ?? `Change number ${number}`,
    author: options.author ?? ME,
    mergedAt,
    state: options.state ?? (mergedAt === null ? 'open' : 'closed'),
    updatedAt: options.updatedAt ?? mergedAt ?? new Date(Date.now() - DAY).toISOString(),
    additions: options.additions ?? 10,
    deletions: options.deletions ?? 2,
    files: options.files ?? ['src/app.ts', 'src/retry.ts', 'test/retry.test.ts'],
    labels: options.labels ?? [],
    body: options.body ?? '',
    authorAssociation: options.authorAssociation ?? 'MEMBER',
    commits: options.commits ?? [{ login: options.author ?? ME, message: 'Work' }],
    reviews: options.reviews ?? [],
  };
}

/** Hostile titles: markdown that would link, render HTML, open code spans, headings, lists, tags. */
export const HOSTILE_TITLES = {
  link: '[Click me](https://evil.example/steal?c=1) <img src=x onerror=alert(1)> <script>alert(1)</script>',
  markdown: '`rm -rf /` **bold** _em_ ~~strike~~ $(zap) #urgent #impact/enabling',
  lines: 'Fix retry\n\n---\n\n## Notes\n\n- [ ] injected task\r\nlast line',
  list: '- [ ] looks like a task',
} as const;

export const RECENT: { readonly first: number; readonly last: number; readonly linked: number } = {
  /** My pull requests acme/app#1001–#1120 are merged within the last 10 days (#1120 newest); 120 > 100 per page. */
  first: 1001,
  last: 1120,
  /** Already linked in Morgan's next meeting: not offered again. */
  linked: 1003,
};

/**
 * My work as the search sees it: 120 merged pull requests in the last ten
 * days (two search pages), two older ones and one closed without merging
 * (none of the three listed), and three pull requests of others I reviewed —
 * two recently (one of them with my review on the second page of its
 * reviews), one only before the last meeting.
 */
export function seedRecentWork(gh: FakeGitHub, now = Date.now()): void {
  for (let n = RECENT.first; n <= RECENT.last; n++) {
    const mergedAt = new Date(now - (RECENT.last - n + 1) * 2 * HOUR).toISOString();
    const docs = n === RECENT.first;
    gh.addPull(
      pullRequest(n, {
        title:
          n === RECENT.last ? 'Cache the search index' : docs ? 'Document the search API' : `Search improvement ${n}`,
        mergedAt,
        additions: n === RECENT.last ? 120 : 5,
        deletions: n === RECENT.last ? 30 : 1,
        files: docs
          ? ['docs/search.md', 'README.md']
          : n === RECENT.last
            ? ['src/search/index.ts', 'src/search/cache.ts', 'src/search/cache.test.ts', 'src/search/types.ts']
            : ['src/search.ts'],
      }),
    );
  }
  gh.addPull(
    pullRequest(990, { title: 'Older work, before the last 1:1', mergedAt: new Date(now - 20 * DAY).toISOString() }),
  );
  gh.addPull(pullRequest(991, { title: 'Much older work', mergedAt: new Date(now - 30 * DAY).toISOString() }));
  gh.addPull(
    pullRequest(995, {
      title: 'Abandoned attempt',
      mergedAt: null,
      state: 'closed',
      updatedAt: new Date(now - 2 * DAY).toISOString(),
    }),
  );
  // Reviews I gave.
  const others = (count: number, at: number): FakeReview[] =>
    Array.from({ length: count }, (_, i) => ({
      login: `reviewer-${i % 7}`,
      state: 'COMMENTED' as const,
      submittedAt: new Date(at - (count - i) * 60_000).toISOString(),
    }));
  gh.addPull(
    pullRequest(77, {
      repo: 'api',
      title: 'Rate-limit the export endpoint',
      author: 'dana-dev',
      mergedAt: new Date(now - 2 * DAY).toISOString(),
      additions: 40,
      deletions: 8,
      // 120 reviews by others first: mine is on the second page.
      reviews: [
        ...others(120, now - 3 * DAY),
        { login: ME, state: 'APPROVED', submittedAt: new Date(now - 3 * DAY).toISOString() },
      ],
    }),
  );
  gh.addPull(
    pullRequest(78, {
      repo: 'api',
      title: 'Paginate the audit log',
      author: 'eli-dev',
      mergedAt: null,
      updatedAt: new Date(now - 1 * DAY).toISOString(),
      reviews: [{ login: ME, state: 'CHANGES_REQUESTED', submittedAt: new Date(now - 1 * DAY).toISOString() }],
    }),
  );
  gh.addPull(
    pullRequest(60, {
      repo: 'api',
      title: 'Reviewed long ago, touched lately',
      author: 'fay-dev',
      mergedAt: null,
      updatedAt: new Date(now - 1 * DAY).toISOString(),
      reviews: [{ login: ME, state: 'APPROVED', submittedAt: new Date(now - 30 * DAY).toISOString() }],
    }),
  );
}

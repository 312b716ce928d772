// GitHub's REST API (v3) over the platform's own `fetch`: the same code runs
// in the desktop extension host and on vscode.dev, and every GitHub
// Enterprise Server version serves these endpoints. Failures become one
// `GitHubError` with a kind the commands act on. The token is only ever put
// in a request header: never in a message, a log line or an error.

import { nextLink, PullRequestRef } from '../../core/evidence';
import { l10n } from '../../core/l10n';

export type GitHubErrorKind =
  /** No answer: no network, DNS failure, refused or dropped connection, a 5xx. */
  | 'offline'
  | 'timeout'
  /** 401, or 403 without a rate limit (SSO, missing scope). */
  | 'unauthorized'
  | 'not-found'
  | 'rate-limited'
  /** The user cancelled. */
  | 'cancelled'
  /** Any other answer we cannot use. */
  | 'failed';

export class GitHubError extends Error {
  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    readonly status?: number,
    /** Rate limits: when the limit resets. */
    readonly resetAt?: Date,
  ) {
    super(message);
    this.name = 'GitHubError';
  }

  /** Failures after which a link is kept and filled in later. */
  get isTransient(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'rate-limited';
  }
}

export interface GitHubClientOptions {
  /** REST API base, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  readonly apiBase: string;
  readonly token?: string | undefined;
  /** Per request, in milliseconds; default 15 s. */
  readonly timeoutMs?: number;
  /** Stops every request in flight (the user cancelled). */
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

export interface Page {
  readonly json: unknown;
  readonly next: string | undefined;
}

export class GitHubClient {
  private readonly base: string;

  constructor(private readonly options: GitHubClientOptions) {
    this.base = options.apiBase.replace(/\/+$/, '');
  }

  get authenticated(): boolean {
    return this.options.token !== undefined;
  }

  /** One GET; `path` is relative to the API base, or a full `next` address from a Link header. */
  async get(path: string, query?: Readonly<Record<string, string | number>>): Promise<Page> {
    const url = new URL(/^https?:\/\//.test(path) ? path : `${this.base}${path}`);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/vnd.github+json' };
    if (this.options.token) headers['Authorization'] = `Bearer ${this.options.token}`;
    const outer = this.options.signal;
    // Cancelled before this request: its abort event has fired already, and would never reach it.
    if (outer?.aborted) throw new GitHubError('cancelled', l10n.t('Cancelled.'));
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs ?? 15_000);
    const onAbort = (): void => timeout.abort();
    outer?.addEventListener('abort', onAbort);
    const what = `${url.pathname}`;
    try {
      let response: Response;
      try {
        response = await fetch(url, { headers, signal: timeout.signal, redirect: 'follow' });
      } catch (error) {
        throw this.noAnswer(error, outer, what);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw this.noAnswer(error, outer, what);
      }
      if (!response.ok) throw this.failure(response, text, what);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new GitHubError('failed', l10n.t("GitHub's answer for {0} was not JSON.", what), response.status);
      }
      return { json, next: nextLink(response.headers.get('link'), this.base) };
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Every page of a list (or of a search's `items`), following `Link: rel="next"`
   * up to `maxPages` pages.
   */
  async list(path: string, query: Readonly<Record<string, string | number>>, maxPages: number): Promise<unknown[]> {
    const out: unknown[] = [];
    let page: Page = await this.get(path, { per_page: 100, ...query });
    for (let n = 1; ; n++) {
      const json = page.json;
      const items = Array.isArray(json)
        ? json
        : Array.isArray((json as { items?: unknown })?.items)
          ? (json as { items: unknown[] }).items
          : undefined;
      if (!items) throw new GitHubError('failed', l10n.t("GitHub's answer for {0} was not a list.", path));
      out.push(...items);
      if (!page.next || n >= maxPages) return out;
      page = await this.get(page.next);
    }
  }

  async viewer(): Promise<string> {
    const { json } = await this.get('/user');
    const login = (json as { login?: unknown } | null)?.login;
    if (typeof login !== 'string') throw new GitHubError('failed', l10n.t('GitHub did not say who is signed in.'));
    return login;
  }

  searchIssues(q: string, maxPages = 3): Promise<unknown[]> {
    return this.list('/search/issues', { q, sort: 'updated', order: 'desc' }, maxPages);
  }

  async pull(ref: PullRequestRef): Promise<unknown> {
    return (await this.get(`${repoPath(ref)}/pulls/${ref.number}`)).json;
  }

  pullFiles(ref: PullRequestRef): Promise<unknown[]> {
    return this.list(`${repoPath(ref)}/pulls/${ref.number}/files`, {}, 1);
  }

  pullCommits(ref: PullRequestRef): Promise<unknown[]> {
    return this.list(`${repoPath(ref)}/pulls/${ref.number}/commits`, {}, 1);
  }

  pullReviews(ref: PullRequestRef): Promise<unknown[]> {
    return this.list(`${repoPath(ref)}/pulls/${ref.number}/reviews`, {}, 5);
  }

  async issueAuthor(ref: PullRequestRef, issue: number): Promise<string | undefined> {
    const { json } = await this.get(`${repoPath(ref)}/issues/${issue}`);
    const login = (json as { user?: { login?: unknown } } | null)?.user?.login;
    return typeof login === 'string' ? login : undefined;
  }

  private noAnswer(error: unknown, outer: AbortSignal | undefined, what: string): GitHubError {
    if (outer?.aborted) return new GitHubError('cancelled', l10n.t('Cancelled.'));
    if (error instanceof Error && error.name === 'AbortError')
      return new GitHubError('timeout', l10n.t('GitHub did not answer in time ({0}).', what));
    // fetch reports network failures as a TypeError whose `cause` names the socket error.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return new GitHubError(
      'offline',
      cause ? l10n.t('GitHub could not be reached: {0}.', cause) : l10n.t('GitHub could not be reached.'),
    );
  }

  private failure(response: Response, body: string, what: string): GitHubError {
    const status = response.status;
    const apiMessage = messageOf(body);
    const remaining = response.headers.get('x-ratelimit-remaining');
    const retryAfter = Number(response.headers.get('retry-after'));
    if (
      (status === 403 || status === 429) &&
      (remaining === '0' || (Number.isFinite(retryAfter) && retryAfter > 0) || /rate limit/i.test(apiMessage))
    ) {
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      const now = this.options.now?.() ?? new Date();
      const resetAt =
        Number.isFinite(reset) && reset > 0
          ? new Date(reset * 1000)
          : Number.isFinite(retryAfter) && retryAfter > 0
            ? new Date(now.getTime() + retryAfter * 1000)
            : undefined;
      return new GitHubError('rate-limited', l10n.t('GitHub’s rate limit was reached.'), status, resetAt);
    }
    if (status === 401 || status === 403)
      return new GitHubError(
        'unauthorized',
        apiMessage
          ? l10n.t('GitHub refused access ({0}: {1}).', status, apiMessage)
          : l10n.t('GitHub refused access ({0}).', status),
        status,
      );
    if (status === 404) return new GitHubError('not-found', l10n.t('GitHub answered 404 for {0}.', what), status);
    if (status >= 500) return new GitHubError('offline', l10n.t('GitHub is having trouble ({0}).', status), status);
    return new GitHubError(
      'failed',
      apiMessage
        ? l10n.t('GitHub answered {0} for {1}: {2}.', status, what, apiMessage)
        : l10n.t('GitHub answered {0} for {1}.', status, what),
      status,
    );
  }
}

function repoPath(ref: PullRequestRef): string {
  return `/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}`;
}

/** GitHub's `message` from an error body, short and on one line (it is shown to the user). */
function messageOf(body: string): string {
  try {
    const m = (JSON.parse(body) as { message?: unknown } | null)?.message;
    if (typeof m === 'string') return m.replace(/\s+/g, ' ').trim().slice(0, 160);
  } catch {
    // not JSON
  }
  return '';
}

// GitHub's REST answers, read defensively: they are untrusted input, so every
// field is checked for its type and anything odd is dropped, not thrown on.
// Also the search queries and the pagination links used to ask.

import { isLogin, parsePullRequestUrl, PullRequestRef } from './pull-request-ref';

export interface PullRequestCandidate {
  readonly ref: PullRequestRef;
  readonly title: string;
  readonly author: string;
  readonly mergedAt: string | undefined;
  readonly updatedAt: string | undefined;
  readonly state: 'open' | 'closed' | 'merged';
}

export interface PullRequestFacts extends PullRequestCandidate {
  readonly additions: number | undefined;
  readonly deletions: number | undefined;
  readonly changedFiles: number | undefined;
  readonly labels: readonly string[];
  readonly body: string;
  readonly authorAssociation: string | undefined;
}

export interface Evidence {
  readonly kind: 'authored' | 'reviewed';
  readonly pr: PullRequestFacts;
  /** Reviews: when I last reviewed it (YYYY-MM-DD). */
  readonly reviewedAt?: string;
  /** File paths, when fetched (the first page is enough to tell docs-only changes). */
  readonly files?: readonly string[];
  /** People other than the author who wrote commits or co-authored them. */
  readonly coAuthors?: readonly string[];
  /** Authors of the issues the pull request closes. */
  readonly linkedIssueAuthors?: readonly string[];
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** `YYYY-MM-DD` of an ISO timestamp, in UTC as GitHub writes it; undefined when it is not one. */
export function dayOf(timestamp: unknown): string | undefined {
  const s = str(timestamp);
  return s && /^\d{4}-\d{2}-\d{2}(?:T|$)/.test(s) ? s.slice(0, 10) : undefined;
}

function login(value: unknown): string {
  const l = str(obj(value)?.['login']);
  return l && isLogin(l) ? l : 'ghost';
}

/** A search result (`/search/issues`) that is a pull request; undefined for anything else. */
export function candidateFromSearch(item: unknown, host: string): PullRequestCandidate | undefined {
  const o = obj(item);
  const pr = obj(o?.['pull_request']);
  if (!o || !pr) return undefined;
  const html = str(o['html_url']);
  const parsed = html ? parsePullRequestUrl(html, host) : undefined;
  const ref = parsed && 'ref' in parsed ? { ...parsed.ref, host } : undefined;
  if (!ref) return undefined;
  return candidateFields(o, ref, str(pr['merged_at']), false);
}

/** What search results and pull requests share, read the same way. */
function candidateFields(
  o: Json,
  ref: PullRequestRef,
  mergedAt: string | undefined,
  merged: boolean,
): PullRequestCandidate {
  return {
    ref,
    title: str(o['title']) ?? '',
    author: login(o['user']),
    mergedAt,
    updatedAt: str(o['updated_at']),
    state: mergedAt || merged ? 'merged' : str(o['state']) === 'closed' ? 'closed' : 'open',
  };
}

/** `/repos/o/r/pulls/N`. */
export function factsFromPull(json: unknown, ref: PullRequestRef): PullRequestFacts | undefined {
  const o = obj(json);
  if (!o || count(o['number']) === undefined) return undefined;
  const mergedAt = str(o['merged_at']);
  const labels = Array.isArray(o['labels'])
    ? o['labels'].map((l) => str(obj(l)?.['name'])).filter((l): l is string => l !== undefined)
    : [];
  return {
    ...candidateFields(o, ref, mergedAt, o['merged'] === true),
    additions: count(o['additions']),
    deletions: count(o['deletions']),
    changedFiles: count(o['changed_files']),
    labels,
    body: str(o['body']) ?? '',
    authorAssociation: str(o['author_association']),
  };
}

/** What a search result alone tells about a pull request, for when its details cannot be fetched. */
export function factsFromCandidate(c: PullRequestCandidate): PullRequestFacts {
  return {
    ...c,
    additions: undefined,
    deletions: undefined,
    changedFiles: undefined,
    labels: [],
    body: '',
    authorAssociation: undefined,
  };
}

/** File names from `/pulls/N/files`. */
export function filesFromJson(items: readonly unknown[]): string[] {
  return items.map((f) => str(obj(f)?.['filename'])).filter((f): f is string => f !== undefined);
}

/** The latest day `me` submitted a review, from `/pulls/N/reviews`. */
export function lastReviewBy(items: readonly unknown[], me: string): string | undefined {
  let last: string | undefined;
  for (const r of items) {
    const o = obj(r);
    if (!o || login(o['user']).toLowerCase() !== me.toLowerCase() || str(o['state']) === 'PENDING') continue;
    const day = dayOf(o['submitted_at']);
    if (day && (!last || day > last)) last = day;
  }
  return last;
}

/** Co-authors from `/pulls/N/commits`: other commit authors and `Co-authored-by:` trailers. */
export function coAuthorsFromCommits(items: readonly unknown[], author: string): string[] {
  const out = new Set<string>();
  for (const c of items) {
    const o = obj(c);
    const other = str(obj(o?.['author'])?.['login']);
    if (other && other.toLowerCase() !== author.toLowerCase() && !other.endsWith('[bot]')) out.add(other);
    const message = str(obj(o?.['commit'])?.['message']) ?? '';
    for (const m of message.matchAll(/^co-authored-by:\s*([^<\n]+?)\s*(?:<[^>\n]*>)?\s*$/gim)) {
      const name = m[1]!.trim();
      if (name && name.toLowerCase() !== author.toLowerCase() && !/\[bot\]$/.test(name)) out.add(name);
    }
  }
  return [...out];
}

/** Issue numbers a pull request body closes (`Fixes #12`, `closes owner/repo#3` in the same repository, or a link). */
export function linkedIssues(body: string, ref: PullRequestRef): number[] {
  const out = new Set<number>();
  const same = `${ref.owner}/${ref.repo}`.toLowerCase();
  const pattern =
    /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+(?:(?:https?:\/\/[^\s/]+\/)?([\w.-]+\/[\w.-]+)(?:\/issues\/|#)|#)(\d+)/gi;
  for (const m of body.matchAll(pattern)) {
    if (m[1] && m[1].toLowerCase() !== same) continue;
    const n = Number(m[2]);
    if (Number.isSafeInteger(n) && n > 0) out.add(n);
  }
  return [...out];
}

/** The search queries for my merged pull requests and for reviews I gave, since a day. */
export function searchQueries(me: string, since: string): { authored: string; reviewed: string } {
  if (!isLogin(me)) throw new Error(`Not a GitHub login: ${me}`);
  return {
    authored: `is:pr author:${me} is:merged merged:>=${since}`,
    reviewed: `is:pr reviewed-by:${me} -author:${me} updated:>=${since}`,
  };
}

/** The `next` address of a `Link` header, when it stays on the API's own origin (a token must not travel elsewhere). */
export function nextLink(header: string | null | undefined, apiBase: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (!m || !m[2]!.split(/\s+/).includes('next')) continue;
    try {
      const next = new URL(m[1]!);
      return next.origin === new URL(apiBase).origin ? next.toString() : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

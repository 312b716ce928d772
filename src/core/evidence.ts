// Evidence of impact: merged pull requests and reviews, written as wins.
// Everything here is pure: parsing pull request URLs, choosing the API for a
// host, reading GitHub's REST answers, suggesting an impact circle, and
// turning untrusted text from GitHub into one safe markdown line.

import { blankCodeSpans, extractTags } from './markdown-inline';

export const CIRCLES = [
  { id: 'individual', label: 'Individual contribution', description: 'your own work shipped' },
  {
    id: 'collaboration',
    label: 'Collaboration',
    description: 'work done with or for others: co-authored, reviewed, asked for',
  },
  { id: 'enabling', label: 'Enabling others', description: 'docs, tools, mentoring: work that makes others faster' },
] as const;

export type Circle = (typeof CIRCLES)[number]['id'];

export const CIRCLE_TAG_PREFIX = 'impact/';
/** Marks a win whose details could not be fetched yet. */
export const ENRICH_TAG = 'enrich';
export const WIN_TAG = 'win';

export function isCircle(value: unknown): value is Circle {
  return typeof value === 'string' && CIRCLES.some((c) => c.id === value);
}

export function circleLabel(circle: Circle): string {
  return CIRCLES.find((c) => c.id === circle)!.label;
}

// ---------------------------------------------------------------------------
// Pull request URLs

export interface PullRequestRef {
  /** Host name, with a port when the URL has one (`github.com`, `ghe.example.com:8443`). */
  readonly host: string;
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export type ParsedUrl = { readonly ref: PullRequestRef } | { readonly error: string };

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?$/;

export function isLogin(value: string): boolean {
  return OWNER.test(value) || /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\[bot\]$/.test(value);
}

function validRef(host: string, owner: string, repo: string, num: string): PullRequestRef | undefined {
  const number = Number(num);
  const name = repo.replace(/\.git$/, '');
  if (!HOST.test(host) || !OWNER.test(owner) || !REPO.test(repo) || name === '' || name === '.' || name === '..')
    return undefined;
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return undefined;
  return { host, owner, repo: name, number };
}

/**
 * A pull request from what a user pastes: a web URL (`…/pull/12`,
 * `…/pull/12/files`, with a query or fragment), an API URL
 * (`…/repos/o/r/pulls/12`), or `owner/repo#12` (on `defaultHost`).
 */
export function parsePullRequestUrl(input: string, defaultHost = 'github.com'): ParsedUrl {
  const text = input.trim();
  if (text === '') return { error: 'Paste the address of a pull request.' };
  const short = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)#(\d+)$/.exec(text);
  if (short) {
    const ref = validRef(defaultHost, short[1]!, short[2]!, short[3]!);
    return ref ? { ref } : { error: `"${clip(text)}" is not a pull request reference like owner/repo#12.` };
  }
  let url: URL;
  try {
    url = new URL(withScheme(text));
  } catch {
    return { error: `"${clip(text)}" is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `"${clip(text)}" is not a web address.` };
  if (url.username || url.password)
    return { error: 'A pull request address does not contain a user name or password.' };
  let host = url.host.toLowerCase();
  if (host === 'www.github.com') host = 'github.com';
  const parts = url.pathname
    .split('/')
    .filter((p) => p !== '')
    .map(safeDecode);
  // API addresses: api.github.com/repos/o/r/pulls/12, or <ghe>/api/v3/repos/o/r/pulls/12.
  let api = parts;
  if (host === 'api.github.com') host = 'github.com';
  else if (parts[0] === 'api' && parts[1] === 'v3') api = parts.slice(2);
  if (api[0] === 'repos' && api.length >= 5) {
    if (api[3] === 'pulls') {
      const ref = validRef(host, api[1]!, api[2]!, api[4]!);
      if (ref) return { ref };
    }
    if (api[3] === 'issues') return { error: `${api[1]}/${api[2]}#${api[4]} is an issue, not a pull request.` };
  }
  if (parts.length >= 4) {
    const [owner, repo, kind, num] = parts as [string, string, string, string];
    if (kind === 'pull' && /^\d+$/.test(num)) {
      const ref = validRef(host, owner, repo, num);
      if (ref) return { ref };
    }
    if (kind === 'issues' && /^\d+$/.test(num))
      return { error: `${owner}/${repo}#${num} is an issue, not a pull request.` };
    if (kind === 'pulls') return { error: `That is a list of pull requests; paste the address of one.` };
    if (kind === 'commit') return { error: `That is a commit, not a pull request.` };
  }
  return { error: `"${clip(text)}" is not the address of a pull request (…/owner/repo/pull/123).` };
}

/** An address as typed, `https://` assumed when it names no scheme (`host:8443/…` is a host and a port, not a scheme). */
function withScheme(text: string): string {
  return /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(text) ? text : `https://${text}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}

export function refLabel(ref: PullRequestRef): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`;
}

/** The web address of a pull request, built from its parts (never taken from an answer as is). */
export function pullRequestUrl(ref: PullRequestRef): string {
  return `https://${ref.host}/${ref.owner}/${ref.repo}/pull/${ref.number}`;
}

export function sameRef(a: PullRequestRef, b: PullRequestRef): boolean {
  return (
    a.host === b.host &&
    a.owner.toLowerCase() === b.owner.toLowerCase() &&
    a.repo.toLowerCase() === b.repo.toLowerCase() &&
    a.number === b.number
  );
}

// ---------------------------------------------------------------------------
// Which API serves a host

export interface GitHubSettings {
  /** The standard `github-enterprise.uri` setting: the Enterprise Server's address. */
  readonly enterpriseUri?: string | undefined;
  /** `oneOnOne.github.apiUrl`: the REST API base for the default host, when it is not the usual one. */
  readonly apiUrl?: string | undefined;
}

export interface ApiTarget {
  /** The web host pull requests live on. */
  readonly host: string;
  /** REST API base, without a trailing slash. */
  readonly apiBase: string;
  /** The VS Code authentication provider for this host. */
  readonly provider: 'github' | 'github-enterprise';
}

function enterpriseHost(settings: GitHubSettings): { host: string; origin: string } | undefined {
  const raw = settings.enterpriseUri?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(withScheme(raw));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return { host: url.host.toLowerCase(), origin: url.origin };
  } catch {
    return undefined;
  }
}

function trimApi(raw: string | undefined): string | undefined {
  const value = raw?.trim().replace(/\/+$/, '');
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The host "my pull requests" are listed on: the Enterprise Server when one is set, else github.com. */
export function defaultTarget(settings: GitHubSettings): ApiTarget {
  const ghe = enterpriseHost(settings);
  const override = trimApi(settings.apiUrl);
  if (ghe) return { host: ghe.host, apiBase: override ?? `${ghe.origin}/api/v3`, provider: 'github-enterprise' };
  return { host: 'github.com', apiBase: override ?? 'https://api.github.com', provider: 'github' };
}

/** The API for a pull request's host, or why it has none. */
export function targetFor(host: string, settings: GitHubSettings): ApiTarget | { readonly error: string } {
  const fallback = defaultTarget(settings);
  if (host === fallback.host) return fallback;
  if (host === 'github.com') return { host, apiBase: 'https://api.github.com', provider: 'github' };
  return {
    error: `${host} is not a GitHub host 1:1 Journal knows. For GitHub Enterprise Server, set "github-enterprise.uri" to https://${host}.`,
  };
}

/** A setting value that is set but unusable, in words. */
export function settingsProblem(settings: GitHubSettings): string | undefined {
  if (settings.apiUrl?.trim() && !trimApi(settings.apiUrl))
    return `"oneOnOne.github.apiUrl" is not an http(s) address: ${clip(settings.apiUrl)}`;
  if (settings.enterpriseUri?.trim() && !enterpriseHost(settings))
    return `"github-enterprise.uri" is not an http(s) address: ${clip(settings.enterpriseUri)}`;
  return undefined;
}

// ---------------------------------------------------------------------------
// GitHub's answers, read defensively (they are untrusted input)

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

// ---------------------------------------------------------------------------
// Impact circle suggestion

const DOC_FILE =
  /(?:^|\/)(?:docs?|documentation|adr|adrs|wiki)\/|\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt)$|(?:^|\/)(?:README|CONTRIBUTING|CHANGELOG|CODEOWNERS|LICENSE)(?:\.\w+)?$/i;
const TOOLING_FILE =
  /^(?:\.github|\.devcontainer|\.circleci|\.gitlab|\.husky|\.vscode|ci|scripts|tools|tooling|build-tools)\/|(?:^|\/)(?:Makefile|Justfile|\.editorconfig|\.pre-commit-config\.ya?ml|\.eslintrc(?:\.\w+)?|eslint\.config\.\w+|\.prettierrc(?:\.\w+)?|renovate\.json|dependabot\.ya?ml)$/i;
const ENABLING_LABELS =
  /^(?:docs?|documentation|dx|developer[ -]experience|devex|tooling|tools|ci|ci\/cd|build|infra|infrastructure|onboarding|mentoring|mentorship|good[ -]first[ -]issue|platform)$/i;
const FIRST_TIMERS = new Set(['FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR']);

export interface Suggestion {
  readonly circle: Circle;
  /** Why, in a few words, shown beside the suggestion. */
  readonly reason: string;
}

export function suggestCircle(e: Evidence, me?: string): Suggestion {
  const { pr } = e;
  const files = e.files ?? [];
  const label = pr.labels.find((l) => ENABLING_LABELS.test(l.trim()));
  if (e.kind === 'reviewed') {
    if (pr.authorAssociation && FIRST_TIMERS.has(pr.authorAssociation))
      return { circle: 'enabling', reason: `review for a first-time contributor (@${pr.author})` };
    if (label) return { circle: 'enabling', reason: `review of a change labelled "${label}"` };
    return { circle: 'collaboration', reason: `review of @${pr.author}'s change` };
  }
  if (files.length > 0 && files.every((f) => DOC_FILE.test(f)))
    return { circle: 'enabling', reason: 'documentation-only change' };
  if (files.length > 0 && files.every((f) => DOC_FILE.test(f) || TOOLING_FILE.test(f)))
    return { circle: 'enabling', reason: 'change to the team’s tooling and docs' };
  if (label) return { circle: 'enabling', reason: `labelled "${label}"` };
  const others = (e.coAuthors ?? []).filter((a) => !me || a.toLowerCase() !== me.toLowerCase());
  if (others.length > 0)
    return {
      circle: 'collaboration',
      reason: `co-authored with ${others.slice(0, 2).join(', ')}${others.length > 2 ? ` and ${others.length - 2} more` : ''}`,
    };
  const requesters = (e.linkedIssueAuthors ?? []).filter(
    (a) => a.toLowerCase() !== pr.author.toLowerCase() && (!me || a.toLowerCase() !== me.toLowerCase()),
  );
  if (requesters.length > 0) return { circle: 'collaboration', reason: `closes an issue opened by @${requesters[0]}` };
  return { circle: 'individual', reason: 'your own change' };
}

// ---------------------------------------------------------------------------
// Writing wins: one line each, whatever GitHub sends

const MAX_TITLE = 200;
// Line breaks, other control characters, and the invisible characters that
// reorder or hide text (the zero-width joiner stays: emoji sequences use it).
const UNSAFE_CHARS = /(?!\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/gu;
// Text that a markdown renderer (GitHub, VS Code's preview) would turn into a link by itself.
// Not `\b`: GFM links `http://` after a digit or `_` (`v2http://…`) and `www.` after `_`.
const LINKABLE =
  /(?:(?<![a-z])[a-z][a-z0-9+.-]*:\/\/|(?<![a-z0-9])www\.|\bmailto:)[^\s`]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/**
 * Untrusted text as inline markdown that renders as that text and nothing
 * more: one line, no links, images, HTML, tags, headings, list markers or
 * code spans of its own. Addresses and e-mails become code spans (so no
 * renderer links them); the rest has markdown's punctuation escaped.
 */
export function escapeInline(text: string, max = MAX_TITLE): string {
  let s = text.replace(UNSAFE_CHARS, ' ').replace(/\s+/gu, ' ').trim();
  const chars = [...s];
  if (chars.length > max)
    s = `${chars
      .slice(0, max - 1)
      .join('')
      .trimEnd()}…`;
  let out = '';
  let last = 0;
  for (const m of s.matchAll(LINKABLE)) {
    out += escapePlain(s.slice(last, m.index), last === 0);
    out += `\`${m[0]}\``;
    last = m.index! + m[0].length;
  }
  out += escapePlain(s.slice(last), last === 0);
  return out;
}

function escapePlain(s: string, atStart: boolean): string {
  // What can start markdown syntax inline: code, emphasis, links and images,
  // HTML and autolinks, tags, strikethrough, math and entities. Intraword `_`
  // is left alone (snake_case titles stay readable).
  let out = s
    .replace(/[\\`*[\]<>#~$]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  // At the start of a list item, a list marker would open a nested list.
  if (atStart)
    out = out
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
      .replace(/^([-+])(?=\s|$)/, '\\$1')
      .replace(/^Review:/, 'Review\\:');
  return out;
}

/** The text `escapeInline` escaped, for display (code spans keep their content). */
export function unescapeInline(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1]!)) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const fence = /^`+/.exec(s.slice(i))![0];
      const close = s.indexOf(fence, i + fence.length);
      if (close > 0) {
        let inner = s.slice(i + fence.length, close);
        if (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ')) inner = inner.slice(1, -1);
        out += inner;
        i = close + fence.length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

export interface WinLine {
  readonly evidence: Evidence;
  readonly circle: Circle;
  readonly goal?: string | undefined;
}

function sizeOf(pr: PullRequestFacts): string | undefined {
  if (pr.additions === undefined || pr.deletions === undefined) return undefined;
  const files = pr.changedFiles === undefined ? '' : `, ${pr.changedFiles} file${pr.changedFiles === 1 ? '' : 's'}`;
  return `+${pr.additions}/-${pr.deletions} lines${files}`;
}

function tagsOf(circle: Circle | undefined, goal: string | undefined, pending: boolean): string {
  const tags = [`#${WIN_TAG}`];
  if (circle) tags.push(`#${CIRCLE_TAG_PREFIX}${circle}`);
  if (goal && /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u.test(goal)) tags.push(`#goal/${goal}`);
  if (pending) tags.push(`#${ENRICH_TAG}`);
  return tags.join(' ');
}

function link(ref: PullRequestRef): string {
  return `[${refLabel(ref)}](${pullRequestUrl(ref)})`;
}

/**
 * A win as the text of one list item (without the `- `): the title, the
 * linked reference, the merge date, the size, then `#win`, the circle and the
 * goal as tags. A pull request whose details are missing is marked `#enrich`.
 */
export function renderWin(w: WinLine, pending = false): string {
  const { pr } = w.evidence;
  const title = escapeInline(pr.title) || 'Untitled pull request';
  const head =
    w.evidence.kind === 'reviewed' ? `Review: ${title} by @${isLogin(pr.author) ? pr.author : 'ghost'}` : title;
  const facts: string[] = [];
  if (w.evidence.kind === 'reviewed' && w.evidence.reviewedAt) facts.push(`reviewed ${w.evidence.reviewedAt}`);
  const merged = dayOf(pr.mergedAt);
  if (pr.state === 'merged') facts.push(merged ? `merged ${merged}` : 'merged');
  else facts.push(pr.state === 'open' ? 'not merged yet' : 'closed without merging');
  const size = sizeOf(pr);
  if (size) facts.push(size);
  return `${head} — ${link(pr.ref)}, ${facts.join(', ')} ${tagsOf(w.circle, w.goal, pending)}`;
}

/** A win for a pull request whose details could not be fetched: the link, marked to enrich later. */
export function renderPendingWin(ref: PullRequestRef, circle?: Circle, goal?: string): string {
  return `${link(ref)} — details to fetch ${tagsOf(circle, goal, true)}`;
}

export interface ParsedWin {
  readonly ref: PullRequestRef | undefined;
  readonly url: string | undefined;
  /** The title for display (unescaped), or the item's text without tags and link. */
  readonly title: string;
  readonly review: boolean;
  readonly merged: string | undefined;
  readonly circle: Circle | undefined;
  readonly pending: boolean;
  readonly goal: string | undefined;
}

const REF_LINK = /\[([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)#(\d+)\]\((https?:\/\/[^\s()]+)\)/g;

/** Reads back a win item's text — ours or one written by hand. */
export function parseWin(text: string): ParsedWin {
  const tags = extractTags(text);
  const circleTag = tags.find((t) => t.startsWith(CIRCLE_TAG_PREFIX))?.slice(CIRCLE_TAG_PREFIX.length);
  const goal = tags.find((t) => t.startsWith('goal/') && t.length > 5)?.slice(5);
  // Links inside code spans are text: blank the spans out (same length) before looking.
  const visible = blankCodeSpans(text);
  let ref: PullRequestRef | undefined;
  let url: string | undefined;
  let at = -1;
  for (const m of visible.matchAll(REF_LINK)) {
    const parsed = parsePullRequestUrl(m[4]!);
    if ('ref' in parsed && parsed.ref.number === Number(m[3])) {
      ref = parsed.ref;
      url = pullRequestUrl(parsed.ref);
      at = m.index!;
    }
  }
  let title: string;
  const review = /^Review: /.test(text);
  if (ref && at > 0) {
    const head = text.slice(0, at).replace(/\s+—\s*$/, '');
    title = unescapeInline(review ? head.replace(/^Review: /, '').replace(/ by @[A-Za-z0-9[\]-]+$/, '') : head);
  } else {
    title = text
      .replace(REF_LINK, (_m, o: string, r: string, n: string) => `${o}/${r}#${n}`)
      .replace(/(^|\s)#[\p{L}\p{N}_][\p{L}\p{N}_/-]*/gu, '')
      .replace(/\s+/g, ' ')
      .trim();
    title = title.replace(/\s+—\s*details to fetch$/, '');
  }
  // After our link: the title before it is GitHub's text, and may say anything.
  const merged = /\bmerged (\d{4}-\d{2}-\d{2})\b/.exec(at > 0 ? visible.slice(at) : visible)?.[1];
  return {
    ref,
    url,
    title,
    review,
    merged,
    circle: isCircle(circleTag) ? circleTag : undefined,
    pending: tags.includes(ENRICH_TAG),
    goal,
  };
}

/** A goal's progress entry for a linked pull request. */
export function goalProgressText(day: string, w: WinLine): string {
  const verb = w.evidence.kind === 'reviewed' ? 'Reviewed' : w.evidence.pr.state === 'merged' ? 'Merged' : 'Opened';
  return `${day}: ${verb} ${link(w.evidence.pr.ref)} ${escapeInline(w.evidence.pr.title) || 'Untitled pull request'}`;
}

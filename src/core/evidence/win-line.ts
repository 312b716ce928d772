// Writing wins: one line each, whatever GitHub sends. A title is untrusted
// text, so it is escaped until it renders as itself and nothing more; the
// line is read back (ours or one written by hand) to find its pull request.

import { blankCodeSpans, extractTags } from '../markdown-inline';
import { Circle, CIRCLE_TAG_PREFIX, ENRICH_TAG, isCircle, WIN_TAG } from './circles';
import { dayOf, Evidence, PullRequestFacts } from './github-json';
import { isLogin, parsePullRequestUrl, pullRequestUrl, PullRequestRef, refLabel } from './pull-request-ref';

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

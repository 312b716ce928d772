// Talking points: what "this is worth raising" turns into in a meeting's
// agenda. A checkbox with a theme tag, where it came from, and the words or
// code it was about, fenced so nothing in the selection can break the file.

import { NewListItem, withoutControlCharacters } from './edits';
import { extractTags } from './markdown-inline';
import { l10n } from './l10n';

export interface Theme {
  readonly id: string;
  /** The tag written in the file, without `#`. */
  readonly tag: string;
  readonly label: string;
  readonly description: string;
}

/** A theme whose label and description are read when shown, so they are in the display language (src/core/l10n.ts). */
function theme(id: string, label: () => string, description: () => string): Theme {
  return {
    id,
    tag: id,
    get label() {
      return label();
    },
    get description() {
      return description();
    },
  };
}

export const THEMES: readonly Theme[] = [
  theme(
    'growth',
    () => l10n.t('Growth'),
    () => l10n.t('skills, stretch work, the next level'),
  ),
  theme(
    'feedback',
    () => l10n.t('Feedback'),
    () => l10n.t('ask for it, act on it, circle back'),
  ),
  theme(
    'alignment',
    () => l10n.t('Alignment'),
    () => l10n.t('priorities, roadmap, what good looks like'),
  ),
  theme(
    'win',
    () => l10n.t('Win'),
    () => l10n.t('an accomplishment worth mentioning'),
  ),
  theme(
    'blocker',
    () => l10n.t('Blocker'),
    () => l10n.t('something in the way'),
  ),
  theme(
    'question',
    () => l10n.t('Question'),
    () => l10n.t('about the company, the team, the work'),
  ),
  theme(
    'team/process',
    () => l10n.t('Team / process'),
    () => l10n.t('how we work together'),
  ),
  theme(
    'other',
    () => l10n.t('Other'),
    () => l10n.t('anything else'),
  ),
];

/** A theme by id, tag or label, case-insensitive (`team-process` and `process` also find team/process). */
export function findTheme(name: string): Theme | undefined {
  const n = name.trim().replace(/^#/, '').toLowerCase();
  return (
    THEMES.find((t) => t.id === n || t.tag === n || t.label.toLowerCase() === n) ??
    (n === 'team-process' || n === 'process' || n === 'team' ? THEMES[6] : undefined)
  );
}

/** The first known theme tagged in `text` (`#growth …`), if any. */
export function themeInText(text: string): Theme | undefined {
  for (const tag of extractTags(text)) {
    const theme = findTheme(tag);
    if (theme) return theme;
  }
  return undefined;
}

export interface Excerpt {
  readonly text: string;
  /** VS Code language id of the source document; prose ids become a quote. */
  readonly languageId?: string;
}

export interface Source {
  /** What the reader sees, e.g. `src/net/retry.ts:40-52`. */
  readonly label: string;
  /** A permalink, when one is known. */
  readonly url?: string;
}

export interface TalkingPoint {
  readonly summary: string;
  readonly theme?: Theme;
  readonly source?: Source;
  readonly excerpt?: Excerpt;
}

const PROSE = new Set(['plaintext', 'markdown', 'text', '', 'scminput', 'git-commit']);
export const MAX_EXCERPT_LINES = 200;
const MAX_SUMMARY = 100;

/** A one-line summary from a selection: its first non-blank line, shortened. */
export function summarize(selection: string): string {
  const text = withoutControlCharacters(selection);
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const line = first.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_SUMMARY) return line;
  let cut = '';
  for (const ch of line) {
    if (cut.length + ch.length > MAX_SUMMARY - 1) break;
    cut += ch;
  }
  return `${cut.trimEnd()}…`;
}

/** `src/a.ts:3` or `src/a.ts:3-9` (one-based lines). */
export function sourceLabel(path: string, startLine: number, endLine: number): string {
  return startLine === endLine ? `${path}:${startLine}` : `${path}:${startLine}-${endLine}`;
}

/** The list item for a talking point: summary and theme tag, then source and excerpt indented below. */
export function talkingPointItem(point: TalkingPoint): NewListItem {
  let text = oneLine(point.summary);
  if (point.theme && !extractTags(text).includes(point.theme.tag)) text = `${text} #${point.theme.tag}`.trim();
  const body: string[] = [];
  if (point.source) body.push(`Source: ${sourceMarkdown(point.source)}`);
  if (point.excerpt && point.excerpt.text.trim() !== '') body.push(...excerptLines(point.excerpt));
  return { text, checkbox: true, body };
}

function sourceMarkdown(source: Source): string {
  const label = oneLine(source.label).replace(/[[\]\\]/g, '\\$&');
  if (source.url && /^https?:\/\/[^\s<>()]+$/.test(source.url)) return `[${label}](${source.url})`;
  return codeSpan(source.label);
}

/** Inline code that survives backticks inside it. */
export function codeSpan(text: string): string {
  const one = oneLine(text);
  const longest = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${one}${pad}${ticks}`;
}

/** The excerpt as a blockquote (prose) or a fenced code block longer than any backtick run inside it. */
export function excerptLines(excerpt: Excerpt): string[] {
  let lines = withoutControlCharacters(excerpt.text)
    .replace(/\t/g, '    ')
    .split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  let note: string | undefined;
  if (lines.length > MAX_EXCERPT_LINES) {
    note = `(${lines.length - MAX_EXCERPT_LINES} more lines not copied)`;
    lines = lines.slice(0, MAX_EXCERPT_LINES);
  }
  const dedented = dedent(lines);
  const language = excerpt.languageId ?? 'plaintext';
  if (PROSE.has(language)) {
    const quoted = dedented.map((l) => (l.trim() === '' ? '>' : `> ${l}`));
    return note ? [...quoted, '>', `> ${note}`] : quoted;
  }
  const longest = Math.max(0, ...dedented.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const info = /^[A-Za-z0-9_+#.-]+$/.test(language) ? language : '';
  return [`${fence}${info}`, ...dedented, fence, ...(note ? [note] : [])];
}

function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(common).trimEnd()));
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

export interface RemoteRepo {
  readonly host: string;
  readonly owner: string;
  readonly repo: string;
}

/**
 * The GitHub repository of a remote URL (https, ssh or scp-like), when the
 * host is github.com or one of `enterpriseHosts` (or looks like a GitHub
 * Enterprise host: its name has "github" in it).
 */
export function parseGitHubRemote(remote: string, enterpriseHosts: readonly string[] = []): RemoteRepo | undefined {
  const url = remote.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(url);
  if (/^[a-z+]+:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      host = parsed.hostname;
      path = parsed.pathname;
    } catch {
      return undefined;
    }
  } else if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    return undefined;
  }
  host = host.toLowerCase();
  const known =
    host === 'github.com' ||
    host === 'www.github.com' ||
    enterpriseHosts.map((h) => h.toLowerCase()).includes(host) ||
    host.includes('github');
  if (!known) return undefined;
  const parts = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/');
  if (parts.length !== 2 || parts.some((p) => p === '' || p === '.' || p === '..')) return undefined;
  return { host: host === 'www.github.com' ? 'github.com' : host, owner: parts[0]!, repo: parts[1]! };
}

/** `https://github.com/o/r/blob/<commit>/path#L3-L9` for one-based lines. */
export function permalink(
  repo: RemoteRepo,
  commit: string,
  path: string,
  startLine: number,
  endLine: number,
): string | undefined {
  if (!/^[0-9a-f]{7,64}$/i.test(commit)) return undefined;
  let encoded: string;
  try {
    encoded = path.split('/').map(encodeURIComponent).join('/');
  } catch {
    return undefined; // a path with a lone surrogate cannot be a URL
  }
  const anchor = startLine === endLine ? `#L${startLine}` : `#L${startLine}-L${endLine}`;
  return `https://${repo.host}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/blob/${commit}/${encoded}${anchor}`;
}

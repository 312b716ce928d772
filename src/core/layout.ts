// Where things live inside the journal folder, and how names become file
// names. Everything here works on posix paths relative to the journal root;
// the host turns them into URIs.

import { isIsoDate } from './dates';

export type FileKind = 'person' | 'meeting' | 'goal' | 'feedback' | 'template' | 'questions' | 'other';

export interface Classified {
  readonly kind: FileKind;
  /** File name without `.md` (for a meeting, the date part and any suffix). */
  readonly slug: string;
  /** For a meeting: the person folder. */
  readonly person?: string;
  /** For a meeting: its date, `YYYY-MM-DD`. */
  readonly date?: string;
}

export const FOLDERS = {
  people: 'people',
  meetings: 'meetings',
  goals: 'goals',
  feedback: 'feedback',
  templates: 'templates',
} as const;

export const MEETING_TEMPLATE = `${FOLDERS.templates}/meeting.md`;

const MEETING_NAME = /^(\d{4}-\d{2}-\d{2})(?:[-_ ].*)?$/;

const MARKDOWN_FILE = /\.md$/i;

export function classify(relativePath: string): Classified {
  // Read with indexOf rather than split: indexing classifies every file.
  const last = relativePath.lastIndexOf('/');
  const file = relativePath.slice(last + 1);
  if (!MARKDOWN_FILE.test(file)) return { kind: 'other', slug: file };
  const slug = file.slice(0, -3);
  const first = relativePath.indexOf('/');
  if (first < 0) return slug.toLowerCase() === 'questions' ? { kind: 'questions', slug } : { kind: 'other', slug };
  const top = relativePath.slice(0, first);
  if (first === last) {
    switch (top) {
      case FOLDERS.people:
        return { kind: 'person', slug };
      case FOLDERS.goals:
        return { kind: 'goal', slug };
      case FOLDERS.feedback:
        return { kind: 'feedback', slug };
      case FOLDERS.templates:
        return { kind: 'template', slug };
    }
  } else if (top === FOLDERS.meetings && relativePath.indexOf('/', first + 1) === last) {
    const m = MEETING_NAME.exec(slug);
    if (m && isIsoDate(m[1]!)) return { kind: 'meeting', slug, person: relativePath.slice(first + 1, last), date: m[1]! };
  }
  return { kind: 'other', slug };
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_SLUG = 64;

/**
 * A file-name-safe slug: letters and digits of any script, joined by single
 * dashes. Never contains `/`, `\`, `..` or characters illegal on Windows;
 * returns undefined when nothing usable is left.
 */
export function slugify(name: string): string | undefined {
  const slug = name
    .normalize('NFKD')
    // Accents off Latin, Greek and Cyrillic letters (é → e); marks that are
    // part of other scripts' letters (Devanagari vowel signs…) stay.
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  // At most MAX_SLUG UTF-16 units, cut between code points (never through a surrogate pair).
  let cut = '';
  for (const ch of slug) {
    if (cut.length + ch.length > MAX_SLUG) break;
    cut += ch;
  }
  cut = cut.replace(/-+$/g, '');
  if (cut === '') return undefined;
  return WINDOWS_RESERVED.test(cut) ? `${cut}-1` : cut;
}

/** "alex-kim" → "Alex Kim": the display name of a person without a file. */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

export function personPath(slug: string): string {
  return `${FOLDERS.people}/${slug}.md`;
}

export function meetingPath(person: string, date: string): string {
  return `${FOLDERS.meetings}/${person}/${date}.md`;
}

export function goalPath(slug: string): string {
  return `${FOLDERS.goals}/${slug}.md`;
}

export function feedbackPath(slug: string): string {
  return `${FOLDERS.feedback}/${slug}.md`;
}

/**
 * A journal-relative path is safe to write when it stays inside the journal:
 * relative, no empty, `.` or `..` segments, no backslashes or drive letters.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && ![...seg].some(isIllegalFileNameChar));
}

function isIllegalFileNameChar(ch: string): boolean {
  return '<>:"|?*'.includes(ch) || ch.charCodeAt(0) < 32;
}

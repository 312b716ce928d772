// Where things live inside the journal folder, and how names become file
// names. Everything here works on posix paths relative to the journal root;
// the host turns them into URIs.

import { isIsoDate } from './dates';
import { l10n } from './l10n';

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
    if (m && isIsoDate(m[1]!))
      return { kind: 'meeting', slug, person: relativePath.slice(first + 1, last), date: m[1]! };
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

// Path safety. Every path the extension writes is built from names: typed by
// the user, passed to a command by another extension, read from a file name or
// received from GitHub. Two questions are asked of each, here, without I/O:
// does it stay inside the journal (escapeProblem), and is it a name every
// platform can hold (newPathProblem, for files and folders about to be
// created)? The host asks the file system the rest (links, read-only folders).

/** The longest path the extension creates, relative to the journal (Windows' MAX_PATH is 260 with the root). */
export const MAX_NEW_PATH_LENGTH = 200;
/** ext4, APFS and NTFS all stop at 255 (bytes or UTF-16 units) per name. */
const MAX_NAME_BYTES = 255;

const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;
const WINDOWS_ILLEGAL = /[<>:"|?*]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0, DEL and C1 controls; NUL ends a path in C.
const CONTROL = /\p{Cc}/u;
// Invisible characters (bidi overrides, zero-width joiners…) and slashes that
// are not slashes: a name made with them reads as another name.
const INVISIBLE_OR_SLASHLIKE = /[\p{Cf}\u2044\u2215\u2216\u2571\u27cb\u27cd\u29f5\u29f8\u29f9]/u;

/**
 * Why `path` (journal-relative, `/`-separated) could lead outside the journal
 * folder, or undefined when it cannot: not empty, not absolute, no drive
 * letter, no backslash, no empty, `.` or `..` segment, no control character
 * or broken UTF-16 — also once compatibility characters (full-width `／`,
 * `．．`, `＼`…) are read as what they look like, as some Windows APIs do.
 */
export function escapeProblem(path: string): string | undefined {
  if (typeof path !== 'string') return l10n.t('is not text');
  const problem = plainEscapeProblem(path);
  if (problem) return problem;
  const folded = path.normalize('NFKC');
  if (folded !== path) {
    const lookalike = plainEscapeProblem(folded);
    if (lookalike)
      return l10n.t(
        '{0} once look-alike characters (full-width or compatibility forms) are read as what they look like',
        lookalike,
      );
  }
  return undefined;
}

function plainEscapeProblem(path: string): string | undefined {
  if (path === '') return l10n.t('is empty');
  if (LONE_SURROGATE.test(path)) return l10n.t('contains a broken Unicode character');
  if (CONTROL.test(path)) return l10n.t('contains a control character');
  if (path.includes('\\')) return l10n.t('contains a backslash, a folder separator on Windows');
  if (path.startsWith('/')) return l10n.t('is an absolute path');
  if (/^[A-Za-z]:/.test(path)) return l10n.t('starts with a drive letter');
  for (const segment of path.split('/')) {
    if (segment === '') return l10n.t('has an empty folder name (// or a trailing /)');
    if (segment === '.' || segment === '..') return l10n.t('has a "{0}" segment', segment);
  }
  return undefined;
}

/**
 * Why the extension would not create `path`: it could escape
 * (escapeProblem), or a name in it is one some platform cannot hold or shows
 * as another — a reserved device name (`CON`, `nul.txt`, `COM1`…), a
 * character Windows forbids, a trailing dot or space, a leading dot (hidden,
 * and never read by the journal), invisible or slash-like characters, or too
 * long. Segments before `fromSegment` exist already and are only checked for
 * escaping: an existing folder is the user's to name.
 */
export function newPathProblem(path: string, fromSegment = 0): string | undefined {
  const escape = escapeProblem(path);
  if (escape) return escape;
  if (path.length > MAX_NEW_PATH_LENGTH) return l10n.t('is longer than {0} characters', MAX_NEW_PATH_LENGTH);
  const segments = path.split('/');
  for (let i = Math.max(0, fromSegment); i < segments.length; i++) {
    const problem = newNameProblem(segments[i]!);
    if (problem) return l10n.t('"{0}" {1}', segments[i], problem);
  }
  return undefined;
}

/** Why one file or folder name is not one to create (see newPathProblem). */
export function newNameProblem(name: string): string | undefined {
  const illegal = WINDOWS_ILLEGAL.exec(name);
  if (illegal) return l10n.t('contains {0}, which Windows does not allow in a file name', illegal[0]);
  const escape = escapeProblem(name);
  if (escape) return escape;
  if (name.includes('/')) return l10n.t('contains a /');
  if (/[. ]$/.test(name)) return l10n.t('ends with a dot or a space, which Windows drops');
  if (name.startsWith('.')) return l10n.t('starts with a dot (a hidden file, which the journal does not read)');
  if (INVISIBLE_OR_SLASHLIKE.test(name)) return l10n.t('contains an invisible or slash-like character');
  for (const form of [name, name.normalize('NFKC')]) {
    if (RESERVED_DEVICE.test(form.split('.')[0]!.trimEnd()))
      return l10n.t('is a reserved device name on Windows (CON, NUL, COM1…)');
  }
  if (utf8Length(name) > MAX_NAME_BYTES) return l10n.t('is longer than {0} bytes', MAX_NAME_BYTES);
  return undefined;
}

/** True when `path` stays inside the journal (see escapeProblem). */
export function isContainedPath(path: string): boolean {
  return escapeProblem(path) === undefined;
}

/** True when `path` stays inside the journal and every name in it can be created anywhere (see newPathProblem). */
export function isSafeRelativePath(path: string): boolean {
  return newPathProblem(path) === undefined;
}

/**
 * `child`'s path relative to `root` when it is strictly inside it, else
 * undefined. Both are URI paths (`/`-separated, absolute); nothing is
 * normalised, so `root/a/../..` is not inside.
 */
export function containedPath(root: string, child: string): string | undefined {
  const base = root.endsWith('/') ? root : `${root}/`;
  if (!child.startsWith(base)) return undefined;
  const rest = child.slice(base.length);
  return escapeProblem(rest) === undefined ? rest : undefined;
}

export const DEFAULT_JOURNAL_FOLDER = 'one-on-ones';

/**
 * The `oneOnOne.journalFolder` setting as a path inside the workspace folder
 * (`''`: the workspace folder itself), or why it cannot be one. Backslashes
 * count as separators (Windows users type them) and `.` segments are dropped;
 * an absolute path, a drive letter, `~` or `..` is refused rather than quietly
 * turned into some other folder.
 */
export function journalFolderSetting(value: unknown): { readonly relative: string } | { readonly error: string } {
  const raw = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_JOURNAL_FOLDER;
  const path = raw.replace(/\\/g, '/');
  const hint = l10n.t(
    'Set oneOnOne.journalFolder to a folder inside the workspace, such as "one-on-ones" or "notes/1on1".',
  );
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || /^~(\/|$)/.test(path))
    return { error: l10n.t('The journal folder "{0}" is not inside the workspace. {1}', raw, hint) };
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..'))
    return { error: l10n.t('The journal folder "{0}" leads out of the workspace (".."). {1}', raw, hint) };
  const relative = segments.join('/');
  if (relative === '') return { relative };
  const problem = escapeProblem(relative);
  return problem ? { error: l10n.t('The journal folder "{0}" {1}. {2}', raw, problem, hint) } : { relative };
}

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD it becomes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The file name part of a journal path, for a link between files in one folder. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A link from one journal file to another, relative (`../../goals/x.md`), spaces and brackets escaped. */
export function relativeLink(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return ('../'.repeat(depth) + to).replace(/[ ()<>]/g, (c) => encodeURIComponent(c));
}

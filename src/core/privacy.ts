// Whether the journal could leave the machine through git: the remotes a
// repository's config names, whether its ignore rules (.gitignore files and
// .git/info/exclude, matched by ignore-rules.ts) already keep the journal
// out, and the one line that excludes it. Also the scrubbing every log line
// goes through. Pure text in, text out: the host reads the files (through
// workspace.fs) and writes the exclude file.

import { ignoredBy, IgnoreSource } from './ignore-rules';

export interface GitRemote {
  readonly name: string;
  /** The fetch address (`url`), else the push address (`pushurl`), as written. */
  readonly url: string;
}

/**
 * The remotes of a git config file (`[remote "origin"]` with `url =` or
 * `pushurl =`), in file order. Section and key names are case-insensitive;
 * comments (`#`, `;`), quoted values and the old `[remote.origin]` form are read.
 */
export function parseGitConfigRemotes(text: string): GitRemote[] {
  const remotes = new Map<string, { url?: string; pushUrl?: string }>();
  let current: string | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const section = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:\\.|[^"\\])*)")?\s*\]/.exec(line);
      current = undefined;
      if (!section) continue;
      const name = section[1]!;
      if (section[2] !== undefined && name.toLowerCase() === 'remote') current = section[2].replace(/\\(.)/g, '$1');
      else if (section[2] === undefined && /^remote\./i.test(name)) current = name.slice('remote.'.length);
      if (current !== undefined && !remotes.has(current)) remotes.set(current, {});
      // A key may follow the section header on the same line.
      const rest = line.slice(section[0].length).trim();
      if (current !== undefined && rest !== '') readKey(rest, remotes.get(current)!);
      continue;
    }
    if (current !== undefined) readKey(line, remotes.get(current)!);
  }
  const out: GitRemote[] = [];
  for (const [name, r] of remotes) {
    const url = r.url ?? r.pushUrl;
    if (url) out.push({ name, url });
  }
  return out;
}

function readKey(line: string, into: { url?: string; pushUrl?: string }): void {
  const m = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
  if (!m || m[2] === undefined) return;
  const key = m[1]!.toLowerCase();
  const value = configValue(m[2]);
  if (value === '') return;
  // The first of several `url`s is the one git fetches from.
  if (key === 'url') into.url ??= value;
  else if (key === 'pushurl') into.pushUrl ??= value;
}

/** A config value: quotes removed, escapes read, an unquoted `#` or `;` starting a comment. */
function configValue(raw: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const n = raw[++i]!;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === '#' || c === ';')) {
      break;
    } else {
      out += c;
    }
  }
  return out.trim();
}

/** The path a `.git` file points to (`gitdir: …`, in a worktree or submodule), or undefined. */
export function parseGitFile(text: string): string | undefined {
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  return m ? m[1] : undefined;
}

/**
 * A remote address fit to show and log: any user name and password in it
 * (`https://user:token@host/…`) removed. `git@host:owner/repo` stays as it is:
 * `git` is not a secret.
 */
export function displayRemoteUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}

// --- the journal and the ignore rules ----------------------------------------

/**
 * Files that stand for the journal's contents when asking whether it is
 * ignored: the folder itself may be ignored (`one-on-ones/`), or everything in
 * it (`one-on-ones/*`, `*.md`, a `*` in its own .gitignore).
 */
export const JOURNAL_PROBES: readonly string[] = [
  'README.md',
  'people/person.md',
  'meetings/person/2000-01-01.md',
  'goals/goal.md',
  'feedback/thread.md',
];

/** How the journal at a repository-relative path is kept out of git, if it is: the label of the rules that do. */
export function journalIgnoredBy(journal: string, sources: readonly IgnoreSource[]): string | undefined {
  const folder = ignoredBy(journal, true, sources);
  if (folder) return folder;
  const prefix = journal === '' ? '' : `${journal}/`;
  const probes = JOURNAL_PROBES.map((p) => ignoredBy(`${prefix}${p}`, false, sources));
  return probes.every((p) => p !== undefined) ? probes[0] : undefined;
}

/** The folders whose .gitignore files can speak for the journal: the root, each folder down to it, and the journal itself. */
export function ignoreFolders(journal: string): string[] {
  const parts = journal.split('/').filter((p) => p !== '');
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

/** The exclude line for a repository-relative folder: anchored at the root, only that folder, special characters escaped. */
export function excludeLine(folder: string): string {
  const escaped = folder
    .split('/')
    .filter((p) => p !== '')
    .map((segment) => segment.replace(/[\\*?[\]!#]/g, '\\$&').replace(/ $/, '\\ '))
    .join('/');
  return `/${escaped}/`;
}

export const EXCLUDE_COMMENT = '# 1:1 Journal: private notes stay on this machine';

/**
 * The exclude file with the line added at its end, every existing byte kept
 * as it was (a missing final line break is added first, in the file's own
 * line ending); undefined when the line is there already.
 */
export function withExcludeLine(existing: string | undefined, line: string): string | undefined {
  const text = existing ?? '';
  if (text.split(/\r\n|\r|\n/).some((l) => l.replace(/(?<!\\)[ \t]+$/, '') === line)) return undefined;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const separator = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  return `${text}${separator}${EXCLUDE_COMMENT}${eol}${line}${eol}`;
}

// --- repository layout -------------------------------------------------------

/** A path made of `/`-separated segments, `.` and `..` resolved; `base` joined in front of a relative one. */
export function resolvePosix(base: string, path: string): string {
  const absolute = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
  const all = (absolute ? path : `${base}/${path}`).replace(/\\/g, '/').split('/');
  const out: string[] = [];
  for (const seg of all) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  const drive = /^[A-Za-z]:$/.test(out[0] ?? '');
  return drive ? out.join('/') : `/${out.join('/')}`;
}

/** `child` relative to `parent` (both `/`-separated, absolute), or undefined when it is not inside it. `''`: the same folder. */
export function relativeInside(parent: string, child: string): string | undefined {
  const p = parent.replace(/\/+$/, '');
  if (child === p) return '';
  return child.startsWith(`${p}/`) ? child.slice(p.length + 1).replace(/\/+$/, '') : undefined;
}

// --- logs --------------------------------------------------------------------

/**
 * A log line with anything that looks like a credential replaced: an
 * Authorization value, a GitHub token, a user name and password in an address.
 * A safety net only: nothing should log these in the first place.
 */
export function redactSecrets(message: string): string {
  return message
    .replace(
      /\b(authorization["']?\s*[:=]\s*["']?)(?:(bearer|token|basic)\s+)?[^\s,;'"]+/gi,
      (_m, head: string, scheme: string | undefined) => `${head}${scheme ? `${scheme} ` : ''}[redacted]`,
    )
    .replace(/\b(bearer|token)\s+[A-Za-z0-9._~+/=-]{16,}/gi, '$1 [redacted]')
    .replace(/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, '[redacted]')
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1[redacted]@');
}

// Where the journal lives: the `oneOnOne.journalFolder` values read in order
// (a workspace's own value that exists, else the user's value, else the
// default folder in the workspace) and turned into places to look. A
// workspace's value stays relative and inside the workspace, so a repository
// can never point the journal, or its writes, somewhere else; only the
// user's own value may name a folder anywhere (`/abs`, `~/x`, `${userHome}/x`,
// `C:\x`, `\\server\share\x`).

import { DEFAULT_JOURNAL_FOLDER, journalFolderSetting } from './layout';
import { l10n } from './l10n';

/** A folder on disk outside any workspace, as a `/`-separated path (`/home/me/j`, `C:/Users/me/j`, `//server/share/j`). */
export type PersonalFolder = { readonly personal: string };

/** The user's `oneOnOne.journalFolder`: a personal folder, a folder inside the workspace, or why it is neither. */
export function userFolderSetting(
  value: unknown,
  home: string | undefined,
): PersonalFolder | { readonly relative: string } | { readonly error: string } {
  const raw = typeof value === 'string' ? value.trim() : '';
  if (raw === '') return { relative: DEFAULT_JOURNAL_FOLDER };
  const homeForm = /^(~|\$\{userHome\})(?=$|[\\/])/.exec(raw);
  if (homeForm) {
    if (!home)
      return {
        error: l10n.t(
          'The journal folder "{0}" starts with {1}, but the home folder is not known here. Write the full path instead.',
          raw,
          homeForm[1],
        ),
      };
    return absolute(raw, `${home.replace(/[\\/]+$/, '')}${raw.slice(homeForm[1]!.length)}`);
  }
  if (/^~[^\\/]/.test(raw))
    return {
      error: l10n.t('The journal folder "{0}" names another user\'s home folder; write the full path instead.', raw),
    };
  if (/^([A-Za-z]:[\\/]|[\\/])/.test(raw)) return absolute(raw, raw);
  if (/^[A-Za-z]:/.test(raw))
    return {
      error: l10n.t('The journal folder "{0}" has a drive letter but no "\\" after it; write it as a full path.', raw),
    };
  return journalFolderSetting(raw);
}

function absolute(raw: string, path: string): PersonalFolder | { readonly error: string } {
  const unc = /^[\\/]{2}(?=[^\\/])/.test(path);
  const segments = path.replace(/\\/g, '/').split('/');
  const head = unc ? '//' : '';
  const kept = segments.filter((s, i) => (i === 0 && !unc ? true : s !== '' && s !== '.'));
  if (kept.includes('..'))
    return { error: l10n.t('The journal folder "{0}" contains "..": write the folder\'s path without it.', raw) };
  if (kept.some((s) => /\p{Cc}/u.test(s)))
    return { error: l10n.t('The journal folder "{0}" contains a control character.', raw) };
  const joined = `${head}${kept.join('/')}`;
  const personal = joined === '' || joined === '/' ? '/' : joined.replace(/\/$/, '');
  if (unc && kept.length < 2)
    return {
      error: l10n.t('The journal folder "{0}" names a server but no shared folder (\\\\server\\share\\…).', raw),
    };
  return { personal: /^[A-Za-z]:$/.test(personal) ? `${personal}/` : personal };
}

/** What one workspace folder says: its path (as a URI path) and its own value of the setting, if it has one. */
export interface WorkspaceFolderSetting {
  readonly path: string;
  /** The workspace's or the folder's own value (not the user's, which `userValue` carries). */
  readonly value: unknown;
}

export type JournalCandidate =
  | {
      readonly kind: 'workspace';
      readonly folder: number;
      readonly relative: string;
      /** Which setting named it: a workspace value is used only when the folder exists. */
      readonly from: 'workspace' | 'user' | 'default';
    }
  | { readonly kind: 'personal'; readonly path: string };

export interface JournalPlan {
  /** Places to look, in order: the first that exists is the journal. */
  readonly candidates: readonly JournalCandidate[];
  /** Where to create the journal when none of them exists (undefined: nowhere, say `problems`). */
  readonly create: JournalCandidate | undefined;
  /** Settings that could not be used, each in words for the user. */
  readonly problems: readonly string[];
}

/**
 * The order in which to look for the journal. A workspace value that exists
 * wins; else the user's value (a personal folder is the journal whether or not
 * it exists yet; a relative one is looked for in every workspace folder); else
 * `one-on-ones` in every workspace folder. A relative value is looked for in
 * every folder of a multi-root workspace, the first that has it winning.
 */
export function journalPlan(
  folders: readonly WorkspaceFolderSetting[],
  userValue: unknown,
  home: string | undefined,
): JournalPlan {
  const candidates: JournalCandidate[] = [];
  const problems: string[] = [];
  folders.forEach((folder, index) => {
    if (folder.value === undefined) return;
    const setting = journalFolderSetting(folder.value);
    if ('error' in setting) problems.push(`${setting.error} (this workspace's setting; it is not used)`);
    else candidates.push({ kind: 'workspace', folder: index, relative: setting.relative, from: 'workspace' });
  });
  const user = userFolderSetting(userValue, home);
  if ('personal' in user) {
    const personal: JournalCandidate = { kind: 'personal', path: user.personal };
    return { candidates: [...candidates, personal], create: personal, problems };
  }
  if ('error' in user) problems.push(user.error);
  const relative = 'relative' in user ? user.relative : DEFAULT_JOURNAL_FOLDER;
  const from = 'relative' in user && userValue !== undefined && userValue !== '' ? 'user' : 'default';
  if (folders.length === 0 && from === 'user')
    problems.push(
      l10n.t(
        'The journal folder "{0}" is relative, and no folder is open. Open the folder that holds it, or set oneOnOne.journalFolder to a full path (such as ~/one-on-ones) to keep one journal for every window.',
        String(userValue).trim(),
      ),
    );
  const inFolders = folders.map((_, index): JournalCandidate => ({ kind: 'workspace', folder: index, relative, from }));
  // Create Journal makes it where this workspace's own value says, else in the first folder.
  return { candidates: [...candidates, ...inFolders], create: candidates[0] ?? inFolders[0], problems };
}

/**
 * The top of the disk a file URI's path is on, where a walk down to a
 * personal journal starts: `/`, a drive's `/c:/`, or for a UNC path (whose
 * server is the URI's authority) the share, `/share`.
 */
export function topOfDisk(uriPath: string, hasAuthority: boolean): string {
  const drive = /^\/[A-Za-z]:(?=\/|$)/.exec(uriPath);
  if (drive) return `${drive[0]}/`;
  if (hasAuthority) return /^\/[^/]+/.exec(uriPath)?.[0] ?? '/';
  return '/';
}

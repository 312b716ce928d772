// The last check before the extension writes a journal file, and the rules
// for the few files features read themselves. Names reach the writer from the
// user, from other extensions' command arguments, from file names on disk and
// from GitHub; whatever built the path, the file written is inside the
// journal folder, reached without following a symbolic link, on a file system
// that takes the write, and (when new) named so that every platform can hold
// it. The pure part of each rule is in core/layout.ts and core/file-text.ts.

import * as vscode from 'vscode';
import { JournalDocument } from '../core/document';
import { topOfDisk } from '../core/journal-location';
import { editRefusal, MAX_FILE_BYTES } from '../core/file-text';
import { containedPath, escapeProblem, newNameProblem, newPathProblem, utf8Length } from '../core/layout';

export type Guarded = { readonly uri: vscode.Uri } | { readonly reason: string; readonly uri?: vscode.Uri };

/**
 * What a file system provider says it will not write. Permission bits are not
 * among it: VS Code's disk provider marks a chmod a-w file "locked", but the
 * extension API passes on Readonly alone, so a read-only folder on disk (or an
 * immutable one, or a read-only mount) is learned when the write fails — and
 * the writer then undoes what it made and says so.
 */
const NOT_WRITABLE = vscode.FilePermission.Readonly;

/**
 * The URI to write the journal-relative `path` at, or why it must not be
 * written. `create`: a file about to be made (an existing one is returned
 * as is, for the caller to refuse); `edit`: an existing file changed in place.
 */
export async function guardWrite(
  root: vscode.Uri | undefined,
  path: string,
  mode: 'create' | 'edit',
  personal = false,
): Promise<Guarded> {
  if (!root) return { reason: NO_JOURNAL };
  const shown = show(path);
  const escape = escapeProblem(path);
  if (escape)
    return {
      reason: vscode.l10n.t(
        'Refused to write {0}: the path {1}, so it could lead outside the journal folder. Give a plain name, or a path inside the journal such as people/alex-kim.md. Nothing was written.',
        shown,
        escape,
      ),
    };

  // The walk starts at the workspace folder the journal is in, or for a
  // personal journal (the user's own setting) at the top of its disk: the
  // boundary is the journal folder either way.
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(root);
  const folder =
    workspaceFolder && workspaceFolder.uri.scheme === root.scheme && workspaceFolder.uri.authority === root.authority
      ? workspaceFolder
      : personal
        ? { uri: topOf(root) }
        : undefined;
  if (!folder) {
    return {
      reason: vscode.l10n.t(
        'Refused to write {0}: the journal folder {1} is not inside the workspace. Set oneOnOne.journalFolder to a folder inside it. Nothing was written.',
        shown,
        root.toString(true),
      ),
    };
  }
  const segments = path.split('/');
  const uri = vscode.Uri.joinPath(root, ...segments);
  if (uri.scheme !== root.scheme || uri.authority !== root.authority || containedPath(root.path, uri.path) !== path) {
    return {
      reason: vscode.l10n.t(
        'Refused to write {0}: it resolves to {1}, outside the journal folder {2}. Nothing was written.',
        shown,
        uri.toString(true),
        root.toString(true),
      ),
    };
  }
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) {
    return {
      reason: vscode.l10n.t(
        'Cannot write {0}: the journal is on a read-only file system ({1}:). Open a writable copy of the workspace to change it. Nothing was written.',
        shown,
        uri.scheme,
      ),
    };
  }

  // Walk from the workspace folder down: a link anywhere inside the journal
  // (a folder or the file itself) could lead outside; the deepest existing
  // folder is the one that must take a new entry. The journal folder itself
  // may be a link, and may not exist yet (Create Journal makes it).
  const rootSegments =
    folder.uri.toString() === root.toString() ? [] : containedPath(folder.uri.path, root.path)?.split('/');
  if (!rootSegments)
    return {
      reason: vscode.l10n.t(
        'Refused to write {0}: the journal folder {1} is not inside the workspace folder. Nothing was written.',
        shown,
        root.toString(true),
      ),
    };
  const all = [...rootSegments, ...segments];
  let parent = await statOf(folder.uri);
  if ('error' in parent)
    return {
      reason: workspaceFolder
        ? vscode.l10n.t(
            'Cannot write {0}: the workspace folder could not be read ({1}). Nothing was written.',
            shown,
            parent.error,
          )
        : vscode.l10n.t(
            'Cannot write {0}: the disk of the journal folder could not be read ({1}). Nothing was written.',
            shown,
            parent.error,
          ),
    };
  let existing = 0;
  let target: vscode.FileStat | undefined;
  for (let i = 1; i <= all.length; i++) {
    const inJournal = i > rootSegments.length;
    const at = inJournal ? all.slice(rootSegments.length, i).join('/') : all.slice(0, i).join('/');
    // No file system holds a name this long (stat would fail with ENAMETOOLONG): it does not exist.
    if (utf8Length(all[i - 1]!) > 255) break;
    const stat = await statOf(vscode.Uri.joinPath(folder.uri, ...all.slice(0, i)));
    if ('error' in stat) {
      if (stat.missing) break;
      return {
        reason: vscode.l10n.t(
          'Cannot write {0}: {1} could not be checked ({2}). If it is a link, replace it with the folder or file itself. Nothing was written.',
          shown,
          show(at),
          stat.error,
        ),
        uri,
      };
    }
    if (inJournal && stat.type & vscode.FileType.SymbolicLink) {
      return {
        reason:
          i < all.length
            ? vscode.l10n.t(
                'Refused to write {0}: {1} is a symbolic link, and 1:1 Journal does not write through links (one can lead outside the journal folder). Replace the link with the folder itself. Nothing was written.',
                shown,
                show(at),
              )
            : vscode.l10n.t(
                'Refused to write {0}: {1} is a symbolic link, and 1:1 Journal does not write through links (one can lead outside the journal folder). Replace the link with the file itself. Nothing was written.',
                shown,
                show(at),
              ),
        uri,
      };
    }
    if (i < all.length && !(stat.type & vscode.FileType.Directory)) {
      return {
        reason: vscode.l10n.t('Cannot write {0}: {1} is a file, not a folder. Nothing was written.', shown, show(at)),
        uri,
      };
    }
    existing = i;
    if (i < all.length) parent = stat;
    else target = stat;
  }

  if (mode === 'create' && target) return { uri };
  if (mode === 'edit') {
    if (!target)
      return {
        reason: vscode.l10n.t(
          '{0} is no longer there (deleted or moved while the command ran); nothing was written.',
          path,
        ),
        uri,
      };
    if ((target.permissions ?? 0) & NOT_WRITABLE) {
      return {
        reason: vscode.l10n.t(
          "Cannot change {0}: the file is read-only. Make it writable (or check the journal folder's permissions) and try again. Nothing was written.",
          shown,
        ),
        uri,
      };
    }
    // Refused before VS Code loads megabytes into a document only to be told no (core/file-text.ts says the same of open text).
    if (target.size > MAX_FILE_BYTES) {
      return {
        reason: vscode.l10n.t(
          '{0} was not changed: it is over {1} MB, and the journal neither reads nor changes files that large. Split it into smaller files.',
          path,
          MAX_FILE_BYTES / 1024 / 1024,
        ),
        uri,
      };
    }
    return { uri };
  }
  if ((parent.permissions ?? 0) & NOT_WRITABLE) {
    const where =
      existing < rootSegments.length
        ? existing === 0
          ? vscode.l10n.t('the workspace folder')
          : vscode.l10n.t('the folder {0} of the workspace', show(all.slice(0, existing).join('/')))
        : existing === rootSegments.length
          ? vscode.l10n.t('the journal folder')
          : show(all.slice(rootSegments.length, existing).join('/'));
    return {
      reason: vscode.l10n.t(
        'Cannot create {0}: {1} is read-only. Make it writable and try again. Nothing was written.',
        shown,
        where,
      ),
      uri,
    };
  }
  // Only the names about to be made must suit every platform; existing folders are the user's.
  for (const name of rootSegments.slice(existing)) {
    const problem = newNameProblem(name);
    if (problem)
      return {
        reason: vscode.l10n.t(
          'Refused to create {0}: the journal folder\'s name "{1}" {2}. Set oneOnOne.journalFolder to another name. Nothing was written.',
          shown,
          name,
          problem,
        ),
      };
  }
  const problem = newPathProblem(path, Math.max(0, existing - rootSegments.length));
  if (problem)
    return {
      reason: vscode.l10n.t('Refused to create {0}: {1}. Choose another name. Nothing was written.', shown, problem),
    };
  return { uri };
}

export const NO_JOURNAL = vscode.l10n.t(
  'There is no journal in this window: open a folder that has one, or set oneOnOne.journalFolder to a personal journal (such as ~/one-on-ones).',
);

function topOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: topOfDisk(uri.path, uri.authority !== '') });
}

/** Why the text about to be edited must be left alone (see core/file-text.ts), or undefined. */
export function contentRefusal(path: string, doc: JournalDocument): string | undefined {
  return editRefusal(path, doc, MAX_FILE_BYTES);
}

/**
 * The bytes of a journal file a feature reads itself (the meeting template,
 * questions.md), by the store's rules: no link on the way (a linked template
 * would copy a file from outside into every new meeting), at most
 * MAX_FILE_BYTES. `missing` when there is no such file; otherwise why not.
 */
export async function readJournalFile(
  root: vscode.Uri | undefined,
  path: string,
  maxBytes: number,
): Promise<Uint8Array | { readonly missing: boolean; readonly reason: string }> {
  if (!root || escapeProblem(path)) return { missing: true, reason: `${path} is not a journal path.` };
  const segments = path.split('/');
  let stat: StatResult | undefined;
  for (let i = 1; i <= segments.length; i++) {
    stat = await statOf(vscode.Uri.joinPath(root, ...segments.slice(0, i)));
    if ('error' in stat) return { missing: stat.missing, reason: `${path} could not be read (${stat.error}).` };
    if (stat.type & vscode.FileType.SymbolicLink)
      return {
        missing: false,
        reason: `${segments.slice(0, i).join('/')} is a symbolic link, which the journal does not follow.`,
      };
  }
  if (stat && !('error' in stat) && stat.size > maxBytes)
    return { missing: false, reason: `${path} is over ${Math.round(maxBytes / 1024 / 1024)} MB.` };
  try {
    return await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, ...segments));
  } catch (error) {
    return { missing: false, reason: `${path} could not be read (${String(error)}).` };
  }
}

type StatResult = vscode.FileStat | { readonly error: string; readonly missing: boolean };

async function statOf(uri: vscode.Uri): Promise<StatResult> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (error) {
    const missing = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
    return { error: error instanceof Error ? error.message : String(error), missing };
  }
}

/** A path as a message shows it: quoted, control characters visible, not endless. */
function show(path: string): string {
  const quoted = JSON.stringify(path);
  return quoted.length > 120 ? `${quoted.slice(0, 100)}…" (${path.length} characters)` : quoted;
}

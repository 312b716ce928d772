// Where the journal is, and which of its paths are journal files: the
// `oneOnOne.journalFolder` setting resolved to a URI, the journal's state
// (open, missing, a file), journal-relative paths to URIs and back, and the
// folders a read never enters. The rest of the store sees only a root URI.

import * as vscode from 'vscode';

/** Tool and version-control folders: never journal files, and often large. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.obsidian', '.foam', '.vscode']);

export type JournalState =
  | { readonly kind: 'no-workspace' }
  | { readonly kind: 'missing'; readonly root: vscode.Uri }
  | { readonly kind: 'not-a-folder'; readonly root: vscode.Uri }
  | { readonly kind: 'ready'; readonly root: vscode.Uri };

export interface JournalLocation {
  readonly folder: vscode.WorkspaceFolder;
  /** The setting's value, as a relative path inside the folder. */
  readonly relative: string;
  readonly root: vscode.Uri;
}

/** Where the journal is: `oneOnOne.journalFolder` inside the first workspace folder. */
export function journalLocation(): JournalLocation | undefined {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length === 0) return undefined;
  const folder = folders[0]!;
  const setting = vscode.workspace.getConfiguration('oneOnOne', folder.uri).get<string>('journalFolder', 'one-on-ones');
  const relative = (setting || 'one-on-ones')
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .join('/');
  const root = relative === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  return { folder, relative, root };
}

/** Calls `listener` whenever the journal may have moved: its setting or the workspace's folders changed. */
export function onDidChangeJournalLocation(listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('oneOnOne.journalFolder')) listener();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => listener()),
  );
}

export function rootOf(state: JournalState): vscode.Uri | undefined {
  return state.kind === 'no-workspace' ? undefined : state.root;
}

/** The URI of a journal-relative path. */
export function uriIn(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split('/'));
}

/** The journal-relative path of a URI inside the journal at `root`, or undefined. */
export function pathIn(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/** A folder a read never enters: hidden, or a tool's. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** A journal-relative path inside a folder a read never enters. */
export function isSkipped(path: string): boolean {
  return path.split('/').some(isSkippedFolder);
}

// Where the journal is, and which of its paths are journal files: the
// `oneOnOne.journalFolder` values resolved to a URI (core/journal-location.ts
// says in which order), the journal's state (open, missing, a file, unusable),
// journal-relative paths to URIs and back, and the folders a read never
// enters. The rest of the store sees only a root URI.

import * as vscode from 'vscode';
import { JournalCandidate, JournalPlan, journalPlan } from '../../core/journal-location';
import { containedPath } from '../../core/layout';
import { statKind } from '../stat';

/** Tool and version-control folders: never journal files, and often large. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.obsidian', '.foam', '.vscode']);

export type JournalState =
  | { readonly kind: 'no-workspace' }
  | { readonly kind: 'unusable'; readonly problem: string }
  | { readonly kind: 'missing'; readonly root: vscode.Uri; readonly personal: boolean }
  | { readonly kind: 'not-a-folder'; readonly root: vscode.Uri; readonly personal: boolean }
  | { readonly kind: 'ready'; readonly root: vscode.Uri; readonly personal: boolean };

export type JournalLocation =
  | {
      readonly kind: 'workspace';
      readonly folder: vscode.WorkspaceFolder;
      /** The setting's value, as a relative path inside the folder. */
      readonly relative: string;
      readonly root: vscode.Uri;
    }
  | {
      /** The user's own folder outside the workspace: the same journal in every window. */
      readonly kind: 'personal';
      /** The folder as a `/`-separated path, for messages. */
      readonly path: string;
      readonly root: vscode.Uri;
    };

/** Where the journal is, or why it cannot be used; neither: no folder is open and no personal journal is set. */
export type Resolved = { readonly location: JournalLocation } | { readonly problem: string } | Record<string, never>;

/** The home folder, where the extension host has one (not in a browser). */
export function homeFolder(): string | undefined {
  const env = typeof process === 'undefined' ? undefined : process.env;
  return env?.HOME || env?.USERPROFILE || undefined;
}

/** Whether this extension host reaches the disk: a personal journal needs one (a browser has none). */
export function hasLocalDisk(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** A journal location's name for people: the relative folder, the workspace folder's name, or the full path. */
export function describeLocation(location: JournalLocation): string {
  if (location.kind === 'personal') return location.path;
  return location.relative === '' ? location.folder.name : location.relative;
}

/**
 * Where the journal is, by the documented order: a workspace's own value
 * whose folder exists; else the user's personal folder (outside the
 * workspace); else the workspace's own value (a folder to create); else the
 * user's relative value or `one-on-ones`, in the first workspace folder that
 * has it. A setting that cannot be used makes the journal unusable with a
 * message that says why, rather than quietly opening some other folder.
 */
export async function resolveJournalLocation(): Promise<Resolved> {
  const { plan, folders } = currentPlan();
  if (plan.problems.length > 0) return { problem: plan.problems.join(' ') };

  const own = plan.candidates.filter((c) => c.kind === 'workspace' && c.from === 'workspace');
  for (const candidate of own) {
    const location = locationOf(candidate, folders);
    if ((await statKind(location.root)) !== undefined) return { location };
  }
  const personal = plan.candidates.find((c) => c.kind === 'personal');
  if (personal) {
    const location = locationOf(personal, folders);
    const problem = location.kind === 'personal' ? personalProblem(location, folders) : undefined;
    return problem ? { problem } : { location };
  }
  // The workspace named a folder not made yet: that is where its journal goes (Create Journal makes it).
  if (own[0]) return { location: locationOf(own[0], folders) };
  for (const candidate of plan.candidates) {
    const location = locationOf(candidate, folders);
    if ((await statKind(location.root)) !== undefined) return { location };
  }
  return plan.create ? { location: locationOf(plan.create, folders) } : {};
}

/** The roots the journal may be at, most likely first, without touching the disk (the startup cache's first rows). */
export function likelyRoots(): vscode.Uri[] {
  const { plan, folders } = currentPlan();
  return plan.problems.length > 0 ? [] : plan.candidates.map((c) => locationOf(c, folders).root);
}

function currentPlan(): { plan: JournalPlan; folders: readonly vscode.WorkspaceFolder[] } {
  const folders = vscode.workspace.workspaceFolders ?? [];
  // In an untrusted workspace the workspace's own values are not used (a restricted setting).
  const trusted = vscode.workspace.isTrusted;
  const settings = folders.map((folder) => {
    const inspected = vscode.workspace.getConfiguration('oneOnOne', folder.uri).inspect<unknown>('journalFolder');
    const value = trusted ? (inspected?.workspaceFolderValue ?? inspected?.workspaceValue) : undefined;
    return { path: folder.uri.path, value };
  });
  const userValue = vscode.workspace.getConfiguration('oneOnOne').inspect<unknown>('journalFolder')?.globalValue;
  const personalHere = hasLocalDisk();
  const plan = journalPlan(settings, personalHere ? userValue : relativeOnly(userValue), homeFolder());
  return { plan, folders };
}

/** A browser has no folder outside the workspace: there a user's absolute value is read as no value. */
function relativeOnly(value: unknown): unknown {
  return typeof value === 'string' && /^\s*(~|\$\{userHome\}|[\\/]|[A-Za-z]:)/.test(value) ? undefined : value;
}

function locationOf(candidate: JournalCandidate, folders: readonly vscode.WorkspaceFolder[]): JournalLocation {
  if (candidate.kind === 'personal') {
    return { kind: 'personal', path: candidate.path, root: vscode.Uri.file(candidate.path) };
  }
  const folder = folders[candidate.folder]!;
  const { relative } = candidate;
  const root = relative === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  return { kind: 'workspace', folder, relative, root };
}

/**
 * A personal journal inside an open workspace folder would be that folder's
 * files (pushed with it, found by its searches): it is used only when it is
 * the folder itself (the journal opened as the workspace).
 */
function personalProblem(
  location: Extract<JournalLocation, { kind: 'personal' }>,
  folders: readonly vscode.WorkspaceFolder[],
): string | undefined {
  for (const folder of folders) {
    if (folder.uri.scheme !== location.root.scheme || folder.uri.authority !== location.root.authority) continue;
    const inside = containedPath(folder.uri.path, location.root.path);
    if (inside === undefined || inside === '') continue;
    return vscode.l10n.t(
      'The journal folder "{0}" (oneOnOne.journalFolder in your user settings) is inside the open folder "{1}", so it would be that workspace\'s journal, not a personal one. Keep the personal journal in a folder of its own outside your repositories, or set oneOnOne.journalFolder in this workspace\'s settings to "{2}". Nothing is read or written until then.',
      location.path,
      folder.name,
      inside,
    );
  }
  return undefined;
}

/** Calls `listener` whenever the journal may have moved: its setting, the workspace's folders or its trust changed. */
export function onDidChangeJournalLocation(listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('oneOnOne.journalFolder')) listener();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => listener()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => listener()),
  );
}

export function rootOf(state: JournalState): vscode.Uri | undefined {
  return 'root' in state ? state.root : undefined;
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

// Where an editor selection is, as a captured talking point or feedback
// thread records it: the path and lines, and for a personal journal (shared
// by every window) the repository as well, so that Go to Source still knows
// where to look from another window. The GitHub permalink is added by the caller.

import * as vscode from 'vscode';
import { parseSourceRef, sameRepository, sourceRefLabel } from '../core/source-ref';
import { repositoryIdentity, windowRepositories } from '../host/git';
import { Services } from '../host/services';

/** One-based lines of a selection; a selection that ends at the start of a line does not include that line. */
export function selectedLines(selection: vscode.Selection): { start: number; end: number } {
  const start = selection.start.line + 1;
  const end =
    selection.end.character === 0 && selection.end.line > selection.start.line
      ? selection.end.line
      : selection.end.line + 1;
  return { start, end };
}

/** The label of a selection's place: `src/a.ts:3-9`, with ` in owner/repo` when the journal is personal. */
export async function selectionLabel(
  services: Services,
  document: vscode.TextDocument,
  selection: vscode.Selection,
): Promise<string> {
  const { start, end } = selectedLines(selection);
  if (document.uri.scheme === 'untitled') return sourceRefLabel({ path: document.uri.path, start, end });
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  if (!services.store.personal)
    return sourceRefLabel({ path: vscode.workspace.asRelativePath(document.uri, multiRoot), start, end });
  const identity = await repositoryIdentity(document.uri);
  const inside = identity && relativeTo(identity.root, document.uri);
  if (!identity || inside === undefined)
    return sourceRefLabel({ path: vscode.workspace.asRelativePath(document.uri, multiRoot), start, end });
  return sourceRefLabel({ path: inside, start, end, repository: identity.names[0] });
}

/**
 * The file and lines a source label names, in this window: a path in one of
 * its workspace folders or, for a label with a repository, in the open folder
 * that is that repository. `elsewhere`: the label names a repository that is
 * not open here.
 */
export async function sourceLocation(
  label: string,
): Promise<{ uri: vscode.Uri; start: number; end: number } | { elsewhere: string } | undefined> {
  const ref = parseSourceRef(label);
  if (!ref) return undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const candidates: vscode.Uri[] = [];
  if (ref.repository !== undefined) {
    for (const identity of await windowRepositories()) {
      if (sameRepository(ref.repository, identity.names))
        candidates.push(vscode.Uri.joinPath(identity.root, ...ref.path.split('/')));
    }
  } else {
    for (const folder of folders) {
      const relative =
        ref.path.startsWith(`${folder.name}/`) && folders.length > 1
          ? ref.path.slice(folder.name.length + 1)
          : ref.path;
      candidates.push(vscode.Uri.joinPath(folder.uri, ...relative.split('/')));
    }
  }
  for (const uri of candidates) {
    try {
      await vscode.workspace.fs.stat(uri);
      return { uri, start: ref.start, end: ref.end };
    } catch {
      // not in this folder: the next one
    }
  }
  return ref.repository !== undefined ? { elsewhere: ref.repository } : undefined;
}

function relativeTo(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (root.scheme !== uri.scheme || root.authority !== uri.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

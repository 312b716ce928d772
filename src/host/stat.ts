// Stat through workspace.fs without throwing: undefined when there is
// nothing there (or it cannot be reached).
import * as vscode from 'vscode';

export async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/** Directory, File (anything else that is there), or undefined when nothing is. */
export async function statKind(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  const stat = await statOf(uri);
  if (!stat) return undefined;
  return stat.type & vscode.FileType.Directory ? vscode.FileType.Directory : vscode.FileType.File;
}

/** Whether anything is at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  return (await statOf(uri)) !== undefined;
}

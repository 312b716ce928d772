// Shared by the integration suites: the running extension's services, the
// workspace under test, and polling for asynchronous effects (the watcher).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import type { JournalApi } from '../../src/extension';
import type { TestApi } from '../../src/features';
import type { Node } from '../../src/ui/nodes';

export const EXTENSION_ID = 'one-on-one-journal.one-on-one-journal';

/** The running extension's exports, with its typed test API (src/features/index.ts) spread alongside. */
export type Api = JournalApi & TestApi;

export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<JournalApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const journal = await ext.activate();
  await journal.services.store.ready();
  return { ...journal, ...journal.test };
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri;
}

export function journalUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'one-on-ones', ...segments);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
}

export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls `check` until it returns a truthy value (or throws the last failure
 * after `timeoutMs`). The default allows for a loaded CI machine, where the
 * file watcher's events can take seconds.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Row {
  readonly node: Node;
  readonly label: string;
  readonly description: string;
  readonly icon: string | undefined;
  readonly contextValue: string | undefined;
}

/** A tree's children as the user sees them: label, description and icon of each row. */
export async function rows(provider: vscode.TreeDataProvider<Node>, parent?: Node): Promise<Row[]> {
  const children = (await provider.getChildren(parent)) ?? [];
  const out: Row[] = [];
  for (const node of children) {
    const item = await provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    out.push({
      node,
      label,
      description: typeof item.description === 'string' ? item.description : '',
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
      contextValue: item.contextValue,
    });
  }
  return out;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** git itself, in `cwd`, with an author for commits (integration tests may use node directly; only the extension is bound to workspace.fs). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e.st',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e.st',
    },
  }).trim();
}

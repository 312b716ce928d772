// Permalinks through VS Code's built-in git extension (its API, version 1):
// never by spawning git, so it works wherever that extension does.

import * as vscode from 'vscode';
import { parseGitHubRemote, permalink } from '../core/talking-points';

// The few parts of the git extension's API we use (see vscode's extensions/git/src/api/git.d.ts).
interface GitRemote {
  readonly name: string;
  readonly fetchUrl?: string;
  readonly pushUrl?: string;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD?: { readonly commit?: string; readonly upstream?: { readonly remote: string } }; readonly remotes: readonly GitRemote[] };
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

async function gitApi(): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

/** A GitHub permalink to lines of `uri` at the checked-out commit, when the repository has a GitHub remote. */
export async function githubPermalink(uri: vscode.Uri, startLine: number, endLine: number): Promise<string | undefined> {
  const api = await gitApi();
  const repo = api?.getRepository(uri);
  const commit = repo?.state.HEAD?.commit;
  if (!repo || !commit) return undefined;
  const enterprise = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
  const enterpriseHosts: string[] = [];
  if (enterprise) {
    try {
      enterpriseHosts.push(new URL(enterprise).hostname);
    } catch {
      // an unparsable setting is the user's to fix; github.com still works
    }
  }
  const preferred = repo.state.HEAD?.upstream?.remote;
  const remotes = [...repo.state.remotes].sort((a, b) => rank(a.name, preferred) - rank(b.name, preferred));
  for (const remote of remotes) {
    const parsed = parseGitHubRemote(remote.fetchUrl ?? remote.pushUrl ?? '', enterpriseHosts);
    if (!parsed) continue;
    const rootPath = repo.rootUri.path.endsWith('/') ? repo.rootUri.path : `${repo.rootUri.path}/`;
    if (!uri.path.startsWith(rootPath)) return undefined;
    return permalink(parsed, commit, uri.path.slice(rootPath.length), startLine, endLine);
  }
  return undefined;
}

function rank(name: string, preferred: string | undefined): number {
  return name === preferred ? 0 : name === 'origin' ? 1 : name === 'upstream' ? 2 : 3;
}

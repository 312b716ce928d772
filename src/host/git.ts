// Git, read through VS Code's built-in git extension (its API, version 1) —
// never by spawning git, so it works wherever that extension does: permalinks,
// and for the privacy check the repository a folder is in, its remotes and
// git's own verdict on ignored paths. Without the extension (disabled, an
// untrusted workspace, a browser) the repository's files are read instead,
// through workspace.fs: `.git` (a folder, or a file pointing to one), its
// `config` and `info/exclude`.

import * as vscode from 'vscode';
import { statKind } from './stat';
import { GitRemote, parseGitConfigRemotes, parseGitFile, resolvePosix } from '../core/privacy';
import { parseGitHubRemote, permalink } from '../core/talking-points';

// The few parts of the git extension's API we use (see vscode's extensions/git/src/api/git.d.ts).
interface ApiRemote {
  readonly name: string;
  readonly fetchUrl?: string;
  readonly pushUrl?: string;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD?: { readonly commit?: string; readonly upstream?: { readonly remote: string } };
    readonly remotes: readonly ApiRemote[];
  };
  /** `git check-ignore` on file system paths; the ignored ones back. Not in the published typings, but in the API object since VS Code 1.7x. */
  checkIgnore?(paths: string[]): Promise<Set<string>>;
}
interface GitApi {
  /** 'uninitialized' while the extension still looks for repositories (newer versions only). */
  readonly state?: 'uninitialized' | 'initialized';
  readonly onDidChangeState?: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  readonly repositories: readonly GitRepository[];
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
export async function githubPermalink(
  uri: vscode.Uri,
  startLine: number,
  endLine: number,
): Promise<string | undefined> {
  const api = await gitApi();
  const repo = api?.getRepository(uri);
  const commit = repo?.state.HEAD?.commit;
  if (!repo || !commit) return undefined;
  const enterpriseHosts = githubEnterpriseHosts();
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

/** The GitHub Enterprise host VS Code is set up for (`github-enterprise.uri`), if any. */
function githubEnterpriseHosts(): string[] {
  const enterprise = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
  try {
    return enterprise ? [new URL(enterprise).hostname] : [];
  } catch {
    // an unparsable setting is the user's to fix; github.com still works
    return [];
  }
}

function rank(name: string, preferred: string | undefined): number {
  return name === preferred ? 0 : name === 'origin' ? 1 : name === 'upstream' ? 2 : 3;
}

// --- the repository a folder is in ----------------------------------------------

export interface RepositoryFacts {
  /** The working tree's root. */
  readonly root: vscode.Uri;
  readonly remotes: readonly GitRemote[];
  /**
   * git's own answer to "is this ignored?" (every ignore file, the global one
   * included), through the git extension; undefined when it is not available.
   * Takes and gives URIs' `toString()`.
   */
  readonly ignored: ((uris: readonly vscode.Uri[]) => Promise<ReadonlySet<string>>) | undefined;
  readonly via: 'git-extension' | 'git-files';
}

export interface GitFolders {
  readonly root: vscode.Uri;
  /** `.git`, or where a `.git` file points (a worktree, a submodule). */
  readonly gitDir: vscode.Uri;
  /** Where `config` and `info/exclude` live: the main repository's git folder for a worktree. */
  readonly commonDir: vscode.Uri;
}

/** How long to wait for the git extension to finish finding repositories. */
const GIT_READY_MS = 3000;

/**
 * The repository `uri` is in, with its remotes: from the git extension when
 * it knows the repository, else from the files. Undefined outside any repository.
 */
export async function repositoryOf(uri: vscode.Uri): Promise<RepositoryFacts | undefined> {
  const api = await gitApi();
  if (api) {
    await initialized(api);
    const repo = api.getRepository(uri);
    if (repo) {
      const check = repo.checkIgnore?.bind(repo);
      return {
        root: repo.rootUri,
        remotes: repo.state.remotes.flatMap((r) => {
          const url = r.fetchUrl ?? r.pushUrl;
          return url ? [{ name: r.name, url }] : [];
        }),
        ignored: check
          ? async (uris) => {
              const byPath = new Map(uris.map((u) => [u.fsPath, u.toString()]));
              const found = await check([...byPath.keys()]);
              return new Set([...found].flatMap((p) => byPath.get(p) ?? []));
            }
          : undefined,
        via: 'git-extension',
      };
    }
  }
  // No extension, or it has not opened this repository (a parent folder it
  // was told not to open, a scan depth it does not reach): the files say.
  const folders = await gitFolders(uri);
  if (!folders) return undefined;
  const config = await readText(vscode.Uri.joinPath(folders.commonDir, 'config'));
  return { root: folders.root, remotes: parseGitConfigRemotes(config ?? ''), ignored: undefined, via: 'git-files' };
}

async function initialized(api: GitApi): Promise<void> {
  const onChange = api.onDidChangeState;
  if (api.state !== 'uninitialized' || !onChange) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, GIT_READY_MS);
    const sub = onChange((state) => state === 'initialized' && done());
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

/** The git folders of the repository `uri` is in, found by walking up from it; undefined outside any. */
export async function gitFolders(uri: vscode.Uri): Promise<GitFolders | undefined> {
  let dir = uri;
  for (let depth = 0; depth < 128; depth++) {
    const dotGit = vscode.Uri.joinPath(dir, '.git');
    const kind = await statKind(dotGit);
    if (kind === vscode.FileType.Directory) return { root: dir, gitDir: dotGit, commonDir: await commonDirOf(dotGit) };
    if (kind === vscode.FileType.File) {
      const target = parseGitFile((await readText(dotGit)) ?? '');
      if (target) {
        const gitDir = withPath(dir, resolvePosix(dir.path, target));
        return { root: dir, gitDir, commonDir: await commonDirOf(gitDir) };
      }
    }
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}

async function commonDirOf(gitDir: vscode.Uri): Promise<vscode.Uri> {
  const common = (await readText(vscode.Uri.joinPath(gitDir, 'commondir')))?.trim();
  return common ? withPath(gitDir, resolvePosix(gitDir.path, common)) : gitDir;
}

function withPath(like: vscode.Uri, path: string): vscode.Uri {
  return like.with({ path: path.startsWith('/') ? path : `/${path}` });
}

/** A small text file, or undefined when it is not there or not readable. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

// --- what a repository is called in another window ------------------------------

export interface RepositoryIdentity {
  /** Where paths in it start: the repository's root, or the workspace folder outside any repository. */
  readonly root: vscode.Uri;
  /** Its names, best first: GitHub's `owner/repo` when it has a GitHub remote, then its folder's name. */
  readonly names: readonly string[];
}

/**
 * The places of this window a source label's repository may be: each
 * workspace folder, and each repository the git extension has open (a
 * repository can be a folder inside a workspace folder).
 */
export async function windowRepositories(): Promise<RepositoryIdentity[]> {
  const api = await gitApi();
  if (api) await initialized(api);
  const roots = [
    ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri),
    ...(api?.repositories ?? []).map((r) => r.rootUri),
  ];
  const seen = new Set<string>();
  const out: RepositoryIdentity[] = [];
  for (const root of roots) {
    const identity = await repositoryIdentity(root);
    if (!identity || seen.has(identity.root.toString())) continue;
    seen.add(identity.root.toString());
    out.push(identity);
  }
  return out;
}

/** The repository (or, outside any, the workspace folder) `uri` is in, with the names a source label uses. */
export async function repositoryIdentity(uri: vscode.Uri): Promise<RepositoryIdentity | undefined> {
  const facts = await repositoryOf(uri);
  const root = facts?.root ?? vscode.workspace.getWorkspaceFolder(uri)?.uri;
  if (!root) return undefined;
  const enterpriseHost = githubEnterpriseHosts();
  const remotes = [...(facts?.remotes ?? [])].sort((a, b) => rank(a.name, undefined) - rank(b.name, undefined));
  const github = remotes.flatMap((r) => {
    const parsed = parseGitHubRemote(r.url, enterpriseHost);
    return parsed ? [`${parsed.owner}/${parsed.repo}`] : [];
  });
  const folderName = root.path.replace(/\/+$/, '').split('/').pop() ?? '';
  return { root, names: [...new Set([...github, ...(folderName ? [folderName] : [])])] };
}

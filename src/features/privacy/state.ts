// What the journal's git state is: in no repository, in one without a remote,
// left out of git, or exposed to a push. Reads git and the ignore files;
// changes nothing.

import * as vscode from 'vscode';
import { displayRemoteUrl, ignoreFolders, JOURNAL_PROBES, journalIgnoredBy, relativeInside } from '../../core/privacy';
import { IgnoreSource } from '../../core/ignore-rules';
import { gitFolders, RepositoryFacts, repositoryOf } from '../../host/git';
import { describeLocation, JournalLocation } from '../../host/journal-store';
import { Services } from '../../host/services';
import { exists } from '../../host/stat';

export type PrivacyState = 'no-workspace' | 'no-repository' | 'no-remote' | 'excluded' | 'exposed';
export type PrivacyAction = 'excluded' | 'moved' | 'never' | 'warn-again' | 'explained' | 'refused' | 'failed' | 'none';

export interface PrivacyReport {
  readonly state: PrivacyState;
  /** The journal folder as the setting names it: a path inside the workspace folder, or a personal journal's full path. */
  readonly journal?: string;
  /** The repository's root, as a URI. */
  readonly repository?: string;
  /** The journal's path inside the repository (`''`: its root). */
  readonly inRepository?: string;
  /** `origin (https://github.com/acme/app.git)`, without any credentials in the address. */
  readonly remotes?: readonly string[];
  /** What keeps the journal out of git, when something does. */
  readonly excludedBy?: string;
  readonly via?: RepositoryFacts['via'];
  /** What the user chose when asked, and what came of it. */
  readonly action?: PrivacyAction;
}

/** The report, with what was found on the way: the actions work on these. */
export interface Inspection {
  readonly report: PrivacyReport;
  readonly location?: JournalLocation;
  readonly facts?: RepositoryFacts;
}

export async function inspect(services: Services): Promise<Inspection> {
  await services.store.ready();
  const location = services.store.location;
  if (!location) return { report: { state: 'no-workspace' } };
  const journal = describeLocation(location);
  const facts = await repositoryOf(location.root);
  const inRepository =
    facts && facts.root.scheme === location.root.scheme && facts.root.authority === location.root.authority
      ? relativeInside(facts.root.path, location.root.path)
      : undefined;
  if (!facts || inRepository === undefined) {
    services.log.debug(`Privacy: the journal folder ${journal} is not in a git repository.`);
    return { report: { state: 'no-repository', journal }, location };
  }
  const base = {
    journal,
    repository: facts.root.toString(),
    inRepository,
    via: facts.via,
    remotes: facts.remotes.map((r) => `${r.name} (${displayRemoteUrl(r.url)})`),
  };
  if (facts.remotes.length === 0) {
    services.log.debug(
      `Privacy: the journal folder ${journal} is in a repository without a remote (read ${facts.via}).`,
    );
    return { report: { state: 'no-remote', ...base }, location, facts };
  }
  const ignoredBy = await excludedBy(facts, location.root, inRepository);
  services.log.debug(
    `Privacy: the journal folder ${journal} is in a repository with ${facts.remotes.length} remote(s), ${ignoredBy ? 'ignored' : 'not ignored'} by git (read ${facts.via}).`,
  );
  return {
    report: ignoredBy ? { state: 'excluded', excludedBy: ignoredBy, ...base } : { state: 'exposed', ...base },
    location,
    facts,
  };
}

/** What keeps the journal out of git: git's own answer through the extension, else the ignore files read by the core. */
async function excludedBy(
  facts: RepositoryFacts,
  journal: vscode.Uri,
  inRepository: string,
): Promise<string | undefined> {
  if (facts.ignored) {
    try {
      const probes = JOURNAL_PROBES.map((p) => vscode.Uri.joinPath(journal, ...p.split('/')));
      const ignored = await facts.ignored([journal, ...probes]);
      if (ignored.has(journal.toString()) || probes.every((p) => ignored.has(p.toString()))) return 'a git ignore rule';
      return undefined;
    } catch {
      // git could not answer (a broken repository): read the files below.
    }
  }
  const folders = await gitFolders(facts.root);
  const sources: IgnoreSource[] = [];
  if (folders) {
    const exclude = await readBytes(vscode.Uri.joinPath(folders.commonDir, 'info', 'exclude'));
    if ('bytes' in exclude && exclude.bytes)
      sources.push({ base: '', text: new TextDecoder('utf-8').decode(exclude.bytes), label: '.git/info/exclude' });
  }
  for (const dir of ignoreFolders(inRepository)) {
    const uri =
      dir === ''
        ? vscode.Uri.joinPath(facts.root, '.gitignore')
        : vscode.Uri.joinPath(facts.root, ...dir.split('/'), '.gitignore');
    const read = await readBytes(uri);
    if ('bytes' in read && read.bytes)
      sources.push({
        base: dir,
        text: new TextDecoder('utf-8').decode(read.bytes),
        label: dir === '' ? '.gitignore' : `${dir}/.gitignore`,
      });
  }
  return journalIgnoredBy(inRepository, sources);
}

/** A file's bytes; `bytes` undefined when there is no such file, `error` when it is there but cannot be read. */
export async function readBytes(
  uri: vscode.Uri,
): Promise<{ readonly bytes: Uint8Array | undefined } | { readonly error: string }> {
  try {
    return { bytes: await vscode.workspace.fs.readFile(uri) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { bytes: undefined };
    if (!(await exists(uri))) return { bytes: undefined };
    return { error: String(error) };
  }
}

// Keeping the journal on this machine: when the journal folder is in a git
// repository that has a remote, and git does not already leave it out, the
// user is warned once per workspace that their candid notes could be pushed,
// and offered to exclude it (a line in .git/info/exclude), to move it out of
// the repository, or never to hear of it again here. "1:1: Check Journal
// Privacy" runs the same check on demand and always says what it found.

import * as vscode from 'vscode';
import { exists } from '../../host/stat';
import {
  displayRemoteUrl,
  excludeLine,
  ignoreFolders,
  IgnoreSource,
  JOURNAL_PROBES,
  journalIgnoredBy,
  relativeInside,
  withExcludeLine,
} from '../../core/privacy';
import { gitFolders, RepositoryFacts, repositoryOf } from '../../host/git';
import { JournalLocation, journalLocation } from '../../host/journal-store';
import { Services } from '../../host/services';
import { refuseUntrusted } from '../../ui/trust';

/** workspaceState: true once the user chose "Don't Warn Again". */
export const NEVER_WARN_KEY = 'oneOnOne.privacy.neverWarn';
/** workspaceState: the situations warned about (repository, journal path, remotes), so each is said once. */
export const WARNED_KEY = 'oneOnOne.privacy.warned';

/** Situations remembered: the journal does not move often. */
const MAX_SITUATIONS = 20;

export const EXCLUDE = 'Exclude from Git';
export const MOVE = 'Move Journal…';
export const NEVER = "Don't Warn Again";
export const OPEN_SETTING = 'Open Setting';
export const WARN_AGAIN = 'Warn Me Again';

export type PrivacyState = 'no-workspace' | 'no-repository' | 'no-remote' | 'excluded' | 'exposed';
export type PrivacyAction = 'excluded' | 'moved' | 'never' | 'warn-again' | 'explained' | 'refused' | 'failed' | 'none';

export interface PrivacyReport {
  readonly state: PrivacyState;
  /** The journal folder as the setting names it, inside the first workspace folder. */
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

interface Inspection {
  readonly report: PrivacyReport;
  readonly location?: JournalLocation;
  readonly facts?: RepositoryFacts;
}

export function activatePrivacy(context: vscode.ExtensionContext, services: Services): void {
  const privacy = new PrivacyCheck(context, services);
  context.subscriptions.push(
    vscode.commands.registerCommand('oneOnOne.checkPrivacy', () => privacy.checkNow()),
    // Once trusted, the warning's actions can run: check then.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void privacy.warnIfNeeded()),
    services.store.onDidChange(() => privacy.onJournalChanged()),
  );
  void services.store.ready().then(() => privacy.onJournalChanged());
}

class PrivacyCheck {
  private seen: string | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: Services,
  ) {}

  /** The journal appeared, moved or went away: a new situation to check. Other changes (a file saved) are not. */
  onJournalChanged(): void {
    const state = this.services.store.state;
    const key = `${state.kind}|${this.services.store.root?.toString() ?? ''}`;
    if (key === this.seen) return;
    this.seen = key;
    void this.warnIfNeeded();
  }

  /** The automatic check: warns once per workspace and situation, never after "Don't Warn Again". */
  warnIfNeeded(): Promise<void> {
    // One check at a time; one that starts while another runs would ask twice.
    this.running ??= this.automatic().finally(() => (this.running = undefined));
    return this.running;
  }

  private async automatic(): Promise<void> {
    const { log } = this.services;
    if (!vscode.workspace.isTrusted || this.services.store.state.kind !== 'ready') return;
    if (this.context.workspaceState.get<boolean>(NEVER_WARN_KEY)) {
      log.debug("Privacy: automatic git check off in this workspace (Don't Warn Again).");
      return;
    }
    const inspection = await this.inspect();
    if (inspection.report.state !== 'exposed') return;
    const situation = situationOf(inspection.report);
    const warned = this.context.workspaceState.get<string[]>(WARNED_KEY) ?? [];
    if (warned.includes(situation)) {
      log.debug('Privacy: already warned about this repository and journal folder.');
      return;
    }
    await this.context.workspaceState.update(WARNED_KEY, [...warned, situation].slice(-MAX_SITUATIONS));
    log.info(
      `Privacy: warned that the journal folder ${inspection.report.journal} is in a repository with ${inspection.report.remotes?.length} remote(s).`,
    );
    // Not awaited: a warning left open must not hold up the check of the next situation.
    void this.warn(inspection);
  }

  /** `oneOnOne.checkPrivacy`: the check on demand, with its result said whatever it is. */
  async checkNow(): Promise<PrivacyReport> {
    const inspection = await this.inspect();
    const { report } = inspection;
    const where = `"${report.journal}"`;
    const off = this.context.workspaceState.get<boolean>(NEVER_WARN_KEY) === true;
    const offNote = off ? ' Automatic warnings are off in this workspace.' : '';
    const extra = off ? [WARN_AGAIN] : [];
    let pick: string | undefined;
    switch (report.state) {
      case 'no-workspace':
        void vscode.window.showInformationMessage(
          'No folder is open, so there is no journal to check: 1:1 Journal keeps it inside your workspace.',
        );
        return report;
      case 'no-repository':
        pick = await vscode.window.showInformationMessage(
          `The journal ${where} is not in a git repository: git sends none of it anywhere.${offNote}`,
          ...extra,
        );
        break;
      case 'no-remote':
        pick = await vscode.window.showInformationMessage(
          `The journal ${where} is in a git repository without a remote, so nothing can be pushed; exclude it before you add one.${offNote}`,
          EXCLUDE,
          ...extra,
        );
        break;
      case 'excluded':
        pick = await vscode.window.showInformationMessage(
          `The journal ${where} is in a git repository with a remote, but ${report.excludedBy} keeps it out of git: it is not pushed.${offNote}`,
          ...extra,
        );
        break;
      case 'exposed':
        return this.warn(inspection, extra);
    }
    return { ...report, action: await this.act(pick, inspection) };
  }

  private async warn(inspection: Inspection, extra: readonly string[] = []): Promise<PrivacyReport> {
    const { report } = inspection;
    const remotes = report.remotes ?? [];
    const to =
      remotes.length > 1
        ? `${remotes[0]} (or ${remotes.length - 1} other remote${remotes.length > 2 ? 's' : ''})`
        : remotes[0];
    const pick = await vscode.window.showWarningMessage(
      `Your 1:1 journal "${report.journal}" is in a git repository that has a remote: your candid notes could be committed and pushed to ${to}.`,
      EXCLUDE,
      MOVE,
      NEVER,
      ...extra,
    );
    return { ...report, action: await this.act(pick, inspection) };
  }

  private async act(pick: string | undefined, inspection: Inspection): Promise<PrivacyAction> {
    switch (pick) {
      case EXCLUDE:
        return this.exclude(inspection);
      case MOVE:
        return this.move(inspection);
      case NEVER:
        await this.context.workspaceState.update(NEVER_WARN_KEY, true);
        void vscode.window.showInformationMessage(
          '1:1 Journal will not warn about git in this workspace again. "1:1: Check Journal Privacy" still checks on demand.',
        );
        return 'never';
      case WARN_AGAIN:
        await this.context.workspaceState.update(NEVER_WARN_KEY, undefined);
        await this.context.workspaceState.update(WARNED_KEY, undefined);
        void vscode.window.showInformationMessage(
          '1:1 Journal will warn again if the journal could be pushed with git.',
        );
        return 'warn-again';
      default:
        return 'none';
    }
  }

  /** Appends one line to .git/info/exclude (created when missing); every byte already there stays. */
  private async exclude(inspection: Inspection): Promise<PrivacyAction> {
    if (!vscode.workspace.isTrusted) {
      refuseUntrusted('exclude the journal from git');
      return 'refused';
    }
    const { facts, report } = inspection;
    if (!facts || report.inRepository === undefined) return this.failed('The journal is not in a git repository.');
    if (report.inRepository === '') {
      return this.failed(
        'The journal folder is the repository itself, so it cannot be excluded from it. Point oneOnOne.journalFolder at a folder of its own.',
      );
    }
    const folders = await gitFolders(facts.root);
    if (!folders)
      return this.failed(`The git folder of ${facts.root.toString(true)} could not be found, so nothing was excluded.`);
    const info = vscode.Uri.joinPath(folders.commonDir, 'info');
    const file = vscode.Uri.joinPath(info, 'exclude');
    const existing = await readBytes(file);
    if ('error' in existing)
      return this.failed(`.git/info/exclude could not be read (${existing.error}), so it was left as it is.`);
    const before = existing.bytes ? new TextDecoder('utf-8').decode(existing.bytes) : undefined;
    const line = excludeLine(report.inRepository);
    const after = withExcludeLine(before, line);
    if (after !== undefined) {
      const added = new TextEncoder().encode(after.slice((before ?? '').length));
      const old = existing.bytes ?? new Uint8Array();
      const bytes = new Uint8Array(old.length + added.length);
      bytes.set(old);
      bytes.set(added, old.length);
      try {
        await vscode.workspace.fs.createDirectory(info);
        await vscode.workspace.fs.writeFile(file, bytes);
      } catch (error) {
        return this.failed(`.git/info/exclude could not be written: ${String(error)}`);
      }
      this.services.log.info(`Privacy: added ${line} to ${file.toString(true)}.`);
    }
    const now = await this.inspect();
    if (now.report.state === 'exposed') {
      void vscode.window.showWarningMessage(
        `Added ${line} to .git/info/exclude, but git still does not leave the journal out: a "!" rule in a .gitignore brings it back. Remove that rule, or move the journal.`,
      );
      return 'failed';
    }
    void vscode.window.showInformationMessage(
      `Added ${line} to .git/info/exclude (this clone only): git leaves the journal out from now on. Files of it already committed stay tracked until you run git rm -r --cached "${report.inRepository}".`,
    );
    return 'excluded';
  }

  /**
   * The journal's place is a path inside the first workspace folder
   * (oneOnOne.journalFolder). When the repository is a folder within the
   * workspace folder, the journal can move beside it: one undoable rename,
   * then the setting. When the workspace folder is itself in the repository,
   * no place the setting can name is outside it, and that is what is said.
   */
  private async move(inspection: Inspection): Promise<PrivacyAction> {
    if (!vscode.workspace.isTrusted) {
      refuseUntrusted('move the journal');
      return 'refused';
    }
    const { facts, location } = inspection;
    if (!facts || !location) return this.failed('The journal is not in a git repository.');
    const folder = location.folder;
    const sameHost = facts.root.scheme === folder.uri.scheme && facts.root.authority === folder.uri.authority;
    const repoInFolder = sameHost ? relativeInside(folder.uri.path, facts.root.path) : undefined;
    if (repoInFolder === undefined || repoInFolder === '') {
      const pick = await vscode.window.showWarningMessage(
        'The journal cannot move out of this repository from here.',
        {
          modal: true,
          detail: `1:1 Journal keeps the journal in the first workspace folder ("${folder.name}"): oneOnOne.journalFolder is a path inside it, and that whole folder is in the git repository. Exclude the journal from git instead, or keep the journal in a folder outside the repository and open that folder as your workspace.`,
        },
        EXCLUDE,
        OPEN_SETTING,
      );
      if (pick === EXCLUDE) return this.exclude(inspection);
      if (pick === OPEN_SETTING)
        await vscode.commands.executeCommand('workbench.action.openSettings', 'oneOnOne.journalFolder');
      return 'explained';
    }
    const picked = (
      await vscode.window.showOpenDialog({
        title: 'Move the journal to a folder outside the git repository',
        defaultUri: folder.uri,
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: 'Move Journal Here',
      })
    )?.[0];
    if (!picked) return 'none';
    const inFolder =
      picked.scheme === folder.uri.scheme && picked.authority === folder.uri.authority
        ? relativeInside(folder.uri.path, picked.path)
        : undefined;
    if (inFolder === undefined)
      return this.failed(
        `Pick a folder inside "${folder.name}": the journal's place is a path in the first workspace folder.`,
      );
    if (relativeInside(facts.root.path, picked.path) !== undefined)
      return this.failed(
        `"${inFolder || folder.name}" is in the git repository too. Pick a folder outside "${repoInFolder}".`,
      );
    const name = location.root.path.slice(location.root.path.lastIndexOf('/') + 1);
    const target = vscode.Uri.joinPath(picked, name);
    if (await exists(target))
      return this.failed(`There is already a "${name}" in "${inFolder || folder.name}"; nothing was moved.`);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(location.root, target, { overwrite: false });
    if (!(await vscode.workspace.applyEdit(edit)))
      return this.failed('VS Code could not move the journal; nothing was changed.');
    const setting = relativeInside(folder.uri.path, target.path)!;
    await vscode.workspace
      .getConfiguration('oneOnOne', folder.uri)
      .update(
        'journalFolder',
        setting,
        vscode.workspace.workspaceFile
          ? vscode.ConfigurationTarget.WorkspaceFolder
          : vscode.ConfigurationTarget.Workspace,
      );
    this.services.log.info(`Privacy: moved the journal folder to ${setting}, outside the repository.`);
    void vscode.window.showInformationMessage(
      `Moved the journal to "${setting}", outside the git repository, and set oneOnOne.journalFolder to it. Undo (Ctrl+Z in the Explorer) moves it back.`,
    );
    return 'moved';
  }

  private failed(message: string): PrivacyAction {
    void vscode.window.showErrorMessage(message);
    return 'failed';
  }

  private async inspect(): Promise<Inspection> {
    const location = journalLocation();
    if (!location) return { report: { state: 'no-workspace' } };
    const journal = location.relative === '' ? location.folder.name : location.relative;
    const facts = await repositoryOf(location.root);
    const inRepository =
      facts && facts.root.scheme === location.root.scheme && facts.root.authority === location.root.authority
        ? relativeInside(facts.root.path, location.root.path)
        : undefined;
    if (!facts || inRepository === undefined) {
      this.services.log.debug(`Privacy: the journal folder ${journal} is not in a git repository.`);
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
      this.services.log.debug(
        `Privacy: the journal folder ${journal} is in a repository without a remote (read ${facts.via}).`,
      );
      return { report: { state: 'no-remote', ...base }, location, facts };
    }
    const ignoredBy = await excludedBy(facts, location.root, inRepository);
    this.services.log.debug(
      `Privacy: the journal folder ${journal} is in a repository with ${facts.remotes.length} remote(s), ${ignoredBy ? 'ignored' : 'not ignored'} by git (read ${facts.via}).`,
    );
    return {
      report: ignoredBy ? { state: 'excluded', excludedBy: ignoredBy, ...base } : { state: 'exposed', ...base },
      location,
      facts,
    };
  }
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

/** A repository, journal folder and remotes: what one warning is about. */
function situationOf(report: PrivacyReport): string {
  return JSON.stringify([report.repository, report.inRepository, [...(report.remotes ?? [])].sort()]);
}

/** A file's bytes; `bytes` undefined when there is no such file, `error` when it is there but cannot be read. */
async function readBytes(
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

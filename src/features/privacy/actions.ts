// What each answer to the privacy warning does: Exclude from Git (a line in
// .git/info/exclude), Move Journal… (out of the repository), Move to Personal
// Journal…, Don't Warn Again, and Warn Me Again.

import * as vscode from 'vscode';
import { excludeLine, relativeInside, withExcludeLine } from '../../core/privacy';
import { gitFolders } from '../../host/git';
import { Services } from '../../host/services';
import { exists } from '../../host/stat';
import { refuseUntrusted } from '../../ui/trust';
import { Inspection, inspect, PrivacyAction, readBytes } from './state';

/** workspaceState: true once the user chose "Don't Warn Again". */
export const NEVER_WARN_KEY = 'oneOnOne.privacy.neverWarn';
/** workspaceState: the situations warned about (repository, journal path, remotes), so each is said once. */
export const WARNED_KEY = 'oneOnOne.privacy.warned';

export const EXCLUDE = vscode.l10n.t('Exclude from Git');
export const MOVE = vscode.l10n.t('Move Journal…');
export const MOVE_PERSONAL = vscode.l10n.t('Move to Personal Journal…');
export const NEVER = vscode.l10n.t("Don't Warn Again");
export const OPEN_SETTING = vscode.l10n.t('Open Setting');
export const WARN_AGAIN = vscode.l10n.t('Warn Me Again');

/** Carries out the button the user picked (`undefined`: dismissed). */
export async function act(
  state: vscode.Memento,
  services: Services,
  pick: string | undefined,
  inspection: Inspection,
): Promise<PrivacyAction> {
  switch (pick) {
    case EXCLUDE:
      return exclude(services, inspection);
    case MOVE:
      return move(services, inspection);
    case MOVE_PERSONAL:
      return movePersonal();
    case NEVER:
      await state.update(NEVER_WARN_KEY, true);
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '1:1 Journal will not warn about git in this workspace again. "1:1: Check Journal Privacy" still checks on demand.',
        ),
      );
      return 'never';
    case WARN_AGAIN:
      await state.update(NEVER_WARN_KEY, undefined);
      await state.update(WARNED_KEY, undefined);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('1:1 Journal will warn again if the journal could be pushed with git.'),
      );
      return 'warn-again';
    default:
      return 'none';
  }
}

/** Appends one line to .git/info/exclude (created when missing); every byte already there stays. */
async function exclude(services: Services, inspection: Inspection): Promise<PrivacyAction> {
  if (!vscode.workspace.isTrusted) {
    refuseUntrusted(vscode.l10n.t('exclude the journal from git'));
    return 'refused';
  }
  const { facts, report } = inspection;
  if (!facts || report.inRepository === undefined)
    return failed(vscode.l10n.t('The journal is not in a git repository.'));
  if (report.inRepository === '') {
    return failed(
      vscode.l10n.t(
        'The journal folder is the repository itself, so it cannot be excluded from it. Point oneOnOne.journalFolder at a folder of its own.',
      ),
    );
  }
  const folders = await gitFolders(facts.root);
  if (!folders)
    return failed(
      vscode.l10n.t('The git folder of {0} could not be found, so nothing was excluded.', facts.root.toString(true)),
    );
  const info = vscode.Uri.joinPath(folders.commonDir, 'info');
  const file = vscode.Uri.joinPath(info, 'exclude');
  const existing = await readBytes(file);
  if ('error' in existing)
    return failed(vscode.l10n.t('.git/info/exclude could not be read ({0}), so it was left as it is.', existing.error));
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
      return failed(vscode.l10n.t('.git/info/exclude could not be written: {0}', String(error)));
    }
    services.log.info(`Privacy: added ${line} to ${file.toString(true)}.`);
  }
  const now = await inspect(services);
  if (now.report.state === 'exposed') {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Added {0} to .git/info/exclude, but git still does not leave the journal out: a "!" rule in a .gitignore brings it back. Remove that rule, or move the journal.',
        line,
      ),
    );
    return 'failed';
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Added {0} to .git/info/exclude (this clone only): git leaves the journal out from now on. Files of it already committed stay tracked until you run git rm -r --cached "{1}".',
      line,
      report.inRepository,
    ),
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
async function move(services: Services, inspection: Inspection): Promise<PrivacyAction> {
  if (!vscode.workspace.isTrusted) {
    refuseUntrusted(vscode.l10n.t('move the journal'));
    return 'refused';
  }
  const { facts, location } = inspection;
  if (!facts || !location) return failed(vscode.l10n.t('The journal is not in a git repository.'));
  if (location.kind === 'personal') {
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('Your personal journal is inside a git repository.'),
      {
        modal: true,
        detail: vscode.l10n.t(
          '"{0}" (oneOnOne.journalFolder in your user settings) is in the repository at {1}, which has a remote. Exclude the journal from git, or move the folder somewhere outside any repository and point the setting at its new place.',
          location.path,
          facts.root.toString(true),
        ),
      },
      EXCLUDE,
      OPEN_SETTING,
    );
    if (pick === EXCLUDE) return exclude(services, inspection);
    if (pick === OPEN_SETTING)
      await vscode.commands.executeCommand('workbench.action.openSettings', 'oneOnOne.journalFolder');
    return 'explained';
  }
  const folder = location.folder;
  const sameHost = facts.root.scheme === folder.uri.scheme && facts.root.authority === folder.uri.authority;
  const repoInFolder = sameHost ? relativeInside(folder.uri.path, facts.root.path) : undefined;
  if (repoInFolder === undefined || repoInFolder === '') {
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('The journal cannot move out of this repository from here.'),
      {
        modal: true,
        detail: vscode.l10n.t(
          '1:1 Journal keeps the journal in the first workspace folder ("{0}"): oneOnOne.journalFolder is a path inside it, and that whole folder is in the git repository. Move it to a personal journal (a folder of yours outside every repository, which every window shows), or exclude it from git.',
          folder.name,
        ),
      },
      EXCLUDE,
      MOVE_PERSONAL,
      OPEN_SETTING,
    );
    if (pick === EXCLUDE) return exclude(services, inspection);
    if (pick === MOVE_PERSONAL) return movePersonal();
    if (pick === OPEN_SETTING)
      await vscode.commands.executeCommand('workbench.action.openSettings', 'oneOnOne.journalFolder');
    return 'explained';
  }
  const picked = (
    await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Move the journal to a folder outside the git repository'),
      defaultUri: folder.uri,
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Move Journal Here'),
    })
  )?.[0];
  if (!picked) return 'none';
  const inFolder =
    picked.scheme === folder.uri.scheme && picked.authority === folder.uri.authority
      ? relativeInside(folder.uri.path, picked.path)
      : undefined;
  if (inFolder === undefined)
    return failed(
      vscode.l10n.t(
        'Pick a folder inside "{0}": the journal\'s place is a path in the first workspace folder.',
        folder.name,
      ),
    );
  if (relativeInside(facts.root.path, picked.path) !== undefined)
    return failed(
      vscode.l10n.t(
        '"{0}" is in the git repository too. Pick a folder outside "{1}".',
        inFolder || folder.name,
        repoInFolder,
      ),
    );
  const name = location.root.path.slice(location.root.path.lastIndexOf('/') + 1);
  const target = vscode.Uri.joinPath(picked, name);
  if (await exists(target))
    return failed(
      vscode.l10n.t('There is already a "{0}" in "{1}"; nothing was moved.', name, inFolder || folder.name),
    );
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(location.root, target, { overwrite: false });
  if (!(await vscode.workspace.applyEdit(edit)))
    return failed(vscode.l10n.t('VS Code could not move the journal; nothing was changed.'));
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
  services.log.info(`Privacy: moved the journal folder to ${setting}, outside the repository.`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Moved the journal to "{0}", outside the git repository, and set oneOnOne.journalFolder to it. Undo (Ctrl+Z in the Explorer) moves it back.',
      setting,
    ),
  );
  return 'moved';
}

/** The journal out of the workspace into a personal folder (oneOnOne.moveJournal asks where). */
async function movePersonal(): Promise<PrivacyAction> {
  const moved = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.moveJournal');
  return moved ? 'moved' : 'none';
}

function failed(message: string): PrivacyAction {
  void vscode.window.showErrorMessage(message);
  return 'failed';
}

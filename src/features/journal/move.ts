// `oneOnOne.moveJournal { folder? }`: a journal kept in a workspace (often a
// repository, where candid notes risk being pushed) becomes a personal journal
// — the folder moved as one undoable rename, then the user setting pointed at
// it. Nothing of the workspace's own settings is touched: the repository's
// files stay as they are.

import * as vscode from 'vscode';
import { userFolderSetting } from '../../core/journal-location';
import { hasLocalDisk, homeFolder } from '../../host/journal-store';
import { Services } from '../../host/services';
import { exists } from '../../host/stat';
import { argsOf, fail, requireJournal } from '../../ui/commands';
import { refuseUntrusted } from '../../ui/trust';
import { askPersonalFolder, DEFAULT_PERSONAL_FOLDER, folderProblem } from './folder-input';

const UNDO = vscode.l10n.t('Undo');

export async function moveJournal(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const location = services.store.location;
  if (!location) return undefined;
  if (location.kind === 'personal') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The journal is already your personal journal, in "{0}": every window shows it.', location.path),
    );
    return location.root;
  }
  if (!hasLocalDisk())
    return fail(
      vscode.l10n.t('A personal journal needs a folder on disk, which VS Code in the browser does not have.'),
    );
  if (!vscode.workspace.isTrusted) return refuseUntrusted(vscode.l10n.t('move the journal'));

  const given = argsOf<{ folder: unknown }>(arg)?.folder;
  let folder: string | undefined;
  if (given !== undefined) {
    if (typeof given !== 'string') return fail(vscode.l10n.t('"folder" must be a path, such as ~/one-on-ones.'));
    const problem = folderProblem(given);
    if (problem) return fail(vscode.l10n.t('{0} Nothing was moved.', problem));
    folder = given.trim();
  } else {
    folder = await askPersonalFolder(
      vscode.l10n.t('Move Journal to a Personal Folder'),
      vscode.l10n.t(
        '"{0}" moves there, out of the workspace; every window then shows it.',
        location.relative || location.folder.name,
      ),
      DEFAULT_PERSONAL_FOLDER,
    );
    if (!folder) return undefined;
  }
  const setting = userFolderSetting(folder, homeFolder());
  if (!('personal' in setting)) return undefined;
  const target = vscode.Uri.file(setting.personal);
  const from = location.root;
  if (target.scheme !== from.scheme || target.authority !== from.authority)
    return fail(
      vscode.l10n.t(
        'The journal is on another machine ({0}) than "{1}"; nothing was moved.',
        from.toString(true),
        folder,
      ),
    );
  const inside = `${from.path.replace(/\/$/, '')}/`;
  if (target.path === from.path || target.path.startsWith(inside))
    return fail(vscode.l10n.t('"{0}" is the journal folder itself, or inside it; nothing was moved.', folder));
  for (const wf of vscode.workspace.workspaceFolders ?? []) {
    if (`${target.path}/`.startsWith(`${wf.uri.path.replace(/\/$/, '')}/`))
      return fail(
        vscode.l10n.t('"{0}" is inside the open folder "{1}": choose a folder outside the workspace.', folder, wf.name),
      );
  }
  if (await exists(target))
    return fail(
      vscode.l10n.t('There is already a folder or file at "{0}"; nothing was moved. Choose a new folder.', folder),
    );

  const config = vscode.workspace.getConfiguration('oneOnOne');
  const before = config.inspect<unknown>('journalFolder')?.globalValue;
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(from, target, { overwrite: false });
  if (!(await vscode.workspace.applyEdit(edit).then(undefined, () => false)) || !(await exists(target)))
    return fail(
      vscode.l10n.t(
        'VS Code could not move the journal to "{0}" (another disk, or no permission?); nothing was moved.',
        folder,
      ),
    );
  await config.update('journalFolder', folder, vscode.ConfigurationTarget.Global);
  await services.store.reload();
  services.log.info(`Moved the journal out of the workspace to the personal folder ${folder}.`);
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t('Moved the journal to "{0}": it is your personal journal now, and every window shows it.', folder),
      UNDO,
    )
    .then(async (pick) => {
      if (pick !== UNDO) return;
      const back = new vscode.WorkspaceEdit();
      back.renameFile(target, from, { overwrite: false });
      if (!(await vscode.workspace.applyEdit(back).then(undefined, () => false)))
        return void fail(vscode.l10n.t('Could not move the journal back from "{0}"; it is still there.', folder));
      await config.update('journalFolder', before, vscode.ConfigurationTarget.Global);
      await services.store.reload();
    });
  return target;
}

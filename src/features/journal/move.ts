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

const UNDO = 'Undo';

export async function moveJournal(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const location = services.store.location;
  if (!location) return undefined;
  if (location.kind === 'personal') {
    void vscode.window.showInformationMessage(
      `The journal is already your personal journal, in "${location.path}": every window shows it.`,
    );
    return location.root;
  }
  if (!hasLocalDisk())
    return fail('A personal journal needs a folder on disk, which VS Code in the browser does not have.');
  if (!vscode.workspace.isTrusted) return refuseUntrusted('move the journal');

  const given = argsOf<{ folder: unknown }>(arg)?.folder;
  let folder: string | undefined;
  if (given !== undefined) {
    if (typeof given !== 'string') return fail('"folder" must be a path, such as ~/one-on-ones.');
    const problem = folderProblem(given);
    if (problem) return fail(`${problem} Nothing was moved.`);
    folder = given.trim();
  } else {
    folder = await askPersonalFolder(
      'Move Journal to a Personal Folder',
      `"${location.relative || location.folder.name}" moves there, out of the workspace; every window then shows it.`,
      DEFAULT_PERSONAL_FOLDER,
    );
    if (!folder) return undefined;
  }
  const setting = userFolderSetting(folder, homeFolder());
  if (!('personal' in setting)) return undefined;
  const target = vscode.Uri.file(setting.personal);
  const from = location.root;
  if (target.scheme !== from.scheme || target.authority !== from.authority)
    return fail(`The journal is on another machine (${from.toString(true)}) than "${folder}"; nothing was moved.`);
  const inside = `${from.path.replace(/\/$/, '')}/`;
  if (target.path === from.path || target.path.startsWith(inside))
    return fail(`"${folder}" is the journal folder itself, or inside it; nothing was moved.`);
  for (const wf of vscode.workspace.workspaceFolders ?? []) {
    if (`${target.path}/`.startsWith(`${wf.uri.path.replace(/\/$/, '')}/`))
      return fail(`"${folder}" is inside the open folder "${wf.name}": choose a folder outside the workspace.`);
  }
  if (await exists(target))
    return fail(`There is already a folder or file at "${folder}"; nothing was moved. Choose a new folder.`);

  const config = vscode.workspace.getConfiguration('oneOnOne');
  const before = config.inspect<unknown>('journalFolder')?.globalValue;
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(from, target, { overwrite: false });
  if (!(await vscode.workspace.applyEdit(edit).then(undefined, () => false)) || !(await exists(target)))
    return fail(
      `VS Code could not move the journal to "${folder}" (another disk, or no permission?); nothing was moved.`,
    );
  await config.update('journalFolder', folder, vscode.ConfigurationTarget.Global);
  await services.store.reload();
  services.log.info(`Moved the journal out of the workspace to the personal folder ${folder}.`);
  void vscode.window
    .showInformationMessage(
      `Moved the journal to "${folder}": it is your personal journal now, and every window shows it.`,
      UNDO,
    )
    .then(async (pick) => {
      if (pick !== UNDO) return;
      const back = new vscode.WorkspaceEdit();
      back.renameFile(target, from, { overwrite: false });
      if (!(await vscode.workspace.applyEdit(back).then(undefined, () => false)))
        return void fail(`Could not move the journal back from "${folder}"; it is still there.`);
      await config.update('journalFolder', before, vscode.ConfigurationTarget.Global);
      await services.store.reload();
    });
  return target;
}

// A personal journal: one folder of the user's, outside every repository,
// that every VS Code window shows. `oneOnOne.createPersonalJournal` sets the
// user's oneOnOne.journalFolder to it and creates the journal there (or opens
// the one already there).

import * as vscode from 'vscode';
import { hasLocalDisk } from '../../host/journal-store';
import { Services } from '../../host/services';
import { argsOf, fail, shownPath } from '../../ui/commands';
import { askPersonalFolder, DEFAULT_PERSONAL_FOLDER, folderProblem } from './folder-input';
import { initJournal } from './init';

interface PersonalArgs {
  /** An absolute path, or one starting with `~/` or `${userHome}/`. */
  folder: unknown;
  name: unknown;
  role: unknown;
}

/**
 * `oneOnOne.createPersonalJournal { folder?, name?, role? }`: without `folder`
 * it asks (suggesting ~/one-on-ones); then the user setting, and the journal
 * with its first person (asked for unless `name` is given), or the journal
 * already in that folder. Returns the journal folder's URI.
 */
export async function createPersonalJournal(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!hasLocalDisk())
    return fail(
      vscode.l10n.t(
        'A personal journal needs a folder on disk, which VS Code in the browser does not have. Keep the journal in the workspace here (1:1: Create Journal).',
      ),
    );
  const args = argsOf<PersonalArgs>(arg);
  let folder: string | undefined;
  if (args?.folder !== undefined) {
    if (typeof args.folder !== 'string') return fail(vscode.l10n.t('"folder" must be a path, such as ~/one-on-ones.'));
    const problem = folderProblem(args.folder);
    if (problem) return fail(vscode.l10n.t('{0} Nothing was changed.', problem));
    folder = args.folder.trim();
  } else {
    const current = vscode.workspace.getConfiguration('oneOnOne').inspect<string>('journalFolder')?.globalValue;
    folder = await askPersonalFolder(
      vscode.l10n.t('Create Personal Journal'),
      vscode.l10n.t('A folder of your own, outside your repositories: every VS Code window will show this journal.'),
      current && !folderProblem(current) ? current : DEFAULT_PERSONAL_FOLDER,
    );
    if (!folder) return undefined;
  }

  const config = vscode.workspace.getConfiguration('oneOnOne');
  const before = config.inspect<unknown>('journalFolder')?.globalValue;
  await config.update('journalFolder', folder, vscode.ConfigurationTarget.Global);
  await services.store.reload();
  const state = services.store.state;
  if (state.kind === 'unusable' || !services.store.personal) {
    // The folder cannot be this window's journal: the setting goes back to what it was.
    await config.update('journalFolder', before, vscode.ConfigurationTarget.Global);
    await services.store.reload();
    const why =
      state.kind === 'unusable'
        ? state.problem
        : vscode.l10n.t('This workspace sets its own oneOnOne.journalFolder, which comes first.');
    return fail(vscode.l10n.t('{0} oneOnOne.journalFolder was left as it was.', why));
  }
  services.log.info(`Personal journal set to ${folder}.`);
  if (state.kind === 'ready') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Every window now shows your personal journal in "{0}".', shownPath(state.root)),
    );
    await vscode.commands.executeCommand('oneOnOne.meetings.focus');
    return state.root;
  }
  const made = await initJournal(services, args?.name !== undefined ? { name: args.name, role: args.role } : undefined);
  if (!made && services.store.state.kind !== 'ready') {
    // Nothing was created (a prompt cancelled, a write refused): the setting points nowhere useful.
    await config.update('journalFolder', before, vscode.ConfigurationTarget.Global);
    await services.store.reload();
  }
  return made;
}

// Create Journal: the journal folder with its README, template and first person.

import * as vscode from 'vscode';
import { MEETING_TEMPLATE } from '../../core/layout';
import { DEFAULT_MEETING_TEMPLATE, JOURNAL_README } from '../../core/templates';
import { NewFile } from '../../host/journal-writer';
import { Services } from '../../host/services';
import { refuseUntrusted } from '../../ui/trust';
import { argsOf, fail, shownPath } from '../../ui/commands';
import { personFileFor, personInput } from '../../ui/person-input';

export const CREATE_PERSONAL = vscode.l10n.t('Create Personal Journal');

/**
 * `oneOnOne.initJournal { name, role }`: creates the journal folder with a
 * README, the meeting template and the first person — in one edit, so a
 * cancelled prompt writes nothing.
 */
export async function initJournal(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  await services.store.ready();
  const state = services.store.state;
  if (state.kind === 'no-workspace') {
    const pick = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Where should the journal live? A personal journal is one folder of yours that every window shows; or open a folder to keep it there.',
      ),
      CREATE_PERSONAL,
      vscode.l10n.t('Open Folder'),
    );
    if (pick === CREATE_PERSONAL)
      return vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.createPersonalJournal', arg);
    if (pick) await vscode.commands.executeCommand('vscode.openFolder');
    return undefined;
  }
  if (state.kind === 'unusable') return fail(state.problem);
  const where = shownPath(state.root);
  if (state.kind === 'not-a-folder') {
    return fail(
      vscode.l10n.t(
        'Cannot create the journal: "{0}" is a file. Rename it, or choose another folder in the setting oneOnOne.journalFolder.',
        where,
      ),
    );
  }
  if (state.kind === 'ready') {
    if (argsOf<{ name: unknown }>(arg)?.name !== undefined)
      return vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.addPerson', arg);
    void vscode.window.showInformationMessage(vscode.l10n.t('The journal already exists in "{0}".', where));
    await vscode.commands.executeCommand('oneOnOne.meetings.focus');
    return state.root;
  }
  // Said before the questions: in an untrusted workspace the answers could not be written.
  if (!vscode.workspace.isTrusted) return refuseUntrusted(vscode.l10n.t('create the journal'));
  const input = await personInput(services, arg, false);
  if (!input) return undefined;
  const person = personFileFor(input)!;
  const files: NewFile[] = [
    { path: 'README.md', contents: JOURNAL_README },
    { path: MEETING_TEMPLATE, contents: DEFAULT_MEETING_TEMPLATE },
    person,
  ];
  const result = await services.writer.create(files, 'Create 1:1 journal');
  if (!result.ok) return fail(result.reason);
  await services.store.reload();
  await vscode.commands.executeCommand('oneOnOne.meetings.focus');
  if (!argsOf(arg)) {
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Your 1:1 journal is ready in "{0}". Next: plan your first meeting with {1}.', where, input.name),
        vscode.l10n.t('New Meeting'),
      )
      .then((pick) => pick && vscode.commands.executeCommand('oneOnOne.newMeeting', { person: input.name }));
  }
  return state.root;
}

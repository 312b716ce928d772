// The journal itself: creating it where the setting says (init.ts), or as a
// personal journal outside the workspace, the same in every window (personal.ts),
// or by moving a workspace journal there (move.ts); and its meeting templates
// (templates.ts).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { whenTrusted } from '../../ui/trust';
import { initJournal } from './init';
import { moveJournal } from './move';
import { addTemplates } from './templates';
import { createPersonalJournal } from './personal';

export function activateJournal(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('oneOnOne.initJournal', (arg?: unknown) => initJournal(services, arg)),
    vscode.commands.registerCommand('oneOnOne.createPersonalJournal', (arg?: unknown) =>
      createPersonalJournal(services, arg),
    ),
    vscode.commands.registerCommand('oneOnOne.moveJournal', (arg?: unknown) => moveJournal(services, arg)),
    vscode.commands.registerCommand(
      'oneOnOne.addTemplates',
      whenTrusted(vscode.l10n.t('add meeting templates'), () => addTemplates(services)),
    ),
  );
}

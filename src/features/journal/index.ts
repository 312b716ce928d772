// The journal itself (Create Journal, Create Personal Journal, Move Journal,
// Add Meeting Templates): its code is commands.ts and what it imports, bundled
// as dist/journal.js and loaded on the first call (ui/lazy-commands.ts).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { registerLazyCommands } from '../../ui/lazy-commands';

export function activateJournal(context: vscode.ExtensionContext, services: Services): void {
  registerLazyCommands(context, services, 'journal.js', [
    'oneOnOne.initJournal',
    'oneOnOne.createPersonalJournal',
    'oneOnOne.moveJournal',
    'oneOnOne.addTemplates',
  ]);
}

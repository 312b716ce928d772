// The commands of dist/invite-import.js (index.ts registers them;
// ui/lazy-commands.ts loads this on the first call).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { CommandTable } from '../../ui/lazy-commands';
import { whenTrusted } from '../../ui/trust';
import { importInvite } from './import';

export function commands(context: vscode.ExtensionContext, services: Services): CommandTable {
  return {
    'oneOnOne.importInvite': whenTrusted(vscode.l10n.t('import a calendar invite'), (arg?: unknown) =>
      importInvite(services, context.extensionUri, arg),
    ),
  };
}

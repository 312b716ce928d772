// Keeping the journal on this machine: when the journal folder is in a git
// repository that has a remote, and git does not already leave it out, the
// user is warned once per workspace that their candid notes could be pushed,
// and offered to exclude it (a line in .git/info/exclude), to move it out of
// the repository, or never to hear of it again here. "1:1: Check Journal
// Privacy" runs the same check on demand and always says what it found.

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { checkPrivacy } from './check-command';
import { AutomaticWarning } from './warning';

export type { PrivacyAction, PrivacyReport, PrivacyState } from './state';

export function activatePrivacy(context: vscode.ExtensionContext, services: Services): void {
  const warning = new AutomaticWarning(context.workspaceState, services);
  context.subscriptions.push(
    vscode.commands.registerCommand('oneOnOne.checkPrivacy', () => checkPrivacy(context.workspaceState, services)),
    // Once trusted, the warning's actions can run: check then.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void warning.warnIfNeeded()),
    services.store.onDidChange(() => warning.onJournalChanged()),
  );
  void services.store.ready().then(() => warning.onJournalChanged());
}

// Calendar invites: `oneOnOne.importInvite` from the palette, a person's
// context menu, a CodeLens on an open .ics file and a file dropped on a
// person (the trees hand that to the command).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { registerLazyCommands } from '../../ui/lazy-commands';

/** A lens above an open invite's first event: import it as a 1:1 cadence, from the text as the editor holds it. */
class InviteLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lines = Math.min(document.lineCount, 5000);
    for (let i = 0; i < lines; i++) {
      if (!/^BEGIN:VEVENT\s*$/i.test(document.lineAt(i).text)) continue;
      return [
        new vscode.CodeLens(new vscode.Range(i, 0, i, 0), {
          title: vscode.l10n.t('$(calendar) Import as a 1:1 cadence…'),
          tooltip: vscode.l10n.t("Set a person's cadence, time, time zone and call link from this invite"),
          command: 'oneOnOne.importInvite',
          arguments: [{ text: document.getText() }],
        }),
      ];
    }
    return [];
  }
}

export function activateCalendar(context: vscode.ExtensionContext, services: Services): void {
  // The command's code is commands.ts, bundled as dist/invite-import.js; it loads ical.js (dist/calendar.js) in turn.
  registerLazyCommands(context, services, 'invite-import.js', ['oneOnOne.importInvite']);
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider({ pattern: '**/*.{ics,ICS}' }, new InviteLens()),
  );
}

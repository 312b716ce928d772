// "Add to agenda" above each due feedback thread and each goal in a prep
// sheet: one click puts it on the next 1:1 with that sheet's person.

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { PREP_SCHEME } from '../../ui/prep-sheet-uri';

const LINKED_ITEM = /^- \[(?:\\.|[^\]\\])*\]\(([^\s)]+)\)/;

export class PrepSheetLens implements vscode.CodeLensProvider {
  constructor(private readonly services: Services) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const person = new URLSearchParams(document.uri.query).get('person');
    if (!person) return [];
    const lenses: vscode.CodeLens[] = [];
    let section = '';
    for (let line = 0; line < document.lineCount; line++) {
      const text = document.lineAt(line).text;
      if (text.startsWith('## ')) section = text.slice(3);
      if (section !== 'Feedback to circle back on' && section !== 'Goals in progress') continue;
      const target = LINKED_ITEM.exec(text)?.[1];
      if (!target || text.endsWith('(on the agenda)')) continue;
      // The sheet links journal paths (goals/x.md); a full URI is read too.
      let path: string | undefined;
      try {
        path = target.includes(':') ? this.services.store.pathOf(vscode.Uri.parse(target, true)) : decodeURI(target);
      } catch {
        continue;
      }
      const entry = path ? this.services.store.index.get(path) : undefined;
      if (!entry || (entry.kind !== 'goal' && entry.kind !== 'feedback')) continue;
      lenses.push(
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title:
            entry.kind === 'goal'
              ? vscode.l10n.t('$(add) Add to agenda')
              : vscode.l10n.t('$(add) Add circle-back to agenda'),
          tooltip: vscode.l10n.t('Put "{0}" on the agenda of this 1:1', entry.title),
          command: 'oneOnOne.addToAgenda',
          arguments: [{ [entry.kind === 'goal' ? 'goal' : 'thread']: entry.path, person }],
        }),
      );
    }
    return lenses;
  }
}

export function registerPrepSheetLens(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider({ scheme: PREP_SCHEME }, new PrepSheetLens(services)),
  );
}

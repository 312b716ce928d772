// The prep sheet as a read-only virtual markdown document, regenerated from
// the index whenever the journal changes. Nothing is written to the journal.

import * as vscode from 'vscode';
import { Person } from '../../core/journal-index';
import { renderPrepSheet } from '../../core/prep';
import { Services } from '../../host/services';
import { PREP_SCHEME, prepSheetUri } from '../../ui/prep-sheet-uri';
import { callFor, slotLabel } from '../../ui/slots';
import { staleGoalWeeks } from '../../ui/settings';

export class PrepSheets implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly services: Services) {
    const unsubscribe = services.store.index.onDidChange(() => this.scheduleRefresh());
    this.disposables.push(
      this.changed,
      { dispose: unsubscribe },
      vscode.workspace.registerTextDocumentContentProvider(PREP_SCHEME, this),
      vscode.workspace.onDidChangeConfiguration(
        (e) =>
          (e.affectsConfiguration('oneOnOne.balanceWindow') || e.affectsConfiguration('oneOnOne.staleGoalWeeks')) &&
          this.scheduleRefresh(),
      ),
    );
  }

  uriFor(person: Person, date: string): vscode.Uri {
    return prepSheetUri(person, date);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const params = new URLSearchParams(uri.query);
    const person = this.services.store.index.person(params.get('person') ?? '');
    const date = params.get('date') ?? '';
    if (!person) return `# Prep sheet\n\nThere is no longer a person "${params.get('person') ?? ''}" in the journal.\n`;
    return renderPrepSheet({
      index: this.services.store.index,
      person,
      date,
      today: this.services.today(),
      when: slotLabel(this.services, person, date),
      call: callFor(this.services, person, date),
      link: (path) => this.services.store.uriOf(path).toString(),
      balanceWindow: vscode.workspace.getConfiguration('oneOnOne').get<number>('balanceWindow', 6),
      staleGoalWeeks: staleGoalWeeks(),
    });
  }

  /** Opens the sheet beside the active editor, without taking focus from it. */
  async open(person: Person, date: string, preserveFocus = true): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(this.uriFor(person, date));
    if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    return vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus,
    });
  }

  private scheduleRefresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === PREP_SCHEME) this.changed.fire(doc.uri);
    }, 200);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

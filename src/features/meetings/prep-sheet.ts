// The prep sheet as a read-only virtual markdown document, regenerated from
// the index whenever the journal changes. Nothing is written to the journal.
// Its links are short journal paths (`goals/learn-rust.md`, not a file:// URI
// that wraps over lines); a link provider of its own opens them.

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
      vscode.languages.registerDocumentLinkProvider(
        { scheme: PREP_SCHEME },
        { provideDocumentLinks: (d) => this.links(d) },
      ),
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
      link: (path) => encodeURI(path),
      balanceWindow: vscode.workspace.getConfiguration('oneOnOne').get<number>('balanceWindow', 6),
      staleGoalWeeks: staleGoalWeeks(),
    });
  }

  /** The journal paths the sheet links to, as links to their files. */
  private links(document: vscode.TextDocument): vscode.DocumentLink[] {
    const out: vscode.DocumentLink[] = [];
    const text = document.getText();
    for (const m of text.matchAll(/\]\(([^()\s:]+\.md)\)/g)) {
      let path: string;
      try {
        path = decodeURI(m[1]!);
      } catch {
        continue;
      }
      if (path.startsWith('/') || path.split('/').includes('..')) continue;
      const start = m.index! + 2;
      const range = new vscode.Range(document.positionAt(start), document.positionAt(start + m[1]!.length));
      const link = new vscode.DocumentLink(range, this.services.store.uriOf(path));
      link.tooltip = vscode.l10n.t('Open in the journal');
      out.push(link);
    }
    return out;
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

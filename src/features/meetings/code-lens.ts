// CodeLens at the top of a meeting file: carry forward (with the count of
// open items not yet carried), copy the shareable agenda, the previous
// meeting, the prep sheet.

import * as vscode from 'vscode';
import { toCarry } from '../../core/carry';
import { JournalDocument, parseDocument } from '../../core/document';
import { JournalEntry } from '../../core/journal-entry';
import { previousMeeting } from '../../core/prep';
import { Services } from '../../host/services';
import { meetingAt } from '../../ui/meeting-target';
import { PREP_SCHEME } from '../../ui/prep-sheet-uri';

export class MeetingCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cache: { entry: JournalEntry; version: number; doc: JournalDocument } | undefined;

  constructor(private readonly services: Services) {
    const unsubscribe = services.store.index.onDidChange(() => {
      if (this.timer) return;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.changed.fire();
      }, 300);
    });
    this.disposables.push(this.changed, { dispose: unsubscribe });
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('oneOnOne').get<boolean>('codeLens', true)) return [];
    if (document.uri.scheme === PREP_SCHEME) {
      const top = new vscode.Range(0, 0, 0, 0);
      return [
        new vscode.CodeLens(top, {
          title: vscode.l10n.t("$(insert) Insert into the meeting's Notes"),
          tooltip: vscode.l10n.t('Keep a copy of this prep sheet in the meeting file'),
          command: 'oneOnOne.insertPrepSheet',
          arguments: [document.uri],
        }),
      ];
    }
    const target = meetingAt(this.services, document.uri);
    if (!target) return [];
    const doc = parseDocument(document.getText());
    const h1 = doc.scan.headings.find((h) => h.level === 1);
    const line = h1?.line ?? (doc.scan.frontMatter ? doc.scan.frontMatter.endLine + 1 : 0);
    const range = new vscode.Range(
      Math.min(line, document.lineCount - 1),
      0,
      Math.min(line, document.lineCount - 1),
      0,
    );
    const uri = document.uri;
    const previous = previousMeeting(this.services.store.index, target.person.slug, target.entry.date!);
    const lenses: vscode.CodeLens[] = [];
    if (previous) {
      const source = await this.previousDocument(previous);
      const count = source ? toCarry(source, doc).length : 0;
      lenses.push(
        new vscode.CodeLens(range, {
          title:
            count > 0
              ? vscode.l10n.t('$(arrow-right) Carry forward ({0})', count)
              : vscode.l10n.t('$(check) Nothing to carry'),
          tooltip:
            count > 0
              ? vscode.l10n.t('Copy {0} open item(s) from {1} into this meeting', count, String(previous.date))
              : vscode.l10n.t('Every open item of {0} is already here', String(previous.date)),
          command: count > 0 ? 'oneOnOne.carryForward' : '',
          arguments: [uri],
        }),
      );
    }
    lenses.push(
      new vscode.CodeLens(range, {
        title: vscode.l10n.t('$(clippy) Copy shareable agenda'),
        tooltip: vscode.l10n.t('Copy this agenda without anything private'),
        command: 'oneOnOne.copyShareableAgenda',
        arguments: [uri],
      }),
    );
    if (previous) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('$(history) Previous: {0}', String(previous.date)),
          tooltip: vscode.l10n.t('Open the previous 1:1'),
          command: 'oneOnOne.openPreviousMeeting',
          arguments: [uri],
        }),
      );
    }
    lenses.push(
      new vscode.CodeLens(range, {
        title: vscode.l10n.t('$(notebook) Prep sheet'),
        tooltip: vscode.l10n.t('Open the prep sheet beside'),
        command: 'oneOnOne.openPrepSheet',
        arguments: [uri],
      }),
    );
    return lenses;
  }

  /**
   * The previous meeting, parsed — read again only when the index has a new
   * entry for it or its open editor changed, not on every CodeLens request
   * (VS Code asks after each pause in typing).
   */
  private async previousDocument(previous: JournalEntry): Promise<JournalDocument | undefined> {
    const uri = this.services.store.uriOf(previous.path).toString();
    const version = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version ?? -1;
    const cached = this.cache;
    if (cached && cached.entry === previous && cached.version === version) return cached.doc;
    const text = await this.services.store.readText(previous.path);
    const doc = text === undefined ? undefined : parseDocument(text);
    this.cache = doc ? { entry: previous, version, doc } : undefined;
    return doc;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

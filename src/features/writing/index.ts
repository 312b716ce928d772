// Help while writing in the journal's files (and nowhere else): completion
// of theme tags and `#goal/<slug>` after `#`, and of the owner at the start
// of an action item; `#goal/<slug>` tags as links to the goal; a hover on a
// carried item saying where and when it came from.

import * as vscode from 'vscode';
import { parseDocument } from '../../core/document';
import { agoText, carriedFrom, completionAt, goalLinks, ownerSuggestions, tagSuggestions } from '../../core/writing';
import { Services } from '../../host/services';

const OWNER_LINE = /^\s*[-*+]\s+\[[ xX]\]\s+[^:]*$/;

class WritingHelp implements vscode.CompletionItemProvider, vscode.DocumentLinkProvider, vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  private journalPath(document: vscode.TextDocument): string | undefined {
    return this.services.store.state.kind === 'ready' ? this.services.store.pathOf(document.uri) : undefined;
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const path = this.journalPath(document);
    if (!path) return [];
    const before = document.lineAt(position.line).text.slice(0, position.character);
    // The file is read only when the line could want something: typing a space elsewhere costs nothing.
    if (!before.includes('#') && !OWNER_LINE.test(before)) return [];
    const doc = parseDocument(document.getText());
    const at = completionAt(doc, position.line, position.character);
    if (!at) return [];
    const { index } = this.services.store;
    if (at.kind === 'tag') {
      const range = new vscode.Range(position.line, at.start + 1, position.line, position.character);
      return tagSuggestions(index).map((s) => {
        const item = new vscode.CompletionItem(
          { label: `#${s.tag}`, description: s.detail },
          s.tag.startsWith('goal/') ? vscode.CompletionItemKind.Reference : vscode.CompletionItemKind.Keyword,
        );
        item.insertText = s.tag;
        item.filterText = s.tag;
        item.range = range;
        item.detail = s.detail;
        return item;
      });
    }
    const person = index.get(path)?.person;
    const range = new vscode.Range(position.line, at.start, position.line, position.character);
    return ownerSuggestions(index, person).map((name, i) => {
      const item = new vscode.CompletionItem(`${name}: `, vscode.CompletionItemKind.User);
      item.detail =
        name === 'Me' ? vscode.l10n.t('An action item of yours') : vscode.l10n.t('An action item for {0}', name);
      item.range = range;
      item.sortText = String(i).padStart(4, '0');
      return item;
    });
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (!this.journalPath(document)) return [];
    const { index } = this.services.store;
    return goalLinks(parseDocument(document.getText()), index).map((l) => {
      const link = new vscode.DocumentLink(
        new vscode.Range(l.line, l.start, l.line, l.end),
        this.services.store.uriOf(l.path),
      );
      link.tooltip = vscode.l10n.t('Open the goal: {0}', index.get(l.path)?.title ?? l.path);
      return link;
    });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.journalPath(document)) return undefined;
    const from = carriedFrom(parseDocument(document.getText()), position.line);
    if (!from) return undefined;
    const file = from.target.split('#')[0]!;
    let target: vscode.Uri;
    try {
      target = vscode.Uri.joinPath(document.uri, '..', ...file.split('/').map(decodeURIComponent));
    } catch {
      return undefined; // a link written by hand that is not a path (`100%.md`)
    }
    const ago = agoText(from.label, this.services.today());
    const label = from.label.replace(/[\\`*_[\]]/g, '\\$&');
    const text = new vscode.MarkdownString(
      ago
        ? vscode.l10n.t(
            'Carried forward from the 1:1 of **{0}** ({1}): [open that meeting]({2})',
            label,
            ago,
            target.toString(),
          )
        : vscode.l10n.t('Carried forward from the 1:1 of **{0}**: [open that meeting]({1})', label, target.toString()),
    );
    return new vscode.Hover(
      text,
      new vscode.Range(position.line, 0, position.line, document.lineAt(position.line).text.length),
    );
  }
}

export function activateWriting(context: vscode.ExtensionContext, services: Services): WritingHelp {
  const help = new WritingHelp(services);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(markdown, help, '#', ' '),
    vscode.languages.registerDocumentLinkProvider(markdown, help),
    vscode.languages.registerHoverProvider(markdown, help),
  );
  return help;
}

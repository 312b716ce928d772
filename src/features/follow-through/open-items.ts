// The Open Items view: every open action item (mine and theirs) and every
// feedback circle-back due, overdue first, with its person and how late it
// is; a checkbox ticks an action item done (the same edit as Mark Discussed);
// the view's badge on the 1:1 container counts what needs me today.

import * as vscode from 'vscode';
import { DueItem, dueItems, dueText, needsMeToday } from '../../core/due';
import { Services } from '../../host/services';

export class OpenItemsTree implements vscode.TreeDataProvider<DueItem>, vscode.Disposable {
  private items: DueItem[] = [];
  private readonly emitter = new vscode.EventEmitter<DueItem | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  /** Refreshed by the follow-through ticks (index.ts), coalesced when the journal changes. */
  constructor(private readonly services: Services) {}

  /** Recomputes the items from the index (once per refresh, not per row) and redraws. */
  refresh(): void {
    this.items =
      this.services.store.state.kind === 'ready' ? dueItems(this.services.store.index, this.services.today()) : [];
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  /** The items as of now (recomputed from the index on each refresh). */
  current(): readonly DueItem[] {
    return this.items;
  }

  /** What needs me today: mine, due today or late. */
  needsMe(): DueItem[] {
    return needsMeToday(this.items, this.services.today());
  }

  getChildren(element?: DueItem): DueItem[] {
    return element ? [] : this.items;
  }

  getTreeItem(element: DueItem): vscode.TreeItem {
    const item = new vscode.TreeItem(element.text, vscode.TreeItemCollapsibleState.None);
    const today = this.services.today();
    const late = element.due !== undefined && element.due < today;
    item.description = [
      element.personName,
      element.due ? dueText(element.due, today) : undefined,
      element.mine ? undefined : vscode.l10n.t('theirs'),
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(
      element.kind === 'circle-back' ? 'bell' : late ? 'warning' : 'checklist',
      late ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    item.tooltip = `${element.text}\n\n${element.path}${element.due ? ` · ${dueText(element.due, today)}` : ''}`;
    item.accessibilityInformation = { label: `${element.text}, ${item.description as string}` };
    item.contextValue = `oneOnOne.openItem.${element.kind}`;
    if (element.kind === 'action')
      item.checkboxState = { state: vscode.TreeItemCheckboxState.Unchecked, tooltip: vscode.l10n.t('Tick when done') };
    const uri = this.services.store.uriOf(element.path);
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open'),
      arguments: [uri, { selection: new vscode.Range(element.line, 0, element.line, 0) }],
    };
    return item;
  }
}

/** The badge: how many of my items are due today or late (none: no badge). */
export function badgeOf(count: number): vscode.ViewBadge | undefined {
  return count > 0
    ? {
        value: count,
        tooltip:
          count === 1
            ? vscode.l10n.t('1 thing of yours due today or late')
            : vscode.l10n.t('{0} things of yours due today or late', count),
      }
    : undefined;
}

/** Ticks an action item done, as Mark Discussed does a talking point; false when it was refused. */
export async function tickDone(item: DueItem): Promise<boolean> {
  const node = {
    type: 'point',
    id: `open/${item.path}/${item.line}`,
    path: item.path,
    person: '',
    line: item.line,
    text: item.text,
  };
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.markDiscussed', node);
  return uri !== undefined;
}

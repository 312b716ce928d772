import * as vscode from 'vscode';
import { FileKind } from '../../core/layout';
import { JournalEntry, stringField } from '../../core/journal-index';
import { ItemContext } from '../../host/context-keys';
import { Services } from '../../host/services';
import { escapeMarkdown } from './meetings-tree';
import { Node } from './nodes';
import { describeProblems, openCommand, RefreshingProvider } from './tree-support';

export interface StatusTreeSpec {
  readonly view: 'goals' | 'feedback';
  readonly kind: Extract<FileKind, 'goal' | 'feedback'>;
  /** Statuses in display order; the first is where a file without a status goes. */
  readonly statuses: readonly string[];
  readonly icon: string;
  readonly context: ItemContext;
  readonly describe: (entry: JournalEntry) => string;
}

/** Files of one kind grouped by their front-matter status (goals, feedback threads). */
export class StatusTreeProvider extends RefreshingProvider {
  constructor(
    private readonly services: Services,
    private readonly spec: StatusTreeSpec,
  ) {
    super(services.store);
  }

  getChildren(element?: Node): Node[] {
    if (this.services.store.state.kind !== 'ready') return [];
    const byStatus = this.grouped();
    if (!element) {
      const known = this.spec.statuses.filter((s) => byStatus.has(s));
      const other = [...byStatus.keys()].filter((s) => !this.spec.statuses.includes(s)).sort();
      return [...known, ...other].map((status) => ({ type: 'group', id: `${this.spec.view}/${status}`, view: this.spec.view, status }));
    }
    if (element.type !== 'group') return [];
    return (byStatus.get(element.status) ?? []).map((e) => ({ type: this.spec.kind, id: `${this.spec.kind}/${e.path}`, path: e.path, status: element.status }));
  }

  getParent(element: Node): Node | undefined {
    if (element.type !== 'goal' && element.type !== 'feedback') return undefined;
    return { type: 'group', id: `${this.spec.view}/${element.status}`, view: this.spec.view, status: element.status };
  }

  getTreeItem(element: Node): vscode.TreeItem {
    if (element.type === 'group') {
      const count = this.grouped().get(element.status)?.length ?? 0;
      const item = new vscode.TreeItem(labelForStatus(element.status), vscode.TreeItemCollapsibleState.Expanded);
      item.id = element.id;
      item.description = String(count);
      item.contextValue = ItemContext.Group;
      return item;
    }
    if (element.type !== 'goal' && element.type !== 'feedback') return new vscode.TreeItem(element.id);
    const entry = this.services.store.index.get(element.path);
    if (!entry) return new vscode.TreeItem(element.path);
    const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.description = this.spec.describe(entry);
    item.iconPath = new vscode.ThemeIcon(entry.problems.length > 0 ? 'warning' : this.spec.icon);
    item.contextValue = this.spec.context;
    const uri = this.services.store.uriOf(entry.path);
    item.resourceUri = uri;
    item.command = openCommand(uri);
    if (entry.problems.length > 0) {
      const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(entry.title)}**\n\n$(warning) ${escapeMarkdown(describeProblems(entry.problems))}`);
      tooltip.supportThemeIcons = true;
      item.tooltip = tooltip;
    }
    return item;
  }

  private grouped(): Map<string, JournalEntry[]> {
    const groups = new Map<string, JournalEntry[]>();
    for (const entry of this.services.store.index.ofKind(this.spec.kind)) {
      const status = entry.status ?? this.spec.statuses[0]!;
      let list = groups.get(status);
      if (!list) groups.set(status, (list = []));
      list.push(entry);
    }
    for (const list of groups.values()) list.sort((a, b) => a.title.localeCompare(b.title) || a.path.localeCompare(b.path));
    return groups;
  }
}

export function labelForStatus(status: string): string {
  const words = status.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'No status' : words[0]!.toUpperCase() + words.slice(1);
}

export function goalDescription(entry: JournalEntry): string {
  const target = stringField(entry.data, 'target');
  const circle = stringField(entry.data, 'circle');
  return [target ? `by ${target}` : undefined, circle].filter(Boolean).join(' · ');
}

export function feedbackDescription(entry: JournalEntry): string {
  const from = stringField(entry.data, 'from');
  const circleBack = stringField(entry.data, 'circleBack');
  return [from ? `from ${from}` : undefined, circleBack ? `circle back ${circleBack}` : undefined].filter(Boolean).join(' · ');
}

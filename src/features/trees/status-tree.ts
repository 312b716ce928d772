import * as vscode from 'vscode';
import { circleLabel, isCircle } from '../../core/evidence';
import { FileKind } from '../../core/layout';
import { JournalEntry, stringField } from '../../core/journal-entry';
import {
  FEEDBACK_STATUS_LABELS,
  FeedbackStatus,
  feedbackStatus,
  GOAL_STATUS_LABELS,
  goalState,
  GoalStatus,
  isFeedbackDue,
} from '../../core/threads';
import { ItemContext } from '../../host/context-keys';
import { Services } from '../../host/services';
import { Node } from '../../ui/nodes';
import { describeProblems, openCommand, RefreshingProvider } from '../../ui/refreshing-tree';
import { staleGoalWeeks } from '../../ui/settings';
import { escapeMarkdown } from '../../ui/markdown-label';

export interface StatusTreeSpec {
  readonly view: 'goals' | 'feedback';
  readonly kind: Extract<FileKind, 'goal' | 'feedback'>;
  /** Statuses in display order; the first is where a file without a status goes. */
  readonly statuses: readonly string[];
  readonly context: ItemContext;
}

/** How a goal or thread row reads and looks, worked out once per row. */
interface RowFacts {
  readonly description: string;
  readonly icon: vscode.ThemeIcon;
  /** Appended to the context value: `.stale`, `.due`. */
  readonly flag: string;
  readonly details: readonly string[];
}

/**
 * Files of one kind grouped by their front-matter status: goals (with their
 * progress log under each, and a flag when one has gone quiet) and feedback
 * threads (flagged when a circle-back is due).
 */
export class StatusTreeProvider extends RefreshingProvider {
  constructor(
    private readonly services: Services,
    private readonly spec: StatusTreeSpec,
  ) {
    super(services.store);
  }

  getChildren(element?: Node): Node[] {
    if (this.services.store.state.kind !== 'ready') return [];
    if (element?.type === 'goal') {
      const entry = this.services.store.index.get(element.path);
      return [...(entry?.progress ?? [])].reverse().map((p) => ({
        type: 'progress',
        id: `progress/${element.path}/${p.line}/${p.date}/${p.text}`,
        path: element.path,
        status: element.status,
        line: p.line,
        date: p.date,
        text: p.text,
      }));
    }
    const byStatus = this.grouped();
    if (!element) {
      const known = this.spec.statuses.filter((s) => byStatus.has(s));
      const other = [...byStatus.keys()].filter((s) => !this.spec.statuses.includes(s)).sort();
      return [...known, ...other].map((status) => ({
        type: 'group',
        id: `${this.spec.view}/${status}`,
        view: this.spec.view,
        status,
      }));
    }
    if (element.type !== 'group') return [];
    return (byStatus.get(element.status) ?? []).map((e) => ({
      type: this.spec.kind,
      id: `${this.spec.kind}/${e.path}`,
      path: e.path,
      status: element.status,
    }));
  }

  getParent(element: Node): Node | undefined {
    if (element.type === 'progress')
      return { type: 'goal', id: `goal/${element.path}`, path: element.path, status: element.status };
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
      item.accessibilityInformation = { label: `${labelForStatus(element.status)}: ${count}` };
      return item;
    }
    if (element.type === 'progress') {
      const item = new vscode.TreeItem(
        element.text || vscode.l10n.t('(no text)'),
        vscode.TreeItemCollapsibleState.None,
      );
      item.id = element.id;
      item.description = element.date;
      item.iconPath = new vscode.ThemeIcon('circle-small-filled');
      item.contextValue = ItemContext.Progress;
      item.tooltip = `${element.date}: ${element.text}`;
      item.accessibilityInformation = { label: vscode.l10n.t('Progress on {0}: {1}', element.date, element.text) };
      const uri = this.services.store.uriOf(element.path);
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Open'),
        arguments: [uri, { selection: new vscode.Range(element.line, 0, element.line, 0) }],
      };
      return item;
    }
    if (element.type !== 'goal' && element.type !== 'feedback') return new vscode.TreeItem(element.id);
    const entry = this.services.store.index.get(element.path);
    if (!entry) return new vscode.TreeItem(element.path);
    const facts = this.spec.kind === 'goal' ? this.goalFacts(entry) : this.feedbackFacts(entry);
    const hasProgress = this.spec.kind === 'goal' && (entry.progress?.length ?? 0) > 0;
    const item = new vscode.TreeItem(
      entry.title,
      hasProgress ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = element.id;
    item.description = facts.description;
    item.iconPath =
      entry.problems.length > 0
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : facts.icon;
    item.contextValue = `${this.spec.context}.${element.status}${facts.flag}`;
    const uri = this.services.store.uriOf(entry.path);
    item.resourceUri = uri;
    item.command = openCommand(uri);
    const tooltip = new vscode.MarkdownString(
      `**${escapeMarkdown(entry.title)}**\n\n${facts.details.map(escapeMarkdown).join('  \n')}`,
    );
    if (entry.problems.length > 0)
      tooltip.appendMarkdown(`\n\n$(warning) ${escapeMarkdown(describeProblems(entry.problems))}`);
    tooltip.supportThemeIcons = true;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: [entry.title, ...facts.details].join(', ') };
    return item;
  }

  private goalFacts(entry: JournalEntry): RowFacts {
    const today = this.services.today();
    const state = goalState(this.services.store.index, entry, today, staleGoalWeeks());
    const target = stringField(entry.data, 'target');
    const circle = stringField(entry.data, 'circle');
    const discussed = state.lastDiscussed
      ? vscode.l10n.t('last discussed {0}', state.lastDiscussed)
      : vscode.l10n.t('never discussed');
    const quiet = state.stale
      ? state.quietWeeks === undefined
        ? vscode.l10n.t('quiet')
        : vscode.l10n.t('quiet {0} wk', state.quietWeeks)
      : undefined;
    const queued =
      state.status === 'active' && state.queued ? vscode.l10n.t('on the agenda {0}', state.queued) : undefined;
    const description = [
      quiet,
      queued,
      state.status === 'active' ? discussed : undefined,
      target ? vscode.l10n.t('by {0}', target) : undefined,
      circle && isCircle(circle) ? circleLabel(circle) : circle,
    ]
      .filter(Boolean)
      .join(' · ');
    const details = [
      vscode.l10n.t('Status: {0}', GOAL_STATUS_LABELS[state.status as GoalStatus] ?? String(state.status)),
      state.stale
        ? state.quietWeeks === undefined
          ? vscode.l10n.t('Not discussed for many weeks: add it to your next agenda')
          : vscode.l10n.t('Not discussed for {0} weeks: add it to your next agenda', state.quietWeeks)
        : undefined,
      queued ? vscode.l10n.t('On the agenda of the 1:1 of {0}', String(state.queued)) : undefined,
      state.lastDiscussed
        ? vscode.l10n.t('Last discussed: {0}', state.lastDiscussed)
        : vscode.l10n.t('Last discussed: never'),
      target ? vscode.l10n.t('Target: {0}', target) : undefined,
      circle ? vscode.l10n.t('Circle: {0}', isCircle(circle) ? circleLabel(circle) : circle) : undefined,
      vscode.l10n.t('Progress entries: {0}', entry.progress?.length ?? 0),
    ].filter((d): d is string => d !== undefined);
    const icon =
      state.status === 'achieved'
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : state.status === 'dropped'
          ? new vscode.ThemeIcon('circle-slash')
          : state.stale
            ? new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('list.warningForeground'))
            : new vscode.ThemeIcon('target');
    return { description, icon, flag: state.stale ? '.stale' : '', details };
  }

  private feedbackFacts(entry: JournalEntry): RowFacts {
    const today = this.services.today();
    const status = feedbackStatus(entry);
    const from = stringField(entry.data, 'from');
    const circleBack = stringField(entry.data, 'circleBack');
    const due = isFeedbackDue(entry, today);
    // Once circled back or closed, the circle-back date is history: the row says so no more.
    const open = status === 'received' || status === 'trying';
    const description = [
      due ? vscode.l10n.t('circle back due') : undefined,
      from ? vscode.l10n.t('from {0}', from) : undefined,
      open && circleBack ? (due ? circleBack : vscode.l10n.t('circle back {0}', circleBack)) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    const details = [
      vscode.l10n.t('Status: {0}', FEEDBACK_STATUS_LABELS[status as FeedbackStatus] ?? status),
      from ? vscode.l10n.t('From: {0}', from) : undefined,
      stringField(entry.data, 'received')
        ? vscode.l10n.t('Received: {0}', stringField(entry.data, 'received')!)
        : undefined,
      circleBack
        ? due
          ? vscode.l10n.t('Circle back: {0} (due: add it to your next agenda)', circleBack)
          : vscode.l10n.t('Circle back: {0}', circleBack)
        : undefined,
    ].filter((d): d is string => d !== undefined);
    const icon = due
      ? new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(FEEDBACK_ICONS[status] ?? 'comment-discussion');
    return { description, icon, flag: due ? '.due' : '', details };
  }

  private grouped(): Map<string, JournalEntry[]> {
    const groups = new Map<string, JournalEntry[]>();
    for (const entry of this.services.store.index.ofKind(this.spec.kind)) {
      const status = entry.status ?? this.spec.statuses[0]!;
      let list = groups.get(status);
      if (!list) groups.set(status, (list = []));
      list.push(entry);
    }
    for (const list of groups.values())
      list.sort((a, b) => a.title.localeCompare(b.title) || a.path.localeCompare(b.path));
    return groups;
  }
}

const FEEDBACK_ICONS: Readonly<Record<string, string>> = {
  received: 'mail',
  trying: 'beaker',
  'circled-back': 'comment-discussion',
  closed: 'check',
};

export function labelForStatus(status: string): string {
  // A status of the format reads as its (translated) name; any other as it is written, capitalised.
  for (const labels of [GOAL_STATUS_LABELS, FEEDBACK_STATUS_LABELS] as Readonly<Record<string, string>>[])
    if (Object.prototype.hasOwnProperty.call(labels, status)) return labels[status]!;
  const words = status.replace(/[-_]+/g, ' ').trim();
  return words === '' ? vscode.l10n.t('No status') : words[0]!.toUpperCase() + words.slice(1);
}

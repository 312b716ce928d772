import * as vscode from 'vscode';
import { FEEDBACK_STATUSES, GOAL_STATUSES } from '../../core/templates';
import { ItemContext } from '../../host/context-keys';
import { Services } from '../../host/services';
import { MeetingsDragAndDrop } from './drag-and-drop';
import { MeetingsTreeProvider } from './meetings-tree';
import { StatusTreeProvider } from './status-tree';
import { TreeTicks } from './ticks';

export const ViewIds = {
  meetings: 'oneOnOne.meetings',
  goals: 'oneOnOne.goals',
  feedback: 'oneOnOne.feedback',
} as const;

/** The sidebar's three trees and the Refresh command. */
/** What the integration tests reach through the extension's test API: the providers, as VS Code calls them. */
export interface TreesTestApi {
  readonly meetings: MeetingsTreeProvider;
  readonly goals: StatusTreeProvider;
  readonly feedback: StatusTreeProvider;
  readonly dragAndDrop: MeetingsDragAndDrop;
  /** The Meetings view's checkbox handler, as VS Code calls it when rows are ticked or unticked. */
  readonly ticks: TreeTicks;
}

export function activateTrees(context: vscode.ExtensionContext, services: Services): TreesTestApi {
  const meetings = new MeetingsTreeProvider(services);
  const goals = new StatusTreeProvider(services, {
    view: 'goals',
    kind: 'goal',
    statuses: GOAL_STATUSES,
    context: ItemContext.Goal,
  });
  const feedback = new StatusTreeProvider(services, {
    view: 'feedback',
    kind: 'feedback',
    statuses: FEEDBACK_STATUSES,
    context: ItemContext.Feedback,
  });
  const dragAndDrop = new MeetingsDragAndDrop(services);
  const meetingsView = vscode.window.createTreeView(ViewIds.meetings, {
    treeDataProvider: meetings,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: dragAndDrop,
    // A point's box is its own: ticking one never ticks a parent or a sibling.
    manageCheckboxStateManually: true,
  });
  const ticks = new TreeTicks(() => meetings.refresh());
  const showProgress = (loading: Promise<void>): void => {
    void vscode.window.withProgress(
      { location: { viewId: ViewIds.meetings }, title: vscode.l10n.t('Reading the journal') },
      () => loading.catch(() => undefined),
    );
  };
  // The read that started with the extension, before this view was made.
  const current = services.store.currentLoad;
  if (current) showProgress(current);
  context.subscriptions.push(
    meetings,
    goals,
    feedback,
    meetingsView,
    meetingsView.onDidChangeCheckboxState((e) => void ticks.apply(e.items)),
    vscode.window.createTreeView(ViewIds.goals, { treeDataProvider: goals, showCollapseAll: true }),
    vscode.window.createTreeView(ViewIds.feedback, { treeDataProvider: feedback, showCollapseAll: true }),
    vscode.workspace.onDidChangeConfiguration(
      (e) => e.affectsConfiguration('oneOnOne.staleGoalWeeks') && goals.refresh(),
    ),
    // A progress bar on the Meetings view while the journal is read (rows
    // appear as soon as the people are in; meetings fill in behind them).
    services.store.onDidStartLoading(showProgress),
    vscode.commands.registerCommand('oneOnOne.refresh', () => services.store.reload()),
  );
  return { meetings, goals, feedback, dragAndDrop, ticks };
}

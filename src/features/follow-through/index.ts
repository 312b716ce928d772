// Follow-through: the Open Items view (action items and circle-backs due,
// with a badge on the 1:1 container for what needs me today), a daily
// reminder of what is due, and a nudge to finish a meeting once it ended.

import * as vscode from 'vscode';
import { DueItem } from '../../core/due';
import { Services } from '../../host/services';
import { badgeOf, OpenItemsTree, tickDone } from './open-items';
import { Nudges } from './nudges';

const TICK_MS = 60_000;
const NUDGE_DELAY_MS = 30_000;
export const OPEN_ITEMS_VIEW = 'oneOnOne.openItems';

/** What the integration tests reach through the extension's test API. */
export interface FollowThroughTestApi {
  readonly openItems: OpenItemsTree;
  readonly nudges: Nudges;
  /** The badge the view shows on the 1:1 container now. */
  readonly badge: () => vscode.ViewBadge | undefined;
  /** Recomputes the items and the badge and looks for nudges, as the timer does. */
  readonly tick: () => Promise<void>;
  /** Another window's nudges on the same global storage, for tests of "once across windows". */
  readonly newWindowNudges: (id: string) => Nudges;
  /** The view's checkbox handler, as VS Code calls it when an action item is ticked. */
  readonly tickDone: (item: DueItem) => Promise<boolean>;
}

export function activateFollowThrough(context: vscode.ExtensionContext, services: Services): FollowThroughTestApi {
  const openItems = new OpenItemsTree(services);
  const view = vscode.window.createTreeView(OPEN_ITEMS_VIEW, {
    treeDataProvider: openItems,
    manageCheckboxStateManually: true,
  });
  const windowId = `${vscode.env.sessionId}-${Math.random().toString(36).slice(2)}`;
  const nudges = new Nudges(services, context.globalStorageUri, windowId);
  // No nudge in the first moments of a window: it would land among the start-up notifications
  // (and a journal still being read would undercount). The view and the badge are there at once.
  const nudgesFrom = Date.now() + NUDGE_DELAY_MS;
  const tick = async (nudge: boolean): Promise<void> => {
    openItems.refresh();
    view.badge = badgeOf(openItems.needsMe().length);
    if (nudge || Date.now() >= nudgesFrom) {
      await services.store.currentLoad;
      await nudges.check(openItems.needsMe());
    }
  };
  let ticking = Promise.resolve();
  let soon: ReturnType<typeof setTimeout> | undefined;
  // Coalesced: a full read of the journal changes it thousands of times.
  const tickSoon = (): void => {
    clearTimeout(soon);
    soon = setTimeout(
      () =>
        (ticking = ticking.then(
          () => tick(false),
          () => tick(false),
        )),
      500,
    );
  };
  const timer = setInterval(tickSoon, TICK_MS);
  context.subscriptions.push(
    openItems,
    view,
    nudges,
    { dispose: () => (clearInterval(timer), clearTimeout(soon)) },
    services.store.onDidChange(tickSoon),
    vscode.window.onDidChangeWindowState((e) => e.focused && tickSoon()),
    view.onDidChangeCheckboxState(async (e) => {
      let refused = false;
      for (const [item, state] of e.items)
        if (state === vscode.TreeItemCheckboxState.Checked && item.kind === 'action')
          refused ||= !(await tickDone(item));
      if (refused) openItems.refresh();
    }),
  );
  void nudges.sweep();
  tickSoon();
  return {
    openItems,
    nudges,
    badge: () => view.badge,
    tick: () =>
      (ticking = ticking.then(
        () => tick(true),
        () => tick(true),
      )),
    tickDone,
    newWindowNudges: (id: string) =>
      new Nudges(services, context.globalStorageUri, id, () => Promise.resolve(undefined)),
  };
}

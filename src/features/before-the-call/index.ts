// Before the call: the status-bar countdown to the next 1:1 and the reminder
// shortly before it (once across windows).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { Reminders } from './reminders';
import { MeetingStatusBar } from './status-bar';

const TICK_MS = 15_000;

/** What the integration tests reach through the extension's test API. */
export interface BeforeTheCallTestApi {
  readonly statusBar: MeetingStatusBar;
  readonly reminders: Reminders;
  /** Refreshes the countdown and checks reminders now, as the timer would. */
  readonly tick: () => void;
  /** Another window's reminders on the same global storage, for tests of "once per meeting". */
  readonly newWindowReminders: (id: string) => Reminders;
}

export function activateBeforeTheCall(context: vscode.ExtensionContext, services: Services): BeforeTheCallTestApi {
  const statusBar = new MeetingStatusBar(services);
  const windowId = `${vscode.env.sessionId}-${Math.random().toString(36).slice(2)}`;
  const reminders = new Reminders(services, context.globalStorageUri, windowId);
  const tick = (): void => {
    statusBar.refresh();
    void reminders.check();
  };
  const timer = setInterval(tick, TICK_MS);
  const unsubscribe = services.store.index.onDidChange(() => void reminders.check());
  context.subscriptions.push(
    statusBar,
    reminders,
    { dispose: () => clearInterval(timer) },
    { dispose: unsubscribe },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('oneOnOne')) tick();
    }),
    vscode.window.onDidChangeWindowState((e) => {
      if (e.focused) tick();
    }),
  );
  void reminders.sweep();
  return {
    statusBar,
    reminders,
    tick,
    newWindowReminders: (id: string) =>
      new Reminders(services, context.globalStorageUri, id, () => Promise.resolve(undefined)),
  };
}

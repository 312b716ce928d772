// Before and after the call: the status-bar countdown, reminders, the prep
// sheet, carry-forward, finishing a meeting and sharing its agenda.

import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../../host/context-keys';
import { Feature } from '../../host/services';
import { meetingAt } from './meeting-target';
import { MeetingCodeLens } from './code-lens';
import { SessionCommands } from './commands';
import { PrepSheets } from './prep-sheet';
import { Reminders } from './reminders';
import { whenTrusted } from '../privacy/trust';
import { MeetingStatusBar } from './status-bar';

const TICK_MS = 15_000;

export const activateSession: Feature = (context, services) => {
  const prep = new PrepSheets(services);
  const commands = new SessionCommands(services, prep);
  const statusBar = new MeetingStatusBar(services);
  const windowId = `${vscode.env.sessionId}-${Math.random().toString(36).slice(2)}`;
  const reminders = new Reminders(services, context.globalStorageUri, windowId);
  const codeLens = new MeetingCodeLens(services);
  const tick = (): void => {
    statusBar.refresh();
    void reminders.check();
  };
  const timer = setInterval(tick, TICK_MS);
  const unsubscribe = services.store.index.onDidChange(() => void reminders.check());
  context.subscriptions.push(
    prep,
    statusBar,
    reminders,
    codeLens,
    { dispose: () => clearInterval(timer) },
    { dispose: unsubscribe },
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, codeLens),
    vscode.commands.registerCommand('oneOnOne.openNextAgenda', (arg?: unknown) => commands.openNextAgenda(arg)),
    vscode.commands.registerCommand('oneOnOne.openPrepSheet', (arg?: unknown) => commands.openPrepSheet(arg)),
    vscode.commands.registerCommand('oneOnOne.insertPrepSheet', whenTrusted('keep the prep sheet in the meeting notes', (arg?: unknown) => commands.insertPrepSheet(arg))),
    vscode.commands.registerCommand('oneOnOne.openPreviousMeeting', (arg?: unknown) => commands.openPreviousMeeting(arg)),
    vscode.commands.registerCommand('oneOnOne.carryForward', whenTrusted('carry open items forward', (arg?: unknown) => commands.carryForward(arg))),
    vscode.commands.registerCommand('oneOnOne.finishMeeting', whenTrusted('finish the meeting', (arg?: unknown) => commands.finishMeeting(arg))),
    vscode.commands.registerCommand('oneOnOne.copyShareableAgenda', (arg?: unknown) => commands.copyShareableAgenda(arg)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('oneOnOne')) tick();
    }),
    vscode.window.onDidChangeWindowState((e) => {
      if (e.focused) tick();
    }),
  );
  let editorIsMeeting = false;
  const updateEditorContext = (): void => {
    const is = meetingAt(services, vscode.window.activeTextEditor?.document.uri) !== undefined;
    if (is !== editorIsMeeting) void setContext(ContextKeys.editorIsMeeting, (editorIsMeeting = is));
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateEditorContext), { dispose: services.store.index.onDidChange(updateEditorContext) });
  updateEditorContext();
  void reminders.sweep();
  // Tests (and only tests) reach these through the extension's exports.
  session = {
    prep,
    commands,
    statusBar,
    reminders,
    codeLens,
    tick,
    newWindowReminders: (id: string) => new Reminders(services, context.globalStorageUri, id, () => Promise.resolve(undefined)),
  };
};

export let session:
  | {
      prep: PrepSheets;
      commands: SessionCommands;
      statusBar: MeetingStatusBar;
      reminders: Reminders;
      codeLens: MeetingCodeLens;
      tick: () => void;
      /** Another window's reminders on the same global storage, for tests of "once per meeting". */
      newWindowReminders: (id: string) => Reminders;
    }
  | undefined;

// The meeting itself: a new meeting, the next agenda beside its prep sheet,
// the previous one, carry-forward, finishing a meeting and sharing its agenda.

import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../../host/context-keys';
import { Services } from '../../host/services';
import { meetingAt } from '../../ui/meeting-target';
import { whenTrusted } from '../../ui/trust';
import { MeetingCodeLens } from './code-lens';
import { MeetingCommands } from './commands';
import { newMeeting } from './new-meeting';
import { PrepSheets } from './prep-sheet';

/** What the integration tests reach through the extension's test API. */
export interface MeetingsTestApi {
  readonly prep: PrepSheets;
  readonly commands: MeetingCommands;
  readonly codeLens: MeetingCodeLens;
}

export function activateMeetings(context: vscode.ExtensionContext, services: Services): MeetingsTestApi {
  const prep = new PrepSheets(services);
  const commands = new MeetingCommands(services, prep);
  const codeLens = new MeetingCodeLens(services);
  context.subscriptions.push(
    prep,
    codeLens,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, codeLens),
    vscode.commands.registerCommand(
      'oneOnOne.newMeeting',
      whenTrusted('create a meeting', (arg?: unknown) => newMeeting(services, arg)),
    ),
    vscode.commands.registerCommand('oneOnOne.openNextAgenda', (arg?: unknown) => commands.openNextAgenda(arg)),
    vscode.commands.registerCommand('oneOnOne.openPrepSheet', (arg?: unknown) => commands.openPrepSheet(arg)),
    vscode.commands.registerCommand(
      'oneOnOne.insertPrepSheet',
      whenTrusted('keep the prep sheet in the meeting notes', (arg?: unknown) => commands.insertPrepSheet(arg)),
    ),
    vscode.commands.registerCommand('oneOnOne.openPreviousMeeting', (arg?: unknown) =>
      commands.openPreviousMeeting(arg),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.carryForward',
      whenTrusted('carry open items forward', (arg?: unknown) => commands.carryForward(arg)),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.finishMeeting',
      whenTrusted('finish the meeting', (arg?: unknown) => commands.finishMeeting(arg)),
    ),
    vscode.commands.registerCommand('oneOnOne.copyShareableAgenda', (arg?: unknown) =>
      commands.copyShareableAgenda(arg),
    ),
  );
  let editorIsMeeting = false;
  const updateEditorContext = (): void => {
    const is = meetingAt(services, vscode.window.activeTextEditor?.document.uri) !== undefined;
    if (is !== editorIsMeeting) void setContext(ContextKeys.editorIsMeeting, (editorIsMeeting = is));
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateEditorContext), {
    dispose: services.store.index.onDidChange(updateEditorContext),
  });
  updateEditorContext();
  return { prep, commands, codeLens };
}

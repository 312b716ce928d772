// The meeting itself: a new meeting, the next agenda beside its prep sheet,
// the previous one, carry-forward, finishing a meeting and sharing its agenda.

import * as vscode from 'vscode';
import { Person } from '../../core/journal-index';
import { JournalEntry } from '../../core/journal-entry';
import { ContextKeys, setContext } from '../../host/context-keys';
import { Services } from '../../host/services';
import { meetingAt } from '../../ui/meeting-target';
import { whenTrusted } from '../../ui/trust';
import { openNextAgenda, openPreviousMeeting } from './agenda';
import { carryForward, carryInto } from './carry';
import { MeetingCodeLens } from './code-lens';
import { finishMeeting } from './finish';
import { newMeeting } from './new-meeting';
import { insertPrepSheet, openPrepSheet } from './prep-commands';
import { PrepSheets } from './prep-sheet';
import { copyShareableAgenda } from './share';

/** The meeting commands, bound to the services: what the command registrations call. */
function meetingCommands(services: Services, prep: PrepSheets) {
  return {
    openNextAgenda: (arg: unknown) => openNextAgenda(services, prep, arg),
    openPrepSheet: (arg: unknown) => openPrepSheet(services, prep, arg),
    insertPrepSheet: (arg: unknown) => insertPrepSheet(services, arg),
    openPreviousMeeting: (arg: unknown) => openPreviousMeeting(services, arg),
    carryForward: (arg: unknown) => carryForward(services, arg),
    carryInto: (person: Person, entry: JournalEntry, quiet = false) => carryInto(services, person, entry, quiet),
    finishMeeting: (arg: unknown) => finishMeeting(services, arg),
    copyShareableAgenda: (arg: unknown) => copyShareableAgenda(services, arg),
    /** The meeting a document is, if any. */
    meetingOf: (document: vscode.TextDocument) => meetingAt(services, document.uri),
  };
}

export type MeetingCommands = ReturnType<typeof meetingCommands>;

/** What the integration tests reach through the extension's test API. */
export interface MeetingsTestApi {
  readonly prep: PrepSheets;
  readonly commands: MeetingCommands;
  readonly codeLens: MeetingCodeLens;
}

export function activateMeetings(context: vscode.ExtensionContext, services: Services): MeetingsTestApi {
  const prep = new PrepSheets(services);
  const commands = meetingCommands(services, prep);
  const codeLens = new MeetingCodeLens(services);
  context.subscriptions.push(
    prep,
    codeLens,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, codeLens),
    vscode.commands.registerCommand(
      'oneOnOne.newMeeting',
      whenTrusted(vscode.l10n.t('create a meeting'), (arg?: unknown) => newMeeting(services, arg)),
    ),
    vscode.commands.registerCommand('oneOnOne.openNextAgenda', (arg?: unknown) => commands.openNextAgenda(arg)),
    vscode.commands.registerCommand('oneOnOne.openPrepSheet', (arg?: unknown) => commands.openPrepSheet(arg)),
    vscode.commands.registerCommand(
      'oneOnOne.insertPrepSheet',
      whenTrusted(vscode.l10n.t('keep the prep sheet in the meeting notes'), (arg?: unknown) =>
        commands.insertPrepSheet(arg),
      ),
    ),
    vscode.commands.registerCommand('oneOnOne.openPreviousMeeting', (arg?: unknown) =>
      commands.openPreviousMeeting(arg),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.carryForward',
      whenTrusted(vscode.l10n.t('carry open items forward'), (arg?: unknown) => commands.carryForward(arg)),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.finishMeeting',
      whenTrusted(vscode.l10n.t('finish the meeting'), (arg?: unknown) => commands.finishMeeting(arg)),
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

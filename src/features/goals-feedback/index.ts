// Goals and feedback threads that live across meetings.

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { addToAgenda } from './agenda';
import { newFeedbackThread, setFeedbackStatusCommand } from './feedback';
import { logGoalProgress, newGoal, setGoalStatusCommand } from './goals';
import { whenTrusted } from '../../ui/trust';
import { registerPrepSheetLens } from './prep-lens';

export function activateGoalsFeedback(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'oneOnOne.newGoal',
      whenTrusted(vscode.l10n.t('add a goal'), (arg?: unknown) => newGoal(services, arg)),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.setGoalStatus',
      whenTrusted(vscode.l10n.t("change a goal's status"), (arg?: unknown) => setGoalStatusCommand(services, arg)),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.logGoalProgress',
      whenTrusted(vscode.l10n.t('log progress on a goal'), (arg?: unknown) => logGoalProgress(services, arg)),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.newFeedbackThread',
      whenTrusted(vscode.l10n.t('add a feedback thread'), (arg?: unknown) => newFeedbackThread(services, arg)),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.setFeedbackStatus',
      whenTrusted(vscode.l10n.t("change a feedback thread's status"), (arg?: unknown) =>
        setFeedbackStatusCommand(services, arg),
      ),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.addToAgenda',
      whenTrusted(vscode.l10n.t('add it to your agenda'), (arg?: unknown) => addToAgenda(services, arg)),
    ),
  );
  registerPrepSheetLens(context, services);
}

// Goals and feedback threads that live across meetings.

import * as vscode from 'vscode';
import { Feature } from '../../host/services';
import { addToAgenda } from './agenda';
import { newFeedbackThread, setFeedbackStatusCommand } from './feedback';
import { logGoalProgress, newGoal, setGoalStatusCommand } from './goals';
import { registerPrepSheetLens } from './prep-lens';

export const activateThreads: Feature = (context, services) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('oneOnOne.newGoal', (arg?: unknown) => newGoal(services, arg)),
    vscode.commands.registerCommand('oneOnOne.setGoalStatus', (arg?: unknown) => setGoalStatusCommand(services, arg)),
    vscode.commands.registerCommand('oneOnOne.logGoalProgress', (arg?: unknown) => logGoalProgress(services, arg)),
    vscode.commands.registerCommand('oneOnOne.newFeedbackThread', (arg?: unknown) => newFeedbackThread(services, arg)),
    vscode.commands.registerCommand('oneOnOne.setFeedbackStatus', (arg?: unknown) => setFeedbackStatusCommand(services, arg)),
    vscode.commands.registerCommand('oneOnOne.addToAgenda', (arg?: unknown) => addToAgenda(services, arg)),
  );
  registerPrepSheetLens(context, services);
};

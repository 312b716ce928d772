// Goals and feedback threads that live across meetings. Their commands are
// commands.ts, bundled as dist/goals-feedback.js and loaded on the first call
// (ui/lazy-commands.ts); the prep sheet's lens on them is here from the start.

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { registerLazyCommands } from '../../ui/lazy-commands';
import { registerPrepSheetLens } from './prep-lens';

export function activateGoalsFeedback(context: vscode.ExtensionContext, services: Services): void {
  registerLazyCommands(context, services, 'goals-feedback.js', [
    'oneOnOne.newGoal',
    'oneOnOne.setGoalStatus',
    'oneOnOne.logGoalProgress',
    'oneOnOne.newFeedbackThread',
    'oneOnOne.setFeedbackStatus',
    'oneOnOne.addToAgenda',
  ]);
  registerPrepSheetLens(context, services);
}

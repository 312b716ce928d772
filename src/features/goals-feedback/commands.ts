// The commands of goals and feedback threads, bundled as
// dist/goals-feedback.js (scripts/build.mjs) and loaded on the first call of
// one of them (index.ts registers the ids; ui/lazy-commands.ts loads this).

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { CommandTable } from '../../ui/lazy-commands';
import { whenTrusted } from '../../ui/trust';
import { addToAgenda } from './agenda';
import { newFeedbackThread, setFeedbackStatusCommand } from './feedback';
import { logGoalProgress, newGoal, setGoalStatusCommand } from './goals';

export function commands(_context: vscode.ExtensionContext, services: Services): CommandTable {
  return {
    'oneOnOne.newGoal': whenTrusted(vscode.l10n.t('add a goal'), (arg?: unknown) => newGoal(services, arg)),
    'oneOnOne.setGoalStatus': whenTrusted(vscode.l10n.t("change a goal's status"), (arg?: unknown) =>
      setGoalStatusCommand(services, arg),
    ),
    'oneOnOne.logGoalProgress': whenTrusted(vscode.l10n.t('log progress on a goal'), (arg?: unknown) =>
      logGoalProgress(services, arg),
    ),
    'oneOnOne.newFeedbackThread': whenTrusted(vscode.l10n.t('add a feedback thread'), (arg?: unknown) =>
      newFeedbackThread(services, arg),
    ),
    'oneOnOne.setFeedbackStatus': whenTrusted(vscode.l10n.t("change a feedback thread's status"), (arg?: unknown) =>
      setFeedbackStatusCommand(services, arg),
    ),
    'oneOnOne.addToAgenda': whenTrusted(vscode.l10n.t('add it to your agenda'), (arg?: unknown) =>
      addToAgenda(services, arg),
    ),
  };
}

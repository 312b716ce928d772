// `oneOnOne.checkPrivacy`: the check on demand, with its result said whatever
// it is, and the warning's answers offered where they apply.

import * as vscode from 'vscode';
import { Services } from '../../host/services';
import { act, EXCLUDE, NEVER_WARN_KEY, WARN_AGAIN } from './actions';
import { inspect, PrivacyReport } from './state';
import { warn } from './warning';

export async function checkPrivacy(state: vscode.Memento, services: Services): Promise<PrivacyReport> {
  const inspection = await inspect(services);
  const { report } = inspection;
  const where = `"${report.journal}"`;
  const off = state.get<boolean>(NEVER_WARN_KEY) === true;
  const offNote = off ? ` ${vscode.l10n.t('Automatic warnings are off in this workspace.')}` : '';
  const extra = off ? [WARN_AGAIN] : [];
  let pick: string | undefined;
  switch (report.state) {
    case 'no-workspace':
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'No folder is open, so there is no journal to check: 1:1 Journal keeps it inside your workspace.',
        ),
      );
      return report;
    case 'no-repository':
      pick = await vscode.window.showInformationMessage(
        vscode.l10n.t('The journal {0} is not in a git repository: git sends none of it anywhere.', where) + offNote,
        ...extra,
      );
      break;
    case 'no-remote':
      pick = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          'The journal {0} is in a git repository without a remote, so nothing can be pushed; exclude it before you add one.',
          where,
        ) + offNote,
        EXCLUDE,
        ...extra,
      );
      break;
    case 'excluded':
      pick = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          'The journal {0} is in a git repository with a remote, but {1} keeps it out of git: it is not pushed.',
          where,
          String(report.excludedBy),
        ) + offNote,
        ...extra,
      );
      break;
    case 'exposed':
      return warn(state, services, inspection, extra);
  }
  return { ...report, action: await act(state, services, pick, inspection) };
}

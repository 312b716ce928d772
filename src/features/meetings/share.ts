// `oneOnOne.copyShareableAgenda`: the agenda on the clipboard, without the
// Private section or anything tagged #private.

import * as vscode from 'vscode';
import { parseDocument } from '../../core/document';
import { shareableAgenda } from '../../core/share';
import { Services } from '../../host/services';
import { fail, requireJournal } from '../../ui/commands';
import { resolveMeeting } from '../../ui/meeting-target';

/** `oneOnOne.copyShareableAgenda { person? }` (or a meeting's URI): the agenda without anything private, on the clipboard. */
export async function copyShareableAgenda(services: Services, arg: unknown): Promise<string | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const target = await resolveMeeting(services, arg, 'next', vscode.l10n.t('Copy the agenda of your next 1:1 with…'));
  if (!target) return undefined;
  const text = await services.store.readText(target.entry.path);
  if (text === undefined) return fail(vscode.l10n.t('{0} could not be read.', target.entry.path));
  const shared = shareableAgenda(parseDocument(text));
  await vscode.env.clipboard.writeText(shared.markdown);
  const left =
    shared.omitted > 0
      ? vscode.l10n.t('{0} private part(s) left out.', shared.omitted)
      : vscode.l10n.t('Nothing in it was marked private.');
  void vscode.window.showInformationMessage(
    `${vscode.l10n.t('Copied the agenda of {0} with {1}.', String(target.entry.date), target.person.name)} ${left}`,
  );
  return shared.markdown;
}

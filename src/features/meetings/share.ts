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
  const target = await resolveMeeting(services, arg, 'next', 'Copy the agenda of your next 1:1 with…');
  if (!target) return undefined;
  const text = await services.store.readText(target.entry.path);
  if (text === undefined) return fail(`${target.entry.path} could not be read.`);
  const shared = shareableAgenda(parseDocument(text));
  await vscode.env.clipboard.writeText(shared.markdown);
  const left =
    shared.omitted > 0 ? ` ${shared.omitted} private part(s) left out.` : ' Nothing in it was marked private.';
  void vscode.window.showInformationMessage(
    `Copied the agenda of ${target.entry.date} with ${target.person.name}.${left}`,
  );
  return shared.markdown;
}

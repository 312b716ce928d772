// Opening meetings: the next agenda beside its prep sheet, and the meeting
// before one.

import * as vscode from 'vscode';
import { isIsoDate } from '../../core/dates';
import { previousMeeting } from '../../core/prep';
import { Services } from '../../host/services';
import { argsOf, fail, note, requireJournal, resolvePerson } from '../../ui/commands';
import { resolveMeeting } from '../../ui/meeting-target';
import { createMeeting, suggestedDate } from '../../ui/meetings';
import { PrepSheets } from './prep-sheet';

/**
 * `oneOnOne.openNextAgenda { person, date? }`: the next meeting's file (created
 * from the template, with open items carried, when there is none) beside
 * its prep sheet.
 */
export async function openNextAgenda(
  services: Services,
  prep: PrepSheets,
  arg: unknown,
): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const person = await resolvePerson(services, arg, vscode.l10n.t('Open the agenda of your next 1:1 with…'));
  if (!person) return undefined;
  const wanted = argsOf<{ date: unknown }>(arg)?.date;
  if (wanted !== undefined && (typeof wanted !== 'string' || !isIsoDate(wanted)))
    return fail(vscode.l10n.t('"date" must be a date written as YYYY-MM-DD.'));
  const existing = wanted
    ? services.store.index.meetingsOf(person.slug).find((m) => m.date === wanted)
    : services.store.index.nextMeeting(person.slug, services.today());
  let uri: vscode.Uri;
  let date: string;
  if (existing) {
    uri = services.store.uriOf(existing.path);
    date = existing.date!;
  } else {
    date = wanted ?? suggestedDate(services, person);
    const made = await createMeeting(services, person, date);
    if (!made) return undefined;
    uri = made.uri;
    if (made.carried > 0) note(vscode.l10n.t('Carried {0} open item(s) into the 1:1 of {1}.', made.carried, date));
  }
  await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.One });
  await prep.open(person, date);
  return uri;
}

/** `oneOnOne.openPreviousMeeting` (a meeting's URI, or `{ person, date? }`): the meeting before it. */
export async function openPreviousMeeting(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const target = await resolveMeeting(services, arg, 'next', vscode.l10n.t('Previous 1:1 with…'));
  if (!target) return undefined;
  const previous = previousMeeting(services.store.index, target.person.slug, target.entry.date!);
  if (!previous) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} is the first 1:1 with {1} in the journal.', String(target.entry.date), target.person.name),
    );
    return undefined;
  }
  const uri = services.store.uriOf(previous.path);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

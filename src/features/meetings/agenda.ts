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
  const person = await resolvePerson(services, arg, 'Open the agenda of your next 1:1 with…');
  if (!person) return undefined;
  const wanted = argsOf<{ date: unknown }>(arg)?.date;
  if (wanted !== undefined && (typeof wanted !== 'string' || !isIsoDate(wanted)))
    return fail('"date" must be a date written as YYYY-MM-DD.');
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
    if (made.carried > 0) note(`Carried ${made.carried} open item(s) into the 1:1 of ${date}.`);
  }
  await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.One });
  await prep.open(person, date);
  return uri;
}

/** `oneOnOne.openPreviousMeeting` (a meeting's URI, or `{ person, date? }`): the meeting before it. */
export async function openPreviousMeeting(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const target = await resolveMeeting(services, arg, 'next', 'Previous 1:1 with…');
  if (!target) return undefined;
  const previous = previousMeeting(services.store.index, target.person.slug, target.entry.date!);
  if (!previous) {
    void vscode.window.showInformationMessage(
      `${target.entry.date} is the first 1:1 with ${target.person.name} in the journal.`,
    );
    return undefined;
  }
  const uri = services.store.uriOf(previous.path);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

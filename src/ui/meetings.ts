// Meetings as commands need them: the date a new one gets, creating it with a
// clear message when that cannot be done, and the next meeting's path.

import * as vscode from 'vscode';
import { Person } from '../core/journal-index';
import { suggestMeetingDate, todayIn } from '../core/next-meeting';
import { CreatedMeeting, writeMeetingFile } from '../host/meeting-files';
import { Services } from '../host/services';
import { fail, openInEditor } from './commands';
import { refuseUntrusted } from './trust';

export type { CreatedMeeting } from '../host/meeting-files';

/**
 * The date a new meeting with `person` should get: the next date on their
 * cadence after their latest meeting, not in the past — today as their
 * schedule's time zone dates it (an invite's), else as this computer does.
 */
export function suggestedDate(services: Services, person: Person): string {
  const dates = services.store.index.meetingsOf(person.slug).map((m) => m.date);
  const zone = person.schedule?.timeZone;
  const today = zone ? todayIn(zone, services.clock.now()) : services.today();
  return suggestMeetingDate(person.schedule, dates, today);
}

/** The meeting file for `date`, created from the template when there is none; undefined (after saying why) when it cannot be. */
export async function createMeeting(
  services: Services,
  person: Person,
  date: string,
  template?: string,
): Promise<CreatedMeeting | undefined> {
  const made = await writeMeetingFile(services, person, date, template);
  if ('untrusted' in made) return refuseUntrusted(vscode.l10n.t('create the meeting'));
  if ('reason' in made) return fail(made.reason);
  return made;
}

/** Opens the meeting file for `date`, creating it from the template when it does not exist. */
export async function openOrCreateMeeting(
  services: Services,
  person: Person,
  date: string,
  open: boolean,
  template?: string,
): Promise<vscode.Uri | undefined> {
  const made = await createMeeting(services, person, date, template);
  if (!made) return undefined;
  if (open) await openInEditor(made.uri);
  return made.uri;
}

/** The journal path of the next meeting with `person`, created (on their cadence) when there is none. */
export async function nextMeetingPath(services: Services, person: Person): Promise<string | undefined> {
  let next = services.store.index.nextMeeting(person.slug, services.today());
  if (!next) {
    // A full read under way (Refresh, a changed setting) reads the people first and their meetings after:
    // a meeting is made only once they are all read, never beside one not read yet.
    await services.store.currentLoad;
    next = services.store.index.nextMeeting(person.slug, services.today());
  }
  if (next) return next.path;
  const created = await openOrCreateMeeting(services, person, suggestedDate(services, person), false);
  if (!created) return undefined;
  return services.store.pathOf(created) ?? fail(vscode.l10n.t('The new meeting file is outside the journal folder.'));
}

import * as vscode from 'vscode';
import { carryForward } from '../../core/carry';
import { isIsoDate } from '../../core/dates';
import { parseDocument } from '../../core/document';
import { previousMeeting } from '../../core/prep';
import { DEFAULT_DURATION_MINUTES, nextDate } from '../../core/schedule';
import { applyEdits } from '../../core/text';
import { Person } from '../../core/journal-index';
import { MEETING_TEMPLATE, meetingPath } from '../../core/layout';
import { DEFAULT_MEETING_TEMPLATE, renderTemplate } from '../../core/templates';
import { decode, MAX_FILE_BYTES } from '../../host/journal-store';
import { readJournalFile } from '../../host/path-guard';
import { Services } from '../../host/services';
import { refuseUntrusted, whenTrusted } from '../privacy/trust';
import { argsOf, fail, openInEditor, requireJournal, resolvePerson } from './support';

/** The date a new meeting with `person` should get: the next date on their cadence after their latest meeting, not in the past. */
export function suggestedDate(services: Services, person: Person): string {
  const today = services.today();
  const meetings = services.store.index.meetingsOf(person.slug);
  const taken = new Set(meetings.map((m) => m.date ?? ''));
  const schedule = person.schedule ?? { cadence: 'weekly', durationMinutes: DEFAULT_DURATION_MINUTES };
  return nextDate(schedule, meetings[0]?.date, today, taken) ?? today;
}

/** The user's `templates/meeting.md`, or the built-in one when it is missing or unreadable. */
async function meetingTemplate(services: Services): Promise<string> {
  const bytes = await readJournalFile(services.store.root, MEETING_TEMPLATE, MAX_FILE_BYTES);
  if (!(bytes instanceof Uint8Array)) {
    // No template of the user's: the built-in one it is.
    if (!bytes.missing) services.log.warn(`${bytes.reason} Using the built-in meeting template.`);
    return DEFAULT_MEETING_TEMPLATE;
  }
  const decoded = decode(bytes);
  if (decoded.kind === 'text') return decoded.text;
  services.log.warn(`${MEETING_TEMPLATE}: ${decoded.kind === 'unreadable' ? decoded.message : 'gone'}; using the built-in template.`);
  return DEFAULT_MEETING_TEMPLATE;
}

/** The file name part of a journal path, for a link between files in one folder. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export interface CreatedMeeting {
  readonly uri: vscode.Uri;
  /** Items carried from the previous meeting into the new file. */
  readonly carried: number;
  /** False when the file was there already (made meanwhile by another window or a sync). */
  readonly created: boolean;
}

/**
 * Creates the meeting file for `date` from the template, with what the
 * previous meeting left open carried into it (unless the user turned that
 * off). An existing file is left alone.
 */
export async function createMeeting(services: Services, person: Person, date: string): Promise<CreatedMeeting | undefined> {
  const path = meetingPath(person.slug, date);
  if (services.store.index.get(path)) return { uri: services.store.uriOf(path), carried: 0, created: false };
  // Opening an agenda that exists works everywhere; creating one is a write.
  if (!vscode.workspace.isTrusted) return refuseUntrusted('create the meeting');
  let contents = renderTemplate(await meetingTemplate(services), { person: person.name, date, personSlug: person.slug });
  let carried = 0;
  const previous = previousMeeting(services.store.index, person.slug, date);
  if (previous && vscode.workspace.getConfiguration('oneOnOne').get<boolean>('carryForwardOnCreate', true)) {
    const text = await services.store.readText(previous.path);
    if (text !== undefined) {
      const result = carryForward(parseDocument(text), parseDocument(contents), previous.date!, fileName(previous.path));
      if ('edits' in result.edits) {
        contents = applyEdits(contents, result.edits.edits);
        carried = result.carried.length;
      } else {
        services.log.warn(`Carry-forward into the new meeting ${path} skipped: ${result.edits.error}`);
      }
    }
  }
  // The label goes to the log: the path names the meeting, no person's name.
  const result = await services.writer.create([{ path, contents }], 'New meeting');
  if (!result.ok) {
    if (!result.uri) return fail(result.reason);
    return { uri: result.uri, carried: 0, created: false };
  }
  return { uri: result.uri, carried, created: true };
}

/** Opens the meeting file for `date`, creating it from the template when it does not exist. */
export async function openOrCreateMeeting(services: Services, person: Person, date: string, open: boolean): Promise<vscode.Uri | undefined> {
  const made = await createMeeting(services, person, date);
  if (!made) return undefined;
  if (open) await openInEditor(made.uri);
  return made.uri;
}

/** The journal path of the next meeting with `person`, created (on their cadence) when there is none. */
export async function nextMeetingPath(services: Services, person: Person): Promise<string | undefined> {
  const next = services.store.index.nextMeeting(person.slug, services.today());
  if (next) return next.path;
  const created = await openOrCreateMeeting(services, person, suggestedDate(services, person), false);
  if (!created) return undefined;
  return services.store.pathOf(created) ?? fail('The new meeting file is outside the journal folder.');
}

/** `oneOnOne.newMeeting { person, date }` → the meeting file's URI (opened in an editor). */
export async function newMeeting(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const person = await resolvePerson(services, arg, 'Who is the 1:1 with?');
  if (!person) return undefined;
  const args = argsOf<{ date: unknown }>(arg);
  let date: string;
  if (args?.date !== undefined) {
    if (typeof args.date !== 'string' || !isIsoDate(args.date)) return fail('"date" must be a date written as YYYY-MM-DD, e.g. 2026-03-09.');
    date = args.date;
  } else if (args) {
    date = suggestedDate(services, person);
  } else {
    const typed = await vscode.window.showInputBox({
      title: `New 1:1 with ${person.name}`,
      prompt: 'Date of the meeting (YYYY-MM-DD)',
      value: suggestedDate(services, person),
      ignoreFocusOut: true,
      validateInput: (value) => (isIsoDate(value.trim()) ? undefined : 'Write the date as YYYY-MM-DD, e.g. 2026-03-09.'),
    });
    if (typed === undefined) return undefined;
    date = typed.trim();
  }
  return openOrCreateMeeting(services, person, date, true);
}

export function activateMeetings(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('oneOnOne.newMeeting', whenTrusted('create a meeting', (arg?: unknown) => newMeeting(services, arg))),
  );
}

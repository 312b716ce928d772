import * as vscode from 'vscode';
import { isCadence, isIsoDate, nextOnCadence } from '../../core/dates';
import { Person } from '../../core/journal-index';
import { MEETING_TEMPLATE, meetingPath } from '../../core/layout';
import { DEFAULT_MEETING_TEMPLATE, renderTemplate } from '../../core/templates';
import { decode } from '../../host/journal-store';
import { Services } from '../../host/services';
import { argsOf, fail, openInEditor, requireJournal, resolvePerson } from './support';

/** The date a new meeting with `person` should get: one cadence step after the last one, not in the past. */
export function suggestedDate(services: Services, person: Person): string {
  const today = services.today();
  const last = services.store.index.meetingsOf(person.slug)[0]?.date;
  return nextOnCadence(last, isCadence(person.cadence) ? person.cadence : 'weekly', today);
}

/** The user's `templates/meeting.md`, or the built-in one when it is missing or unreadable. */
async function meetingTemplate(services: Services): Promise<string> {
  try {
    const decoded = decode(await vscode.workspace.fs.readFile(services.store.uriOf(MEETING_TEMPLATE)));
    if (decoded.kind === 'text') return decoded.text;
    services.log.warn(`${MEETING_TEMPLATE}: ${decoded.kind === 'unreadable' ? decoded.message : 'gone'}; using the built-in template.`);
  } catch {
    // No template of the user's: the built-in one it is.
  }
  return DEFAULT_MEETING_TEMPLATE;
}

/** Opens the meeting file for `date`, creating it from the template when it does not exist. */
export async function openOrCreateMeeting(services: Services, person: Person, date: string, open: boolean): Promise<vscode.Uri | undefined> {
  const path = meetingPath(person.slug, date);
  const existing = services.store.index.get(path);
  let uri: vscode.Uri;
  if (existing) {
    uri = services.store.uriOf(path);
  } else {
    const contents = renderTemplate(await meetingTemplate(services), { person: person.name, date, personSlug: person.slug });
    const result = await services.writer.create([{ path, contents }], `New 1:1 with ${person.name}`);
    if (!result.ok) {
      if (!result.uri) return fail(result.reason);
      uri = result.uri; // created meanwhile (another window, a sync): open what is there
    } else {
      uri = result.uri;
    }
  }
  if (open) await openInEditor(uri);
  return uri;
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

/**
 * `oneOnOne.openNextAgenda { person }`: the next meeting with a person, opened
 * (created on their cadence when there is none yet).
 */
export async function openNextAgenda(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const person = await resolvePerson(services, arg, 'Open the agenda of your next 1:1 with…');
  if (!person) return undefined;
  const next = services.store.index.nextMeeting(person.slug, services.today());
  if (next) {
    const uri = services.store.uriOf(next.path);
    await openInEditor(uri);
    return uri;
  }
  return openOrCreateMeeting(services, person, suggestedDate(services, person), true);
}

export function activateMeetings(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('oneOnOne.newMeeting', (arg?: unknown) => newMeeting(services, arg)),
    vscode.commands.registerCommand('oneOnOne.openNextAgenda', (arg?: unknown) => openNextAgenda(services, arg)),
  );
}

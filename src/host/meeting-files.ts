// Creating a meeting's file: its template (the user's, or a built-in one), with
// what the previous meeting left open carried into it, written through the
// one write path. Messages are the caller's (src/ui/meetings.ts).

import * as vscode from 'vscode';
import { carryForward } from '../core/carry';
import { parseDocument } from '../core/document';
import { Person } from '../core/journal-index';
import { fileName, meetingPath } from '../core/layout';
import { BUILT_IN_TEMPLATES, templateName, templatePath } from '../core/meeting-templates';
import { previousMeeting } from '../core/prep';
import { DEFAULT_MEETING_TEMPLATE, renderTemplate } from '../core/templates';
import { applyEdits } from '../core/text';
import { decode, MAX_FILE_BYTES } from '../core/file-text';
import { readJournalFile } from './path-guard';
import { Services } from './services';

export interface CreatedMeeting {
  readonly uri: vscode.Uri;
  /** Items carried from the previous meeting into the new file. */
  readonly carried: number;
  /** False when the file was there already (made meanwhile by another window or a sync). */
  readonly created: boolean;
}

/** Why no meeting file was made: the workspace is not trusted, or the write failed (`reason` says why). */
export type MeetingNotCreated = { readonly untrusted: true } | { readonly reason: string };

/**
 * The template called `name`: the user's `templates/<name>.md`, else the
 * built-in one of that name, else (a name nobody has) the regular meeting's.
 */
async function meetingTemplate(services: Services, name: string): Promise<string> {
  const path = templatePath(name);
  const fallback = (): Promise<string> | string =>
    (Object.hasOwn(BUILT_IN_TEMPLATES, name) ? BUILT_IN_TEMPLATES[name]!.text : undefined) ??
    (name === 'meeting' ? DEFAULT_MEETING_TEMPLATE : meetingTemplate(services, 'meeting'));
  const bytes = await readJournalFile(services.store.root, path, MAX_FILE_BYTES);
  if (!(bytes instanceof Uint8Array)) {
    // No template of the user's: the built-in one it is.
    if (!bytes.missing) services.log.warn(`${bytes.reason} Using the built-in template.`);
    else if (!Object.hasOwn(BUILT_IN_TEMPLATES, name))
      services.log.warn(`There is no template "${name}" (${path}); using the regular one.`);
    return fallback();
  }
  const decoded = decode(bytes);
  if (decoded.kind === 'text') return decoded.text;
  services.log.warn(
    `${path}: ${decoded.kind === 'unreadable' ? decoded.message : 'gone'}; using the built-in template.`,
  );
  return fallback();
}

/** The template a new meeting with `person` gets: the one asked for, else their `template:`, else the regular one. */
export function templateOf(person: Person, asked?: string): string {
  return asked ?? templateName(person.entry?.data['template']) ?? 'meeting';
}

/**
 * Creates the meeting file for `date` from the template, with what the
 * previous meeting left open carried into it (unless the user turned that
 * off). An existing file is left alone.
 */
export async function writeMeetingFile(
  services: Services,
  person: Person,
  date: string,
  template?: string,
): Promise<CreatedMeeting | MeetingNotCreated> {
  const path = meetingPath(person.slug, date);
  if (services.store.index.get(path)) return { uri: services.store.uriOf(path), carried: 0, created: false };
  // Opening an agenda that exists works everywhere; creating one is a write.
  if (!vscode.workspace.isTrusted) return { untrusted: true };
  let contents = renderTemplate(await meetingTemplate(services, templateOf(person, template)), {
    person: person.name,
    date,
    personSlug: person.slug,
  });
  let carried = 0;
  const previous = previousMeeting(services.store.index, person.slug, date);
  if (previous && vscode.workspace.getConfiguration('oneOnOne').get<boolean>('carryForwardOnCreate', true)) {
    const text = await services.store.readText(previous.path);
    if (text !== undefined) {
      const result = carryForward(
        parseDocument(text),
        parseDocument(contents),
        previous.date!,
        fileName(previous.path),
      );
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
    if (!result.uri) return { reason: result.reason };
    return { uri: result.uri, carried: 0, created: false };
  }
  return { uri: result.uri, carried, created: true };
}

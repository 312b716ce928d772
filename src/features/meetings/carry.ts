// `oneOnOne.carryForward`: the previous meeting's open items into this one,
// once; Finish Meeting carries into the next meeting the same way.

import * as vscode from 'vscode';
import { carryForward as carryItems } from '../../core/carry';
import { parseDocument } from '../../core/document';
import { Person } from '../../core/journal-index';
import { JournalEntry } from '../../core/journal-entry';
import { fileName } from '../../core/layout';
import { previousMeeting } from '../../core/prep';
import { Services } from '../../host/services';
import { argsOf, fail, note, requireJournal, resolvePerson } from '../../ui/commands';
import { MeetingTarget, resolveMeeting } from '../../ui/meeting-target';
import { createMeeting, suggestedDate } from '../../ui/meetings';

export interface CarryOutcome {
  readonly uri: vscode.Uri;
  readonly carried: number;
}

/**
 * `oneOnOne.carryForward { person?, date? }` (or a meeting's URI): copies the
 * previous meeting's open items into this one, once. Without a next
 * meeting, creates it (which carries).
 */
export async function carryForward(services: Services, arg: unknown): Promise<CarryOutcome | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const args = argsOf<{ person: unknown }>(arg);
  let target: MeetingTarget | undefined;
  if (args?.person !== undefined && argsOf<{ date: unknown }>(arg)?.date === undefined) {
    const person = await resolvePerson(services, arg, '');
    if (!person) return undefined;
    const next = services.store.index.nextMeeting(person.slug, services.today());
    if (!next) return createNext(services, person);
    target = { person, entry: next };
  } else {
    target = await resolveMeeting(
      services,
      arg,
      'next',
      vscode.l10n.t('Carry open items forward into your next 1:1 with…'),
    );
  }
  if (!target) return undefined;
  return carryInto(services, target.person, target.entry);
}

async function createNext(services: Services, person: Person): Promise<CarryOutcome | undefined> {
  const date = suggestedDate(services, person);
  const made = await createMeeting(services, person, date);
  if (!made) return undefined;
  note(vscode.l10n.t('Created the 1:1 of {0} with {1} item(s) carried.', date, made.carried));
  return { uri: made.uri, carried: made.carried };
}

/** Carries the open items of the meeting before `entry` into it; `quiet` says nothing unless it fails. */
export async function carryInto(
  services: Services,
  person: Person,
  entry: JournalEntry,
  quiet = false,
): Promise<CarryOutcome | undefined> {
  const { store, writer } = services;
  const uri = store.uriOf(entry.path);
  const previous = previousMeeting(store.index, person.slug, entry.date!);
  if (!previous) {
    if (!quiet)
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Nothing to carry: {0} is the first 1:1 with {1} in the journal.',
          String(entry.date),
          person.name,
        ),
      );
    return { uri, carried: 0 };
  }
  const sourceText = await store.readText(previous.path);
  if (sourceText === undefined)
    return fail(vscode.l10n.t('{0} could not be read, so nothing was carried.', previous.path));
  const source = parseDocument(sourceText);
  let carried = 0;
  const result = await writer.edit(
    entry.path,
    (doc) => {
      const r = carryItems(source, doc, previous.date!, fileName(previous.path));
      carried = r.carried.length;
      return r.edits;
    },
    `Carry forward from ${previous.date}`,
  );
  if (!result.ok) return fail(result.reason);
  if (!quiet) {
    if (carried > 0)
      note(
        vscode.l10n.t(
          'Carried {0} open item(s) from {1} into {2}.',
          carried,
          String(previous.date),
          String(entry.date),
        ),
      );
    else
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Nothing to carry: every open item of {0} is already in {1}.',
          String(previous.date),
          String(entry.date),
        ),
      );
  }
  return { uri, carried };
}

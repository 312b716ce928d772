// The prep sheet as commands: open it beside the meeting, or keep a copy of it
// in the meeting's Notes.

import * as vscode from 'vscode';
import { addBlock } from '../../core/block-edits';
import { relativeLink } from '../../core/layout';
import { prepSheetBlock, renderPrepSheet } from '../../core/prep';
import { Services } from '../../host/services';
import { fail, note, requireJournal } from '../../ui/commands';
import { MeetingTarget, resolveMeeting } from '../../ui/meeting-target';
import { PREP_SCHEME } from '../../ui/prep-sheet-uri';
import { callFor, slotLabel } from '../../ui/slots';
import { PrepSheets } from './prep-sheet';

/** `oneOnOne.openPrepSheet { person?, date? }` (or a meeting's URI): the prep sheet, beside. */
export async function openPrepSheet(
  services: Services,
  prep: PrepSheets,
  arg: unknown,
): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const target = await resolveMeeting(services, arg, 'next', vscode.l10n.t('Prep sheet for your 1:1 with…'));
  if (!target) return undefined;
  const editor = await prep.open(target.person, target.entry.date!, false);
  return editor.document.uri;
}

/**
 * `oneOnOne.insertPrepSheet { person?, date? }` (or a meeting's or prep
 * sheet's URI): keeps a copy of the prep sheet in the meeting's Notes, as a
 * quote, when the user wants it in the file.
 */
export async function insertPrepSheet(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  let target: MeetingTarget | undefined;
  if (arg instanceof vscode.Uri && arg.scheme === PREP_SCHEME) {
    const params = new URLSearchParams(arg.query);
    const person = services.store.index.person(params.get('person') ?? '');
    const entry = person
      ? services.store.index.meetingsOf(person.slug).find((m) => m.date === params.get('date'))
      : undefined;
    target = person && entry ? { person, entry } : undefined;
    if (!target) return fail(vscode.l10n.t('The meeting of this prep sheet has no file yet; open its agenda first.'));
  } else {
    target = await resolveMeeting(
      services,
      arg,
      'next',
      vscode.l10n.t('Insert the prep sheet into your next 1:1 with…'),
    );
  }
  if (!target) return undefined;
  const { person, entry } = target;
  const from = entry.path;
  const sheet = renderPrepSheet({
    index: services.store.index,
    person,
    date: entry.date!,
    today: services.today(),
    when: slotLabel(services, person, entry.date!),
    call: callFor(services, person, entry.date!),
    link: (path) => relativeLink(from, path),
  });
  const block = prepSheetBlock(sheet, services.today());
  const result = await services.writer.edit(
    entry.path,
    (doc) => addBlock(doc, { heading: 'Notes', createAt: 'end' }, block),
    'Insert prep sheet',
  );
  if (!result.ok) return fail(result.reason);
  note(vscode.l10n.t('Added the prep sheet to the Notes of {0}.', String(entry.date)));
  return result.uri;
}

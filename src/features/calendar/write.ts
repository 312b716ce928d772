// Writes what an invite says into the person's front matter, through the one
// write path: minimal edits, undoable, the body untouched. A person the
// invite brings in gets a new file.

import * as vscode from 'vscode';
import type { InviteEvent } from '../../core/calendar/invite';
import { inviteEdits, planInvite } from '../../core/calendar/invite-fields';
import { JournalDocument, parseDocument } from '../../core/document';
import { EditResult } from '../../core/edits';
import { Person } from '../../core/journal-index';
import { personPath, slugify } from '../../core/layout';
import { describeSchedule, Schedule } from '../../core/schedule';
import { formatWallDateTime } from '../../core/schedule-exceptions';
import { personFile } from '../../core/templates';
import { applyEdits } from '../../core/text';
import { Services } from '../../host/services';
import { fail, openInEditor } from '../../ui/commands';
import { slotOf } from '../../ui/slots';

export type InviteTarget =
  { readonly person: Person } | { readonly create: { readonly name: string; readonly email?: string } };

const OPEN = vscode.l10n.t('Open Person File');

/** ` (Europe/Berlin)` after a date or cadence, when the invite names its zone. */
function zone(event: InviteEvent): string {
  return event.timeZone ? ` (${event.timeZone})` : '';
}

export async function writeInvite(
  services: Services,
  target: InviteTarget,
  event: InviteEvent,
): Promise<vscode.Uri | undefined> {
  const today = services.today();
  const person = 'person' in target ? target.person : undefined;
  const name = person?.name ?? ('create' in target ? target.create.name : '');
  const plan = planInvite(event, person?.entry?.data ?? {}, today);
  if (plan.kind === 'refused') return fail(vscode.l10n.t('{0}: {1}', name, plan.message));
  if (plan.kind === 'single') return offerSingle(target, event);
  const slug = person?.slug ?? slugify(name);
  if (!slug) return fail(vscode.l10n.t('"{0}" has no letter or digit to name a person file by.', name));
  const path = person?.entry?.path ?? personPath(slug);
  let uri: vscode.Uri;
  if (person?.entry) {
    if (plan.fields.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t("{0}'s cadence already follows this invite; nothing changed.", name),
      );
      return services.store.uriOf(path);
    }
    // Planned again on the text as it is when written (unsaved in an editor, or changed by another window meanwhile).
    const compute = (doc: JournalDocument): EditResult => {
      const now = planInvite(event, doc.data, today);
      if (now.kind === 'refused') return { error: now.message };
      return now.kind === 'fields' ? inviteEdits(doc, now.fields) : { edits: [] };
    };
    const result = await services.writer.edit(path, compute, `Import invite (${name})`);
    if (!result.ok) return fail(result.reason);
    uri = result.uri;
  } else {
    // A new person file: the template, then the invite's fields (and the e-mail to know them by next time).
    const email = 'create' in target ? target.create.email : undefined;
    const template = parseDocument(personFile(name, undefined, undefined));
    const fields = email ? [...plan.fields, ['email', email] as const] : plan.fields;
    const edits = inviteEdits(template, fields);
    if ('error' in edits) return fail(edits.error);
    const result = await services.writer.create(
      [{ path, contents: applyEdits(template.source.text, edits.edits) }],
      `Import invite (${name})`,
    );
    if (!result.ok) return fail(result.reason);
    uri = result.uri;
  }
  const now = services.store.index.person(slug);
  const schedule = now?.schedule;
  const next = now ? slotOf(services, now)?.date : undefined;
  const words = schedule ? describeSchedule(schedule) : event.rule;
  void vscode.window
    .showInformationMessage(
      next
        ? vscode.l10n.t('{0}: {1}, from the invite; next 1:1 on {2}.', name, `${words}${zone(event)}`, next)
        : vscode.l10n.t('{0}: {1}, from the invite.', name, `${words}${zone(event)}`),
      OPEN,
    )
    .then(async (pick) => {
      if (pick === OPEN) await openInEditor(uri);
    });
  if (now && schedule) warnStranded(services, now.slug, schedule);
  return uri;
}

/**
 * Meetings planned on a date the invite now skips or moved away from: still
 * the next meeting in the journal (their file says planned), so said once.
 */
function warnStranded(services: Services, slug: string, schedule: Schedule): void {
  const today = services.today();
  const stranded = services.store.index
    .meetingsOf(slug)
    .filter((m) => m.date && m.date >= today && (m.status ?? 'planned') === 'planned')
    .filter((m) => schedule.skip?.has(m.date!) || schedule.moved?.has(m.date!));
  if (stranded.length === 0) return;
  const first = stranded[stranded.length - 1]!;
  void vscode.window
    .showWarningMessage(
      stranded.length === 1
        ? vscode.l10n.t(
            'The invite skips or moves {0}, but a meeting is planned on that date ({1}). Set its status to skipped, or rename it to the new date.',
            stranded.map((m) => m.date).join(', '),
            stranded.map((m) => m.path).join(', '),
          )
        : vscode.l10n.t(
            'The invite skips or moves {0}, but meetings are planned on those dates ({1}). Set its status to skipped, or rename it to the new date.',
            stranded.map((m) => m.date).join(', '),
            stranded.map((m) => m.path).join(', '),
          ),
      vscode.l10n.t('Open Meeting'),
    )
    .then(async (pick) => {
      if (pick) await openInEditor(services.store.uriOf(first.path));
    });
}

/** A single meeting, not a series: offered as one planned meeting on its date. */
async function offerSingle(target: InviteTarget, event: InviteEvent): Promise<vscode.Uri | undefined> {
  const plan = vscode.l10n.t('Plan {0}', event.start.date);
  const pick = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      'The invite is a single meeting on {0}, not a series, so it sets no cadence. Plan just that date as a meeting?',
      `${formatWallDateTime(event.start)}${zone(event)}`,
    ),
    plan,
  );
  if (pick !== plan) return undefined;
  let person: string;
  if ('person' in target) person = target.person.slug;
  else {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.addPerson', {
      name: target.create.name,
    });
    if (!uri) return undefined;
    person = slugify(target.create.name) ?? target.create.name;
  }
  return vscode.commands.executeCommand<vscode.Uri | undefined>('oneOnOne.newMeeting', {
    person,
    date: event.start.date,
  });
}

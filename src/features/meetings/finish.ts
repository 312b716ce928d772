// `oneOnOne.finishMeeting`: records what was said, marks the meeting done,
// logs goal progress, and has the next meeting ready with everything open
// carried. Which edits that makes is core's (core/finish.ts).

import * as vscode from 'vscode';
import { parseDocument } from '../../core/document';
import { finishEdits } from '../../core/finish';
import { Person } from '../../core/journal-index';
import { JournalEntry, summarize } from '../../core/journal-entry';
import { relativeLink } from '../../core/layout';
import { dateAfter } from '../../core/next-meeting';
import { Services } from '../../host/services';
import { fail, requireJournal } from '../../ui/commands';
import { resolveMeeting } from '../../ui/meeting-target';
import { createMeeting } from '../../ui/meetings';
import { prepSheetOf, prepSheetUri } from '../../ui/prep-sheet-uri';
import { carryInto } from './carry';
import { finishInputOf } from './finish-input';

const CLOSED = new Set(['done', 'skipped', 'cancelled']);

export interface FinishOutcome {
  readonly uri: vscode.Uri;
  /** The next meeting, created or already there. */
  readonly next: vscode.Uri | undefined;
  readonly carried: number;
}

/**
 * `oneOnOne.finishMeeting { person?, takeaways?, actionItems? }`: records
 * takeaways (Notes) and action items, marks the meeting done, and creates the
 * next one on the cadence with every open item carried.
 */
export async function finishMeeting(services: Services, arg: unknown): Promise<FinishOutcome | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const target = await resolveMeeting(services, arg, 'current', vscode.l10n.t('Finish your 1:1 with…'));
  if (!target) return undefined;
  const { person, entry } = target;
  if (!(await finishEarly(services, person, entry))) return undefined;
  const input = await finishInputOf(arg, person, entry);
  if (!input) return undefined;
  // Discussed talking points tagged with a goal go into that goal's Progress, in the same edit.
  // Points ticked in an open editor but not saved yet count: read them from the text VS Code holds.
  const held = await services.store.readText(entry.path);
  const meeting = held === undefined ? entry : summarize(entry.path, parseDocument(held));
  const edits = finishEdits({
    meeting,
    date: entry.date!,
    personName: person.name,
    takeaways: input.takeaways,
    actions: input.actions,
    index: services.store.index,
    linkFrom: (goal) => relativeLink(goal, entry.path),
  });
  const result = await services.writer.editMany(edits, `Finish the 1:1 of ${entry.date}`);
  if (!result.ok) return fail(result.reason);
  const { next, carried, nextDate } = await readyNext(services, person, entry);
  const summary =
    vscode.l10n.t('Finished the 1:1 of {0} with {1}.', String(entry.date), person.name) +
    (next ? ` ${vscode.l10n.t('Next: {0}, {1} item(s) carried.', String(nextDate), carried)}` : '');
  void vscode.window
    .showInformationMessage(summary, ...(next ? [vscode.l10n.t('Open Next Meeting')] : []))
    .then((pick) => {
      if (pick && next) void vscode.window.showTextDocument(next, { preview: false });
    });
  // The meeting is finished whatever happens here: a sheet that cannot move on stays as it was.
  if (next && nextDate)
    await followOpenPrepSheets(person, entry.date!, nextDate).catch((error: unknown) =>
      services.log.warn(`The open prep sheet could not move on to ${nextDate}: ${String(error)}`),
    );
  return { uri: result.uri, next, carried };
}

/** A meeting still to come is finished only when the user says so (a slip in the tree must not close it). */
async function finishEarly(services: Services, person: Person, entry: JournalEntry): Promise<boolean> {
  const today = services.today();
  if (!entry.date || entry.date <= today) return true;
  const days = Math.round((Date.parse(entry.date) - Date.parse(today)) / 86_400_000);
  const finishNow = vscode.l10n.t('Finish Now');
  const pick = await vscode.window.showWarningMessage(
    days === 1
      ? vscode.l10n.t('Your 1:1 with {0} on {1} is tomorrow. Finish it now?', person.name, entry.date)
      : vscode.l10n.t('Your 1:1 with {0} on {1} is {2} days from now. Finish it now?', person.name, entry.date, days),
    { modal: true, detail: vscode.l10n.t('It is marked done and the meeting after it is planned.') },
    finishNow,
  );
  return pick === finishNow;
}

/** An open prep sheet of the meeting just finished now shows the next one's, where it was. */
async function followOpenPrepSheets(person: Person, finished: string, nextDate: string): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
      const sheet = uri && prepSheetOf(uri);
      if (!sheet || sheet.person !== person.slug || sheet.date !== finished) continue;
      const document = await vscode.workspace.openTextDocument(prepSheetUri(person, nextDate));
      if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
      await vscode.window.showTextDocument(document, {
        viewColumn: group.viewColumn,
        preserveFocus: true,
        preview: true,
      });
      // A preview tab was replaced by the new sheet; a kept one is closed here.
      const old = group.tabs.find(
        (t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString(),
      );
      if (old) await vscode.window.tabGroups.close(old, true);
    }
  }
}

/** The next meeting: the one already planned after this, with what is open carried in, or a new one on the cadence. */
async function readyNext(
  services: Services,
  person: Person,
  entry: JournalEntry,
): Promise<{ next: vscode.Uri | undefined; carried: number; nextDate: string | undefined }> {
  const { index } = services.store;
  const later = index
    .meetingsOf(person.slug)
    .filter((m) => (m.date ?? '') > entry.date! && !CLOSED.has(m.status ?? ''))
    .pop();
  if (later) {
    const c = await carryInto(services, person, later, true);
    return { next: c?.uri, carried: c?.carried ?? 0, nextDate: later.date };
  }
  const taken = new Set(index.meetingsOf(person.slug).map((m) => m.date ?? ''));
  const nextDate = dateAfter(person.schedule, entry.date!, services.today(), taken);
  if (!nextDate) return { next: undefined, carried: 0, nextDate };
  const made = await createMeeting(services, person, nextDate);
  return { next: made?.uri, carried: made?.carried ?? 0, nextDate };
}

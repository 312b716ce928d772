// Before and after the call: open the agenda beside its prep sheet, carry
// what is open forward, finish the meeting, share the agenda.

import * as vscode from 'vscode';
import { carryForward as carryItems, ACTIONS_TARGET } from '../../core/carry';
import { isIsoDate } from '../../core/dates';
import { JournalDocument, parseDocument } from '../../core/document';
import { addBlock, addListItemsLines, EditResult, renderListItem, sequence, setField } from '../../core/edits';
import { JournalEntry, Person, stringField, summarize } from '../../core/journal-index';
import { prepSheetBlock, previousMeeting, renderPrepSheet } from '../../core/prep';
import { dateAfter } from '../../core/schedule';
import { shareableAgenda } from '../../core/share';
import { GoalProgressFromMeeting, logProgressOnce, progressFromMeeting } from '../../core/threads';
import { Services } from '../../host/services';
import { createMeeting, suggestedDate } from '../../ui/meetings';
import { argsOf, fail, requireJournal, resolvePerson, note } from '../../ui/commands';
import { meetingAt, resolveMeeting } from '../../ui/meeting-target';
import { PrepSheets } from './prep-sheet';
import { PREP_SCHEME } from '../../ui/prep-sheet-uri';
import { slotLabel } from '../../ui/slots';
import { fileName, relativeLink } from '../../core/layout';

const CLOSED = new Set(['done', 'skipped', 'cancelled']);

export interface CarryOutcome {
  readonly uri: vscode.Uri;
  readonly carried: number;
}

export interface FinishOutcome {
  readonly uri: vscode.Uri;
  /** The next meeting, created or already there. */
  readonly next: vscode.Uri | undefined;
  readonly carried: number;
}

export interface ActionItemArg {
  readonly text: string;
  readonly owner?: 'me' | 'them';
  readonly due?: string;
}

export class MeetingCommands {
  constructor(
    private readonly services: Services,
    private readonly prep: PrepSheets,
  ) {}

  /**
   * `oneOnOne.openNextAgenda { person, date? }`: the next meeting's file (created
   * from the template, with open items carried, when there is none) beside
   * its prep sheet.
   */
  async openNextAgenda(arg: unknown): Promise<vscode.Uri | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const person = await resolvePerson(this.services, arg, 'Open the agenda of your next 1:1 with…');
    if (!person) return undefined;
    const wanted = argsOf<{ date: unknown }>(arg)?.date;
    if (wanted !== undefined && (typeof wanted !== 'string' || !isIsoDate(wanted)))
      return fail('"date" must be a date written as YYYY-MM-DD.');
    const existing = wanted
      ? this.services.store.index.meetingsOf(person.slug).find((m) => m.date === wanted)
      : this.services.store.index.nextMeeting(person.slug, this.services.today());
    let uri: vscode.Uri;
    let date: string;
    if (existing) {
      uri = this.services.store.uriOf(existing.path);
      date = existing.date!;
    } else {
      date = wanted ?? suggestedDate(this.services, person);
      const made = await createMeeting(this.services, person, date);
      if (!made) return undefined;
      uri = made.uri;
      if (made.carried > 0) note(`Carried ${made.carried} open item(s) into the 1:1 of ${date}.`);
    }
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.One });
    await this.prep.open(person, date);
    return uri;
  }

  /** `oneOnOne.openPrepSheet { person?, date? }` (or a meeting's URI): the prep sheet, beside. */
  async openPrepSheet(arg: unknown): Promise<vscode.Uri | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const target = await resolveMeeting(this.services, arg, 'next', 'Prep sheet for your 1:1 with…');
    if (!target) return undefined;
    const editor = await this.prep.open(target.person, target.entry.date!, false);
    return editor.document.uri;
  }

  /**
   * `oneOnOne.insertPrepSheet { person?, date? }` (or a meeting's or prep
   * sheet's URI): keeps a copy of the prep sheet in the meeting's Notes, as a
   * quote, when the user wants it in the file.
   */
  async insertPrepSheet(arg: unknown): Promise<vscode.Uri | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    let target: { person: Person; entry: JournalEntry } | undefined;
    if (arg instanceof vscode.Uri && arg.scheme === PREP_SCHEME) {
      const params = new URLSearchParams(arg.query);
      const person = this.services.store.index.person(params.get('person') ?? '');
      const entry = person
        ? this.services.store.index.meetingsOf(person.slug).find((m) => m.date === params.get('date'))
        : undefined;
      target = person && entry ? { person, entry } : undefined;
      if (!target) return fail('The meeting of this prep sheet has no file yet; open its agenda first.');
    } else {
      target = await resolveMeeting(this.services, arg, 'next', 'Insert the prep sheet into your next 1:1 with…');
    }
    if (!target) return undefined;
    const { person, entry } = target;
    const from = entry.path;
    const sheet = renderPrepSheet({
      index: this.services.store.index,
      person,
      date: entry.date!,
      today: this.services.today(),
      when: slotLabel(this.services, person, entry.date!),
      link: (path) => relativeLink(from, path),
    });
    const block = prepSheetBlock(sheet, this.services.today());
    const result = await this.services.writer.edit(
      entry.path,
      (doc) => addBlock(doc, { heading: 'Notes', createAt: 'end' }, block),
      'Insert prep sheet',
    );
    if (!result.ok) return fail(result.reason);
    note(`Added the prep sheet to the Notes of ${entry.date}.`);
    return result.uri;
  }

  /** `oneOnOne.openPreviousMeeting` (a meeting's URI, or `{ person, date? }`): the meeting before it. */
  async openPreviousMeeting(arg: unknown): Promise<vscode.Uri | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const target = await resolveMeeting(this.services, arg, 'next', 'Previous 1:1 with…');
    if (!target) return undefined;
    const previous = previousMeeting(this.services.store.index, target.person.slug, target.entry.date!);
    if (!previous) {
      void vscode.window.showInformationMessage(
        `${target.entry.date} is the first 1:1 with ${target.person.name} in the journal.`,
      );
      return undefined;
    }
    const uri = this.services.store.uriOf(previous.path);
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }

  /**
   * `oneOnOne.carryForward { person?, date? }` (or a meeting's URI): copies the
   * previous meeting's open items into this one, once. Without a next
   * meeting, creates it (which carries).
   */
  async carryForward(arg: unknown): Promise<CarryOutcome | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const args = argsOf<{ person: unknown }>(arg);
    let target: { person: Person; entry: JournalEntry } | undefined;
    if (args?.person !== undefined && argsOf<{ date: unknown }>(arg)?.date === undefined) {
      const person = await resolvePerson(this.services, arg, '');
      if (!person) return undefined;
      const next = this.services.store.index.nextMeeting(person.slug, this.services.today());
      if (!next) return this.createNext(person);
      target = { person, entry: next };
    } else {
      target = await resolveMeeting(this.services, arg, 'next', 'Carry open items forward into your next 1:1 with…');
    }
    if (!target) return undefined;
    return this.carryInto(target.person, target.entry);
  }

  private async createNext(person: Person): Promise<CarryOutcome | undefined> {
    const date = suggestedDate(this.services, person);
    const made = await createMeeting(this.services, person, date);
    if (!made) return undefined;
    note(`Created the 1:1 of ${date} with ${made.carried} item(s) carried.`);
    return { uri: made.uri, carried: made.carried };
  }

  async carryInto(person: Person, entry: JournalEntry, quiet = false): Promise<CarryOutcome | undefined> {
    const { store, writer } = this.services;
    const uri = store.uriOf(entry.path);
    const previous = previousMeeting(store.index, person.slug, entry.date!);
    if (!previous) {
      if (!quiet)
        void vscode.window.showInformationMessage(
          `Nothing to carry: ${entry.date} is the first 1:1 with ${person.name} in the journal.`,
        );
      return { uri, carried: 0 };
    }
    const sourceText = await store.readText(previous.path);
    if (sourceText === undefined) return fail(`${previous.path} could not be read, so nothing was carried.`);
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
      if (carried > 0) note(`Carried ${carried} open item(s) from ${previous.date} into ${entry.date}.`);
      else
        void vscode.window.showInformationMessage(
          `Nothing to carry: every open item of ${previous.date} is already in ${entry.date}.`,
        );
    }
    return { uri, carried };
  }

  /**
   * `oneOnOne.finishMeeting { person?, takeaways?, actionItems? }`: records
   * takeaways (Notes) and action items, marks the meeting done, and creates the
   * next one on the cadence with every open item carried.
   */
  async finishMeeting(arg: unknown): Promise<FinishOutcome | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const target = await resolveMeeting(this.services, arg, 'current', 'Finish your 1:1 with…');
    if (!target) return undefined;
    const { person, entry } = target;
    const args = argsOf<{ person: unknown; takeaways: unknown; actionItems: unknown }>(arg);
    let takeaways: string[];
    let actions: ActionItemArg[];
    if (args && (args.takeaways !== undefined || args.actionItems !== undefined || args.person !== undefined)) {
      const t = parseTakeaways(args.takeaways);
      if (t instanceof Error) return fail(t.message);
      const a = parseActionItems(args.actionItems);
      if (a instanceof Error) return fail(a.message);
      takeaways = t;
      actions = a;
    } else {
      const asked = await this.ask(person, entry);
      if (!asked) return undefined;
      ({ takeaways, actions } = asked);
    }
    // Discussed talking points tagged with a goal go into that goal's Progress, in the same edit.
    // Points ticked in an open editor but not saved yet count: read them from the text VS Code holds.
    const held = await this.services.store.readText(entry.path);
    const meeting = held === undefined ? entry : summarize(entry.path, parseDocument(held));
    const progressOf = (m: JournalEntry): GoalProgressFromMeeting[] =>
      progressFromMeeting(m, person.name, (goal) => relativeLink(goal, entry.path), this.services.store.index);
    const progress = progressOf(meeting);
    const finish = (doc: JournalDocument): EditResult => {
      // Which goals get progress was read from the meeting a moment ago; if its points changed since (another window), nothing is written.
      if (JSON.stringify(progressOf(summarize(entry.path, doc))) !== JSON.stringify(progress)) {
        return {
          error:
            'its talking points changed while the meeting was being finished (another window or a sync?); nothing was written. Run Finish Meeting again.',
        };
      }
      return sequence(doc, [
        (d) =>
          addListItemsLines(
            d,
            { heading: 'Notes', createAt: 'end' },
            takeaways.map((t) => renderListItem({ text: t, checkbox: false })),
          ),
        (d) =>
          addListItemsLines(
            d,
            ACTIONS_TARGET,
            actions.map((a) => renderListItem({ text: actionText(a, person) })),
          ),
        // Already done (finished twice): no edit, so no empty undo step.
        (d) => (stringField(d.data, 'status') === 'done' ? { edits: [] } : setField(d, 'status', 'done')),
      ]);
    };
    const result = await this.services.writer.editMany(
      [
        { path: entry.path, compute: finish },
        ...progress.map((p) => ({
          path: p.goal,
          compute: (doc: JournalDocument) => logProgressOnce(doc, entry.date!, p.lines),
        })),
      ],
      `Finish the 1:1 of ${entry.date}`,
    );
    if (!result.ok) return fail(result.reason);
    const uri = result.uri;

    // The next meeting: the one already planned after this, or a new one on the cadence.
    const { index } = this.services.store;
    const later = index
      .meetingsOf(person.slug)
      .filter((m) => (m.date ?? '') > entry.date! && !CLOSED.has(m.status ?? ''))
      .pop();
    let next: vscode.Uri | undefined;
    let carried = 0;
    let nextDate: string | undefined;
    if (later) {
      const c = await this.carryInto(person, later, true);
      next = c?.uri;
      carried = c?.carried ?? 0;
      nextDate = later.date;
    } else {
      const taken = new Set(index.meetingsOf(person.slug).map((m) => m.date ?? ''));
      nextDate = dateAfter(person.schedule, entry.date!, this.services.today(), taken);
      if (nextDate) {
        const made = await createMeeting(this.services, person, nextDate);
        next = made?.uri;
        carried = made?.carried ?? 0;
      }
    }
    const summary =
      `Finished the 1:1 of ${entry.date} with ${person.name}.` +
      (next ? ` Next: ${nextDate}, ${carried} item(s) carried.` : '');
    void vscode.window.showInformationMessage(summary, ...(next ? ['Open Next Meeting'] : [])).then((pick) => {
      if (pick && next) void vscode.window.showTextDocument(next, { preview: false });
    });
    return { uri, next, carried };
  }

  private async ask(
    person: Person,
    entry: JournalEntry,
  ): Promise<{ takeaways: string[]; actions: ActionItemArg[] } | undefined> {
    const title = `Finish the 1:1 of ${entry.date} with ${person.name}`;
    const takeaways: string[] = [];
    for (;;) {
      const text = await vscode.window.showInputBox({
        title,
        prompt: `Takeaway ${takeaways.length + 1} (leave empty and press Enter to go on to action items)`,
        placeHolder: 'What you want to remember from this 1:1',
        ignoreFocusOut: true,
      });
      if (text === undefined) return undefined;
      if (text.trim() === '') break;
      takeaways.push(text.trim());
    }
    const actions: ActionItemArg[] = [];
    for (;;) {
      const text = await vscode.window.showInputBox({
        title,
        prompt: `Action item ${actions.length + 1} (leave empty and press Enter to finish)`,
        placeHolder: 'e.g. Send the design doc for review',
        ignoreFocusOut: true,
      });
      if (text === undefined) return undefined;
      if (text.trim() === '') break;
      const owner = await vscode.window.showQuickPick(
        [
          { label: 'Me', owner: 'me' as const },
          { label: person.name, owner: 'them' as const },
        ],
        { title, placeHolder: `Who owns "${text.trim()}"?`, ignoreFocusOut: true },
      );
      if (!owner) return undefined;
      const due = await vscode.window.showInputBox({
        title,
        prompt: 'Due date (YYYY-MM-DD), or leave empty',
        ignoreFocusOut: true,
        validateInput: (v) =>
          v.trim() === '' || isIsoDate(v.trim()) ? undefined : 'Write the date as YYYY-MM-DD, or leave it empty.',
      });
      if (due === undefined) return undefined;
      actions.push({ text: text.trim(), owner: owner.owner, ...(due.trim() ? { due: due.trim() } : {}) });
    }
    return { takeaways, actions };
  }

  /** `oneOnOne.copyShareableAgenda { person? }` (or a meeting's URI): the agenda without anything private, on the clipboard. */
  async copyShareableAgenda(arg: unknown): Promise<string | undefined> {
    if (!(await requireJournal(this.services))) return undefined;
    const target = await resolveMeeting(this.services, arg, 'next', 'Copy the agenda of your next 1:1 with…');
    if (!target) return undefined;
    const text = await this.services.store.readText(target.entry.path);
    if (text === undefined) return fail(`${target.entry.path} could not be read.`);
    const shared = shareableAgenda(parseDocument(text));
    await vscode.env.clipboard.writeText(shared.markdown);
    const left =
      shared.omitted > 0 ? ` ${shared.omitted} private part(s) left out.` : ' Nothing in it was marked private.';
    void vscode.window.showInformationMessage(
      `Copied the agenda of ${target.entry.date} with ${target.person.name}.${left}`,
    );
    return shared.markdown;
  }

  /** For the CodeLens and tests: the meeting a document is, if any. */
  meetingOf(document: vscode.TextDocument): { person: Person; entry: JournalEntry } | undefined {
    return meetingAt(this.services, document.uri);
  }
}

export function actionText(item: ActionItemArg, person: Person): string {
  const owner = item.owner === 'them' ? person.name : 'Me';
  return `${owner}: ${item.text.replace(/[\r\n]+/g, ' ').trim()}${item.due ? ` (due ${item.due})` : ''}`;
}

function parseTakeaways(value: unknown): string[] | Error {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string'))
    return new Error('"takeaways" must be text or a list of texts.');
  return list.map((t: string) => t.trim()).filter((t) => t !== '');
}

function parseActionItems(value: unknown): ActionItemArg[] | Error {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    return new Error('"actionItems" must be a list of texts or { text, owner: "me" | "them", due? } objects.');
  const out: ActionItemArg[] = [];
  for (const v of value) {
    if (typeof v === 'string') {
      if (v.trim()) out.push({ text: v.trim(), owner: 'me' });
      continue;
    }
    if (typeof v !== 'object' || v === null || typeof (v as { text?: unknown }).text !== 'string')
      return new Error('Each action item needs a "text".');
    const { text, owner, due } = v as { text: string; owner?: unknown; due?: unknown };
    if (owner !== undefined && owner !== 'me' && owner !== 'them')
      return new Error('An action item\'s "owner" must be "me" or "them".');
    if (due !== undefined && (typeof due !== 'string' || !isIsoDate(due)))
      return new Error('An action item\'s "due" must be a date written as YYYY-MM-DD.');
    if (text.trim())
      out.push({
        text: text.trim(),
        owner: (owner as 'me' | 'them' | undefined) ?? 'me',
        ...(due ? { due: due as string } : {}),
      });
  }
  return out;
}

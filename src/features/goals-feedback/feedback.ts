// Feedback threads: start one (from a selection: a review comment, a chat
// line), and move it through received → trying → circled back → closed.

import * as vscode from 'vscode';
import { isIsoDate } from '../../core/dates';
import { JournalEntry, stringField } from '../../core/journal-entry';
import { feedbackPath } from '../../core/layout';
import { summarize } from '../../core/talking-points';
import {
  defaultCircleBack,
  FEEDBACK_STATUS_LABELS,
  feedbackStatus,
  FeedbackStatus,
  isFeedbackStatus,
  nextFeedbackStatus,
} from '../../core/threads';
import { setFeedbackStatus } from '../../core/thread-edits';
import { FEEDBACK_STATUSES, feedbackFile } from '../../core/templates';
import { Services } from '../../host/services';
import { argsOf, fail, openInEditor, optionalString, requireJournal, note } from '../../ui/commands';
import { selectionLabel } from '../../ui/selection-source';
import { askTitle, freePath } from './shared';
import { resolveThread } from './resolve';

export interface NewFeedbackArgs {
  readonly title: string;
  readonly from: string;
  /** What was said, quoted under "What I heard"; the editor's selection when run from it. */
  readonly heard: string;
  /** Where it was said: `src/a.ts:3-9`, a review comment's address. */
  readonly source: string;
  readonly circleBack: string;
}

/** The selection in the active editor, with where it is (ui/selection-source.ts), when there is one. */
async function selectionHeard(services: Services): Promise<{ heard: string; source: string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) return undefined;
  const { document, selection } = editor;
  const heard = document.getText(selection);
  if (heard.trim() === '') return undefined;
  return { heard, source: await selectionLabel(services, document, selection) };
}

/**
 * `oneOnOne.newFeedbackThread { title, from?, heard?, source?, circleBack? }`
 * → the new thread's URI. Run with text selected, the selection is what was
 * heard and its first words suggest the title.
 */
export async function newFeedbackThread(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const args = argsOf<NewFeedbackArgs>(arg);
  const selected = args ? undefined : await selectionHeard(services);
  const title = await askTitle(
    arg,
    vscode.l10n.t('New feedback thread'),
    selected
      ? vscode.l10n.t('Name the thread (what you selected goes under "What I heard")')
      : vscode.l10n.t('What was the feedback about? e.g. "Incident updates were too sparse"'),
    selected ? summarize(selected.heard) : undefined,
  );
  if (!title) return undefined;
  let from: string | undefined;
  let heard = selected?.heard;
  let source = selected?.source;
  let circleBack: string | undefined;
  if (args) {
    const fields: Record<string, string | undefined> = {};
    for (const key of ['from', 'heard', 'source', 'circleBack'] as const) {
      const value = optionalString(args[key], key);
      if (value instanceof Error) return fail(value.message);
      fields[key] = value;
    }
    if (fields['circleBack'] !== undefined && !isIsoDate(fields['circleBack']))
      return fail(vscode.l10n.t('"circleBack" must be a date written as YYYY-MM-DD.'));
    from =
      fields['from'] === undefined
        ? undefined
        : (services.store.index.findPerson(fields['from'])?.name ?? fields['from']);
    heard = typeof args.heard === 'string' ? args.heard : undefined;
    source = fields['source'];
    circleBack = fields['circleBack'];
  } else {
    const people = services.store.index.people();
    const someoneElse = vscode.l10n.t('Someone else…');
    const skip = vscode.l10n.t('Skip');
    const picked = await vscode.window.showQuickPick(
      [
        ...people.map((p) => ({ label: p.name, description: p.role })),
        { label: someoneElse },
        { label: skip, description: vscode.l10n.t('leave "from" empty') },
      ],
      {
        title: vscode.l10n.t('New feedback thread: {0}', title),
        placeHolder: vscode.l10n.t('Who gave you this feedback?'),
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    if (picked.label === someoneElse) {
      from = (
        await vscode.window.showInputBox({
          title: vscode.l10n.t('New feedback thread: {0}', title),
          prompt: vscode.l10n.t('Who gave you this feedback?'),
          ignoreFocusOut: true,
        })
      )?.trim();
      if (from === undefined) return undefined;
    } else if (picked.label !== skip) {
      from = picked.label;
    }
    if (heard === undefined) {
      // From the palette there is no selection: what was said is the heart of the thread, so ask for it.
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('New feedback thread: {0}', title),
        prompt: from
          ? vscode.l10n.t('What did {0} say? It goes under "What I heard" (leave empty to write it in the file)', from)
          : vscode.l10n.t('What did they say? It goes under "What I heard" (leave empty to write it in the file)'),
        placeHolder: vscode.l10n.t('e.g. "Your incident updates left the support team guessing"'),
        ignoreFocusOut: true,
      });
      if (typed === undefined) return undefined;
      if (typed.trim() !== '') heard = typed.trim();
    }
  }
  const path = freePath(services, feedbackPath, title);
  if (!path) return fail(vscode.l10n.t('Could not find a free file name for "{0}".', title));
  const contents = feedbackFile(title, from || undefined, services.today(), { heard, source, circleBack });
  const result = await services.writer.create([{ path, contents }], 'New feedback thread');
  if (!result.ok) return fail(result.reason);
  if (!args) await openInEditor(result.uri);
  return result.uri;
}

export function describeThread(entry: JournalEntry): string {
  const status = feedbackStatus(entry);
  const circleBack = stringField(entry.data, 'circleBack');
  return [
    FEEDBACK_STATUS_LABELS[status as FeedbackStatus] ?? status,
    circleBack ? vscode.l10n.t('circle back {0}', circleBack) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

const STATUS_HINTS: Readonly<Record<FeedbackStatus, string>> = {
  received: vscode.l10n.t('heard it, not acting on it yet'),
  trying: vscode.l10n.t('trying something; set when to circle back'),
  'circled-back': vscode.l10n.t('asked how it is going; write what you learned'),
  closed: vscode.l10n.t('done with this thread'),
};

export interface FeedbackStatusArgs {
  readonly thread: string;
  readonly status: string;
  readonly circleBack: string;
  readonly trying: string;
  readonly outcome: string;
}

/**
 * `oneOnOne.setFeedbackStatus { thread, status, circleBack?, trying?, outcome? }`:
 * moves a thread on. Interactively the next step comes first; "trying" asks
 * what you are trying and when to circle back, "circled back" and "closed"
 * ask how it went.
 */
export async function setFeedbackStatusCommand(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const thread = await resolveThread(services, arg, 'feedback', {
    placeHolder: vscode.l10n.t('Move which feedback thread?'),
    describe: describeThread,
    fromEditor: true,
  });
  if (!thread) return undefined;
  const current = feedbackStatus(thread);
  const args = argsOf<FeedbackStatusArgs>(arg);
  let status: FeedbackStatus;
  let circleBack: string | undefined;
  let trying: string | undefined;
  let outcome: string | undefined;
  if (args) {
    if (!isFeedbackStatus(args.status))
      return fail(vscode.l10n.t('"status" must be one of: {0}.', FEEDBACK_STATUSES.join(', ')));
    status = args.status;
    const fields: Record<string, string | undefined> = {};
    for (const key of ['circleBack', 'trying', 'outcome'] as const) {
      const value = optionalString(args[key], key);
      if (value instanceof Error) return fail(value.message);
      fields[key] = value;
    }
    if (fields['circleBack'] !== undefined && !isIsoDate(fields['circleBack']))
      return fail(vscode.l10n.t('"circleBack" must be a date written as YYYY-MM-DD.'));
    ({ circleBack, trying, outcome } = fields);
    if (status === 'trying' && circleBack === undefined && !stringField(thread.data, 'circleBack'))
      circleBack = defaultCircleBack(services.today());
  } else {
    const next = nextFeedbackStatus(current);
    const order = [
      ...(next !== current ? [next] : []),
      ...FEEDBACK_STATUSES.filter((s) => s !== next && s !== current),
    ];
    const picked = await vscode.window.showQuickPick(
      order.map((s) => ({
        label: FEEDBACK_STATUS_LABELS[s],
        description: s === next && next !== current ? vscode.l10n.t('next · {0}', STATUS_HINTS[s]) : STATUS_HINTS[s],
        status: s,
      })),
      {
        title: `${thread.title} (${FEEDBACK_STATUS_LABELS[current as FeedbackStatus] ?? current})`,
        placeHolder: vscode.l10n.t('Move the thread to…'),
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    status = picked.status;
    const title = `${thread.title}: ${FEEDBACK_STATUS_LABELS[status]}`;
    if (status === 'trying') {
      const t = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('What are you trying? (optional, goes under "What I am trying")'),
        ignoreFocusOut: true,
      });
      if (t === undefined) return undefined;
      trying = t.trim() || undefined;
      const d = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('When do you circle back to ask how it is going? (YYYY-MM-DD)'),
        value: stringField(thread.data, 'circleBack') ?? defaultCircleBack(services.today()),
        ignoreFocusOut: true,
        validateInput: (v) =>
          v.trim() === '' || isIsoDate(v.trim())
            ? undefined
            : vscode.l10n.t('Write the date as YYYY-MM-DD, or leave it empty.'),
      });
      if (d === undefined) return undefined;
      circleBack = d.trim() || undefined;
    } else if (status === 'circled-back' || status === 'closed') {
      const o = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('How did it go? (optional, goes under "Circle back")'),
        ignoreFocusOut: true,
      });
      if (o === undefined) return undefined;
      outcome = o.trim() || undefined;
    }
  }
  const result = await services.writer.edit(
    thread.path,
    (doc) => setFeedbackStatus(doc, { status, date: services.today(), circleBack, trying, outcome }),
    `Feedback ${FEEDBACK_STATUS_LABELS[status].toLowerCase()}`,
  );
  if (!result.ok) return fail(result.reason);
  note(
    status === 'trying' && circleBack
      ? vscode.l10n.t(
          '"{0}" is now {1}; circle back {2}.',
          thread.title,
          FEEDBACK_STATUS_LABELS[status].toLowerCase(),
          circleBack,
        )
      : vscode.l10n.t('"{0}" is now {1}.', thread.title, FEEDBACK_STATUS_LABELS[status].toLowerCase()),
  );
  return result.uri;
}

// Goals: create one (with a target date and a circle of impact), move it
// between active, achieved and dropped, and log progress on it.

import * as vscode from 'vscode';
import { isIsoDate } from '../../core/dates';
import { CIRCLES, isCircle } from '../../core/evidence';
import { parseDocument } from '../../core/document';
import { JournalEntry, summarize } from '../../core/journal-entry';
import { goalPath, relativeLink } from '../../core/layout';
import { withoutTags } from '../../core/markdown-inline';
import { GOAL_STATUS_LABELS, goalState, goalStatus, GoalStatus, isGoalStatus } from '../../core/threads';
import { logProgress, setGoalStatus } from '../../core/thread-edits';
import { GOAL_STATUSES, goalFile } from '../../core/templates';
import { Services } from '../../host/services';
import { argsOf, fail, openInEditor, optionalString, requireJournal, note } from '../../ui/commands';
import { askTitle, freePath } from './shared';
import { resolveThread, threadAt } from './resolve';
import { staleGoalWeeks } from '../../ui/settings';

export interface NewGoalArgs {
  readonly title: string;
  /** `YYYY-MM-DD`. */
  readonly target: string;
  /** individual | collaboration | enabling. */
  readonly circle: string;
  readonly why: string;
}

/** `oneOnOne.newGoal { title, target?, circle?, why? }` → the new goal file's URI. */
export async function newGoal(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const args = argsOf<NewGoalArgs>(arg);
  const title = await askTitle(arg, 'New goal', 'What do you want to achieve? e.g. "Lead a design review end to end"');
  if (!title) return undefined;
  let target: string | undefined;
  let circle: string | undefined;
  let why: string | undefined;
  if (args) {
    const t = optionalString(args.target, 'target');
    if (t instanceof Error || (t !== undefined && !isIsoDate(t)))
      return fail('"target" must be a date written as YYYY-MM-DD.');
    const c = optionalString(args.circle, 'circle');
    if (c instanceof Error || (c !== undefined && !isCircle(c)))
      return fail(`"circle" must be one of: ${CIRCLES.map((c) => c.id).join(', ')}.`);
    const w = optionalString(args.why, 'why');
    if (w instanceof Error) return fail(w.message);
    [target, circle, why] = [t, c, w];
  } else {
    const picked = await vscode.window.showQuickPick(
      [
        ...CIRCLES.map((c) => ({ label: c.label, description: c.description, circle: c.id as string | undefined })),
        { label: 'Decide later', description: 'no circle yet', circle: undefined },
      ],
      { title: `New goal: ${title}`, placeHolder: 'Which circle of impact does it grow?', ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    circle = picked.circle;
    const typed = await vscode.window.showInputBox({
      title: `New goal: ${title}`,
      prompt: 'Target date (YYYY-MM-DD), or leave empty',
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim() === '' || isIsoDate(v.trim()) ? undefined : 'Write the date as YYYY-MM-DD, or leave it empty.',
    });
    if (typed === undefined) return undefined;
    target = typed.trim() || undefined;
  }
  const path = freePath(services, goalPath, title);
  if (!path) return fail(`Could not find a free file name for "${title}".`);
  const result = await services.writer.create(
    [{ path, contents: goalFile(title, services.today(), { target, circle, why }) }],
    'New goal',
  );
  if (!result.ok) return fail(result.reason);
  if (!args) await openInEditor(result.uri);
  return result.uri;
}

export function describeGoal(services: Services, entry: JournalEntry): string {
  const state = goalState(services.store.index, entry, services.today(), staleGoalWeeks());
  return [
    GOAL_STATUS_LABELS[state.status as GoalStatus] ?? state.status,
    state.lastDiscussed ? `last discussed ${state.lastDiscussed}` : 'never discussed',
  ].join(' · ');
}

/** `oneOnOne.setGoalStatus { goal, status, note? }`: active, achieved or dropped, logged in the goal's Progress. */
export async function setGoalStatusCommand(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const goal = await resolveThread(services, arg, 'goal', {
    placeHolder: 'Set the status of which goal?',
    describe: (e) => describeGoal(services, e),
    fromEditor: true,
  });
  if (!goal) return undefined;
  const args = argsOf<{ status: unknown; note: unknown }>(arg);
  let status: GoalStatus;
  let noteText: string | undefined;
  if (args) {
    if (!isGoalStatus(args.status)) return fail(`"status" must be one of: ${GOAL_STATUSES.join(', ')}.`);
    status = args.status;
    const n = optionalString(args.note, 'note');
    if (n instanceof Error) return fail(n.message);
    noteText = n;
  } else {
    const current = goalStatus(goal);
    const picked = await vscode.window.showQuickPick(
      GOAL_STATUSES.filter((s) => s !== current).map((s) => ({
        label: GOAL_STATUS_LABELS[s],
        description: STATUS_HINTS[s],
        status: s,
      })),
      {
        title: `${goal.title} (${GOAL_STATUS_LABELS[current as GoalStatus] ?? current})`,
        placeHolder: 'Move the goal to…',
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    status = picked.status;
    const typed = await vscode.window.showInputBox({
      title: `${goal.title}: ${GOAL_STATUS_LABELS[status]}`,
      prompt:
        status === 'achieved'
          ? 'What did it come to? (optional, goes in the Progress log)'
          : 'A note for the Progress log (optional)',
      ignoreFocusOut: true,
    });
    if (typed === undefined) return undefined;
    noteText = typed.trim() || undefined;
  }
  if (goalStatus(goal) === status) {
    void vscode.window.showInformationMessage(
      `"${goal.title}" is already ${GOAL_STATUS_LABELS[status].toLowerCase()}.`,
    );
    return services.store.uriOf(goal.path);
  }
  const result = await services.writer.edit(
    goal.path,
    (doc) => setGoalStatus(doc, status, services.today(), noteText),
    `Goal ${GOAL_STATUS_LABELS[status].toLowerCase()}`,
  );
  if (!result.ok) return fail(result.reason);
  note(`"${goal.title}" is now ${GOAL_STATUS_LABELS[status].toLowerCase()}.`);
  return result.uri;
}

const STATUS_HINTS: Readonly<Record<GoalStatus, string>> = {
  active: 'working on it',
  achieved: 'done: it goes to your review packet as achieved',
  dropped: 'no longer pursued',
};

/**
 * `oneOnOne.logGoalProgress { goal, text, date? }`: a dated line in the
 * goal's Progress. Run on a talking point tagged `#goal/<slug>` in a meeting,
 * it offers that point (linked to the meeting) as the text.
 */
export async function logGoalProgress(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const args = argsOf<{ goal: unknown; text: unknown; date: unknown }>(arg);
  const fromMeeting = args ? undefined : pointAtCursor(services);
  const goal =
    fromMeeting?.goal ??
    (await resolveThread(services, arg, 'goal', {
      placeHolder: 'Log progress on which goal?',
      filter: (e) => goalStatus(e) === 'active',
      describe: (e) => describeGoal(services, e),
      fromEditor: true,
    }));
  if (!goal) return undefined;
  let text: string;
  let date = services.today();
  if (args) {
    const t = optionalString(args.text, 'text');
    if (t instanceof Error || t === undefined)
      return fail('"text" must say what happened, e.g. "Ran the Platform design review".');
    text = t;
    if (args.date !== undefined) {
      if (typeof args.date !== 'string' || !isIsoDate(args.date))
        return fail('"date" must be a date written as YYYY-MM-DD.');
      date = args.date;
    }
  } else {
    const typed = await vscode.window.showInputBox({
      title: `Progress on: ${goal.title}`,
      prompt: `What happened? It goes under Progress, dated ${date}.`,
      value: fromMeeting ? fromMeeting.text(goal.path) : '',
      placeHolder: 'e.g. Ran the Platform design review; two follow-ups agreed',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? 'Write what happened in a few words.' : undefined),
    });
    if (typed === undefined) return undefined;
    text = typed.trim();
  }
  const result = await services.writer.edit(goal.path, (doc) => logProgress(doc, date, text), 'Log goal progress');
  if (!result.ok) return fail(result.reason);
  note(`Progress logged on "${goal.title}".`);
  return result.uri;
}

/** The talking point under the cursor in a meeting, when it is tagged with a goal of the journal. */
function pointAtCursor(services: Services): { goal: JournalEntry; text: (goalPath: string) => string } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || threadAt(services, editor.document.uri, 'goal')) return undefined;
  const path = services.store.pathOf(editor.document.uri);
  if (!path || services.store.index.get(path)?.kind !== 'meeting') return undefined;
  // The text in the editor, saved or not: its lines are the ones the cursor is on.
  const { document } = editor;
  const meeting = summarize(path, parseDocument(document.getText()));
  const line = editor.selection.active.line;
  const items = [...meeting.agenda, ...meeting.wins].filter((i) => i.line <= line).sort((a, b) => b.line - a.line);
  const item = items[0];
  if (!item) return undefined;
  // On the point or the lines indented under it, not anywhere below it.
  for (let l = item.line + 1; l <= line; l++) if (!/^\s+\S/.test(document.lineAt(l).text)) return undefined;
  const tag = item.tags.find((t) => t.startsWith('goal/') && t.length > 5);
  const goal = tag ? services.store.index.get(goalPath(tag.slice(5))) : undefined;
  if (!goal || goal.kind !== 'goal') return undefined;
  return {
    goal,
    text: (goalFile) => `${withoutTags(item.text)} ([1:1 of ${meeting.date}](${relativeLink(goalFile, meeting.path)}))`,
  };
}

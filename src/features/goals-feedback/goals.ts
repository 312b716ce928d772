// Goals: create one (with a target date and a circle of impact), move it
// between active, achieved and dropped, and log progress on it.

import * as vscode from 'vscode';
import { isIsoDate } from '../../core/dates';
import { circleDescription, circleLabel, CIRCLES, isCircle } from '../../core/evidence';
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
  const title = await askTitle(
    arg,
    vscode.l10n.t('New goal'),
    vscode.l10n.t('What do you want to achieve? e.g. "Lead a design review end to end"'),
  );
  if (!title) return undefined;
  let target: string | undefined;
  let circle: string | undefined;
  let why: string | undefined;
  if (args) {
    const t = optionalString(args.target, 'target');
    if (t instanceof Error || (t !== undefined && !isIsoDate(t)))
      return fail(vscode.l10n.t('"target" must be a date written as YYYY-MM-DD.'));
    const c = optionalString(args.circle, 'circle');
    if (c instanceof Error || (c !== undefined && !isCircle(c)))
      return fail(vscode.l10n.t('"circle" must be one of: {0}.', CIRCLES.map((c) => c.id).join(', ')));
    const w = optionalString(args.why, 'why');
    if (w instanceof Error) return fail(w.message);
    [target, circle, why] = [t, c, w];
  } else {
    const picked = await vscode.window.showQuickPick(
      [
        ...CIRCLES.map((c) => ({
          label: circleLabel(c.id),
          description: circleDescription(c.id),
          circle: c.id as string | undefined,
        })),
        { label: vscode.l10n.t('Decide later'), description: vscode.l10n.t('no circle yet'), circle: undefined },
      ],
      {
        title: vscode.l10n.t('New goal: {0}', title),
        placeHolder: vscode.l10n.t('Which circle of impact does it grow?'),
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    circle = picked.circle;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('New goal: {0}', title),
      prompt: vscode.l10n.t('Target date (YYYY-MM-DD), or leave empty'),
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim() === '' || isIsoDate(v.trim())
          ? undefined
          : vscode.l10n.t('Write the date as YYYY-MM-DD, or leave it empty.'),
    });
    if (typed === undefined) return undefined;
    target = typed.trim() || undefined;
  }
  const path = freePath(services, goalPath, title);
  if (!path) return fail(vscode.l10n.t('Could not find a free file name for "{0}".', title));
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
    state.lastDiscussed ? vscode.l10n.t('last discussed {0}', state.lastDiscussed) : vscode.l10n.t('never discussed'),
  ].join(' · ');
}

/** `oneOnOne.setGoalStatus { goal, status, note? }`: active, achieved or dropped, logged in the goal's Progress. */
export async function setGoalStatusCommand(services: Services, arg: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const goal = await resolveThread(services, arg, 'goal', {
    placeHolder: vscode.l10n.t('Set the status of which goal?'),
    describe: (e) => describeGoal(services, e),
    fromEditor: true,
  });
  if (!goal) return undefined;
  const args = argsOf<{ status: unknown; note: unknown }>(arg);
  let status: GoalStatus;
  let noteText: string | undefined;
  if (args) {
    if (!isGoalStatus(args.status))
      return fail(vscode.l10n.t('"status" must be one of: {0}.', GOAL_STATUSES.join(', ')));
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
        placeHolder: vscode.l10n.t('Move the goal to…'),
        ignoreFocusOut: true,
      },
    );
    if (!picked) return undefined;
    status = picked.status;
    const typed = await vscode.window.showInputBox({
      title: `${goal.title}: ${GOAL_STATUS_LABELS[status]}`,
      prompt:
        status === 'achieved'
          ? vscode.l10n.t('What did it come to? (optional, goes in the Progress log)')
          : vscode.l10n.t('A note for the Progress log (optional)'),
      ignoreFocusOut: true,
    });
    if (typed === undefined) return undefined;
    noteText = typed.trim() || undefined;
  }
  if (goalStatus(goal) === status) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('"{0}" is already {1}.', goal.title, GOAL_STATUS_LABELS[status].toLowerCase()),
    );
    return services.store.uriOf(goal.path);
  }
  const result = await services.writer.edit(
    goal.path,
    (doc) => setGoalStatus(doc, status, services.today(), noteText),
    `Goal ${GOAL_STATUS_LABELS[status].toLowerCase()}`,
  );
  if (!result.ok) return fail(result.reason);
  note(vscode.l10n.t('"{0}" is now {1}.', goal.title, GOAL_STATUS_LABELS[status].toLowerCase()));
  return result.uri;
}

const STATUS_HINTS: Readonly<Record<GoalStatus, string>> = {
  active: vscode.l10n.t('working on it'),
  achieved: vscode.l10n.t('done: it goes to your review packet as achieved'),
  dropped: vscode.l10n.t('no longer pursued'),
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
      placeHolder: vscode.l10n.t('Log progress on which goal?'),
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
      return fail(vscode.l10n.t('"text" must say what happened, e.g. "Ran the Platform design review".'));
    text = t;
    if (args.date !== undefined) {
      if (typeof args.date !== 'string' || !isIsoDate(args.date))
        return fail(vscode.l10n.t('"date" must be a date written as YYYY-MM-DD.'));
      date = args.date;
    }
  } else {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Progress on: {0}', goal.title),
      prompt: vscode.l10n.t('What happened? It goes under Progress, dated {0}.', date),
      value: fromMeeting ? fromMeeting.text(goal.path) : '',
      placeHolder: vscode.l10n.t('e.g. Ran the Platform design review; two follow-ups agreed'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Write what happened in a few words.') : undefined),
    });
    if (typed === undefined) return undefined;
    text = typed.trim();
  }
  const result = await services.writer.edit(goal.path, (doc) => logProgress(doc, date, text), 'Log goal progress');
  if (!result.ok) return fail(result.reason);
  note(vscode.l10n.t('Progress logged on "{0}".', goal.title));
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

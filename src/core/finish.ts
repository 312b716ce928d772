// Finishing a meeting, as edits: the takeaways into Notes, the action items
// into Action items, status: done, and each discussed #goal point into its
// goal's Progress. Computed here, so the property tests run the very code the
// command writes with; the feature only asks and applies.

import { ACTIONS_TARGET } from './carry';
import { JournalDocument } from './document';
import { addListItemsLines, EditResult, renderListItem, sequence } from './edits';
import { setField } from './front-matter-edits';
import { JournalIndex } from './journal-index';
import { JournalEntry, stringField, summarize } from './journal-entry';
import { GoalProgressFromMeeting, logProgressOnce, progressFromMeeting } from './thread-edits';
import { l10n } from './l10n';

export interface ActionItem {
  readonly text: string;
  readonly owner?: 'me' | 'them';
  readonly due?: string;
}

/** One file's edits, computed on its text as the writer holds it when it applies them. */
export interface FileEdits {
  readonly path: string;
  readonly compute: (doc: JournalDocument) => EditResult;
}

export interface FinishInput {
  /** The meeting as it reads now: the text VS Code holds, unsaved ticks included. */
  readonly meeting: JournalEntry;
  /** The meeting's date, as the index has it. */
  readonly date: string;
  readonly personName: string;
  readonly takeaways: readonly string[];
  readonly actions: readonly ActionItem[];
  readonly index: JournalIndex;
  /** The link from a goal file to the meeting. */
  readonly linkFrom: (goalPath: string) => string;
}

/** An action item's line: whose it is, its text on one line, and its due date. */
export function actionText(item: ActionItem, personName: string): string {
  const owner = item.owner === 'them' ? personName : 'Me';
  return `${owner}: ${item.text.replace(/[\r\n]+/g, ' ').trim()}${item.due ? ` (due ${item.due})` : ''}`;
}

/** The meeting file's own edits: takeaways in Notes, action items (their lines' text) in Action items, status: done. */
export function finishMeetingFile(
  doc: JournalDocument,
  takeaways: readonly string[],
  actions: readonly string[],
): EditResult {
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
        actions.map((a) => renderListItem({ text: a })),
      ),
    // Already done (finished twice): no edit, so no empty undo step.
    (d) => (stringField(d.data, 'status') === 'done' ? { edits: [] } : setField(d, 'status', 'done')),
  ]);
}

/**
 * Every file Finish Meeting changes, as one set of edits: the meeting first,
 * then each goal that a discussed talking point tagged with it gives progress.
 */
export function finishEdits(input: FinishInput): FileEdits[] {
  const { meeting, date, index } = input;
  const progressOf = (m: JournalEntry): GoalProgressFromMeeting[] =>
    progressFromMeeting(m, input.personName, input.linkFrom, index);
  const progress = progressOf(meeting);
  const actions = input.actions.map((a) => actionText(a, input.personName));
  const finish = (doc: JournalDocument): EditResult => {
    // Which goals get progress was read from the meeting a moment ago; if its points changed since (another window), nothing is written.
    if (JSON.stringify(progressOf(summarize(meeting.path, doc))) !== JSON.stringify(progress)) {
      return {
        error: l10n.t(
          'its talking points changed while the meeting was being finished (another window or a sync?); nothing was written. Run Finish Meeting again.',
        ),
      };
    }
    return finishMeetingFile(doc, input.takeaways, actions);
  };
  return [
    { path: meeting.path, compute: finish },
    ...progress.map((p) => ({
      path: p.goal,
      compute: (doc: JournalDocument) => logProgressOnce(doc, date, p.lines),
    })),
  ];
}

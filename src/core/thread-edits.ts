// The edits that move goals and feedback threads (threads.ts): a dated line
// in a log, a status change with its note, what a finished meeting adds to
// each goal it discussed. Each edits one parsed file.

import { parseIsoDate } from './dates';
import { JournalDocument } from './document';
import { addListItemLines, addListItemsLines, EditResult, renderListItem, SectionTarget, sequence } from './edits';
import { setField, setFields } from './front-matter-edits';
import { JournalEntry, stringField } from './journal-entry';
import { JournalIndex } from './journal-index';
import { withoutTags } from './markdown-inline';
import { FeedbackStatus, GoalStatus, oneLine } from './threads';
import { l10n } from './l10n';

export const PROGRESS_TARGET: SectionTarget = { heading: 'Progress', aliases: ['Progress log'], createAt: 'end' };
export const TRYING_TARGET: SectionTarget = { heading: 'What I am trying', aliases: ['Trying'], createAt: 'end' };
export const CIRCLE_BACK_TARGET: SectionTarget = {
  heading: 'Circle back',
  aliases: ['Circled back', 'Outcome'],
  createAt: 'end',
};

/** `- 2026-11-24: text`, the line a progress log or circle-back log gets. */
export function datedLine(date: string, text: string): string[] {
  return renderListItem({ text: `${date}: ${oneLine(text)}`, checkbox: false });
}

/** Appends `- <date>: <text>` to the goal's Progress (created at the end when missing). */
export function logProgress(doc: JournalDocument, date: string, text: string): EditResult {
  if (oneLine(text) === '') return { error: l10n.t('A progress entry needs some text.') };
  return addListItemLines(doc, PROGRESS_TARGET, datedLine(date, text));
}

const GOAL_CHANGE: Readonly<Record<GoalStatus, string>> = {
  active: 'Reactivated',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

/**
 * Moves a goal to `status` and logs the change in its Progress
 * ("2026-11-24: Achieved — shipped the review"), as one edit. No edits when
 * it already has that status.
 */
export function setGoalStatus(doc: JournalDocument, status: GoalStatus, date: string, note?: string): EditResult {
  const current = stringField(doc.data, 'status') ?? 'active';
  if (current === status) return { edits: [] };
  const text = note && oneLine(note) !== '' ? `${GOAL_CHANGE[status]} — ${oneLine(note)}` : `${GOAL_CHANGE[status]}.`;
  return sequence(doc, [(d) => setField(d, 'status', status), (d) => logProgress(d, date, text)]);
}

export interface FeedbackChange {
  readonly status: FeedbackStatus;
  /** Today: the date of the lines written. */
  readonly date: string;
  /** A new circle-back date. */
  readonly circleBack?: string | undefined;
  /** Appended to "What I am trying". */
  readonly trying?: string | undefined;
  /** Appended to "Circle back": how it went. */
  readonly outcome?: string | undefined;
}

/**
 * Moves a feedback thread: its status, a circle-back date, what I am
 * trying, how it went — each written only when given, as one edit.
 */
export function setFeedbackStatus(doc: JournalDocument, change: FeedbackChange): EditResult {
  const steps: ((d: JournalDocument) => EditResult)[] = [];
  const fields: [string, string][] = [];
  if ((stringField(doc.data, 'status') ?? 'received') !== change.status || doc.data['status'] === undefined)
    fields.push(['status', change.status]);
  if (change.circleBack !== undefined && stringField(doc.data, 'circleBack') !== change.circleBack) {
    if (!parseIsoDate(change.circleBack))
      return { error: l10n.t('"{0}" is not a date written as YYYY-MM-DD.', change.circleBack) };
    fields.push(['circleBack', change.circleBack]);
  }
  // Both keys in one step: a thread without front matter gets one block with both.
  if (fields.length > 0) steps.push((d) => setFields(d, fields));
  const trying = change.trying === undefined ? '' : oneLine(change.trying);
  if (trying !== '') steps.push((d) => addListItemLines(d, TRYING_TARGET, datedLine(change.date, trying)));
  const outcome = change.outcome === undefined ? '' : oneLine(change.outcome);
  if (outcome !== '') steps.push((d) => addListItemLines(d, CIRCLE_BACK_TARGET, datedLine(change.date, outcome)));
  return steps.length === 0 ? { edits: [] } : sequence(doc, steps);
}
export interface GoalProgressFromMeeting {
  readonly goal: string;
  readonly lines: readonly string[];
}

/**
 * What a finished meeting adds to goal progress logs: each discussed (ticked)
 * talking point tagged `#goal/<slug>` becomes
 * `<date>: Discussed with <name>: <point> ([1:1 of <date>](<link>))`.
 */
export function progressFromMeeting(
  meeting: JournalEntry,
  personName: string,
  linkToMeeting: (goalPath: string) => string,
  index: JournalIndex,
): GoalProgressFromMeeting[] {
  const byGoal = new Map<string, string[]>();
  for (const item of meeting.agenda) {
    if (item.checked !== true || item.tags.includes('private')) continue;
    for (const tag of item.tags) {
      if (!tag.startsWith('goal/') || tag.length <= 5) continue;
      const goal = index.get(`goals/${tag.slice(5)}.md`);
      if (!goal || goal.kind !== 'goal') continue;
      const text = withoutTags(item.text);
      let lines = byGoal.get(goal.path);
      if (!lines) byGoal.set(goal.path, (lines = []));
      lines.push(
        `Discussed with ${oneLine(personName)}: ${text} ([1:1 of ${meeting.date}](${linkToMeeting(goal.path)}))`,
      );
    }
  }
  return [...byGoal].map(([goal, lines]) => ({ goal, lines }));
}

/** Appends progress lines dated `date` that the goal's log does not have yet (running twice adds nothing). */
export function logProgressOnce(doc: JournalDocument, date: string, texts: readonly string[]): EditResult {
  const have = new Set<string>();
  for (const l of doc.source.lines) have.add(l.text.trim());
  const fresh = texts.filter((t) => !have.has(datedLine(date, t)[0]!));
  if (fresh.length === 0) return { edits: [] };
  return addListItemsLines(
    doc,
    PROGRESS_TARGET,
    fresh.map((t) => datedLine(date, t)),
  );
}

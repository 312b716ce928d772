// Goals and feedback threads live across meetings. A goal is active,
// achieved or dropped, keeps a dated progress log, and goes stale when no
// meeting has touched it for a few weeks. A feedback thread moves from
// received to trying (with a circle-back date) to circled back and closed.
// Here: their statuses and states as the index reads them, and the talking
// points that bring them up; the edits that move them are thread-edits.ts's.

import { addDays, differenceInCalendarDays } from 'date-fns';
import { parseIsoDate, toIsoDate } from './dates';
import { JournalEntry, ProgressEntry, stringField } from './journal-entry';
import { JournalIndex, Person } from './journal-index';
import { FEEDBACK_STATUSES, GOAL_STATUSES } from './templates';
import { l10n } from './l10n';

export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const DEFAULT_STALE_WEEKS = 4;
/** Days from "trying" to the circle-back a thread gets when none is given. */
export const DEFAULT_CIRCLE_BACK_DAYS = 14;

// Read when shown, so they are in the display language (src/core/l10n.ts); the files keep the ids.
export const GOAL_STATUS_LABELS: Readonly<Record<GoalStatus, string>> = {
  get active() {
    return l10n.t('Active');
  },
  get achieved() {
    return l10n.t('Achieved');
  },
  get dropped() {
    return l10n.t('Dropped');
  },
};
export const FEEDBACK_STATUS_LABELS: Readonly<Record<FeedbackStatus, string>> = {
  get received() {
    return l10n.t('Received');
  },
  get trying() {
    return l10n.t('Trying');
  },
  get 'circled-back'() {
    return l10n.t('Circled back');
  },
  get closed() {
    return l10n.t('Closed');
  },
};

export function isGoalStatus(value: unknown): value is GoalStatus {
  return typeof value === 'string' && (GOAL_STATUSES as readonly string[]).includes(value);
}

export function isFeedbackStatus(value: unknown): value is FeedbackStatus {
  return typeof value === 'string' && (FEEDBACK_STATUSES as readonly string[]).includes(value);
}

/** A goal's status; a goal without one is active. */
export function goalStatus(entry: JournalEntry): string {
  return entry.status ?? 'active';
}

/** A thread's status; a thread without one has just been received. */
export function feedbackStatus(entry: JournalEntry): string {
  return entry.status ?? 'received';
}

/** The step after `status` (closed stays closed; an unknown status goes back to received). */
export function nextFeedbackStatus(status: string): FeedbackStatus {
  const at = (FEEDBACK_STATUSES as readonly string[]).indexOf(status);
  return FEEDBACK_STATUSES[Math.min(at + 1, FEEDBACK_STATUSES.length - 1)]!;
}

/** The text as one line: line breaks and runs of white space become one space. */
export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The circle-back a thread gets when it moves to "trying" without one: two weeks on. */
export function defaultCircleBack(today: string): string {
  const d = parseIsoDate(today);
  return d ? toIsoDate(addDays(d, DEFAULT_CIRCLE_BACK_DAYS)) : today;
}

export interface GoalState {
  readonly entry: JournalEntry;
  readonly status: string;
  /** The latest progress entry or meeting that refers to the goal, up to today. */
  readonly lastDiscussed: string | undefined;
  /** An active goal nobody has talked about for the stale period. */
  readonly stale: boolean;
  /** Whole weeks since it was last discussed (or created, when it never was). */
  readonly quietWeeks: number | undefined;
  /** The date of a meeting after today that refers to it: it is on an agenda already. */
  readonly queued: string | undefined;
}

/** When a goal last came up, up to `until`: its latest progress entry, or a meeting that refers to it. */
export function lastDiscussed(index: JournalIndex, goal: JournalEntry, until: string): string | undefined {
  const progress = latestUpTo(goal.progress ?? [], until);
  const mention = index.lastMention(goal.slug, until);
  if (progress === undefined) return mention;
  if (mention === undefined) return progress;
  return progress > mention ? progress : mention;
}

function latestUpTo(entries: readonly ProgressEntry[], until: string): string | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.date <= until) return entries[i]!.date;
  return undefined;
}

/**
 * A goal's lifecycle at `today`. An active goal is stale when it has not
 * come up for `staleWeeks` weeks; one that never came up counts from its
 * `created` date, and without one it is stale at once. A goal on the agenda
 * of a meeting still to come is not stale: it is about to come up.
 */
export function goalState(
  index: JournalIndex,
  goal: JournalEntry,
  today: string,
  staleWeeks = DEFAULT_STALE_WEEKS,
): GoalState {
  const status = goalStatus(goal);
  const discussed = lastDiscussed(index, goal, today);
  const created = stringField(goal.data, 'created');
  const since = discussed ?? (created && parseIsoDate(created) ? created : undefined);
  const days = since ? daysBetween(since, today) : undefined;
  const quietWeeks = days === undefined ? undefined : Math.max(0, Math.floor(days / 7));
  const latest = index.lastMention(goal.slug, '9999-12-31');
  const queued = latest !== undefined && latest > today ? latest : undefined;
  const stale =
    status === 'active' && staleWeeks > 0 && queued === undefined && (days === undefined || days >= staleWeeks * 7);
  return { entry: goal, status, lastDiscussed: discussed, stale, quietWeeks, queued };
}

/** Active goals that have gone quiet, the quietest first. */
export function staleGoals(index: JournalIndex, today: string, staleWeeks = DEFAULT_STALE_WEEKS): GoalState[] {
  return index
    .ofKind('goal')
    .map((g) => goalState(index, g, today, staleWeeks))
    .filter((s) => s.stale)
    .sort(
      (a, b) =>
        (a.lastDiscussed ?? '').localeCompare(b.lastDiscussed ?? '') || a.entry.title.localeCompare(b.entry.title),
    );
}

function daysBetween(from: string, to: string): number | undefined {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return a && b ? differenceInCalendarDays(b, a) : undefined;
}

/** A thread that is not circled back or closed and whose circle-back date is on or before `date`. */
export function isFeedbackDue(entry: JournalEntry, date: string): boolean {
  const status = feedbackStatus(entry);
  if (status === 'circled-back' || status === 'closed') return false;
  const circleBack = stringField(entry.data, 'circleBack');
  return circleBack !== undefined && parseIsoDate(circleBack) !== undefined && circleBack <= date;
}

/** The person a feedback thread came from, when they are in the journal. */
export function feedbackPerson(index: JournalIndex, entry: JournalEntry): Person | undefined {
  const from = stringField(entry.data, 'from');
  return from ? index.findPerson(from) : undefined;
}

/** Link text that cannot break out of its brackets. */
function linkLabel(text: string): string {
  return oneLine(text).replace(/[[\]\\]/g, '\\$&');
}

/**
 * The talking point that puts a goal or a feedback thread on an agenda: a
 * link to its file (which also marks the goal as discussed when the meeting
 * happens) and its theme tag.
 */
export function agendaPointFor(entry: JournalEntry, link: string, today: string, index: JournalIndex): string {
  if (entry.kind === 'goal') {
    const when = lastDiscussed(index, entry, today);
    const since = when ? `progress since ${when}` : 'where it stands';
    return `Goal: [${linkLabel(entry.title)}](${link}) — ${since} #growth #goal/${entry.slug}`;
  }
  const from = stringField(entry.data, 'from');
  return `Circle back on feedback${from ? ` from ${oneLine(from)}` : ''}: [${linkLabel(entry.title)}](${link}) — is it working? #feedback`;
}

/** Whether an agenda already refers to the file at `path` (a link to it, or its goal tag). */
export function agendaMentions(
  agenda: readonly { readonly text: string; readonly tags: readonly string[] }[],
  entry: JournalEntry,
): boolean {
  const file = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  const folder = entry.path.slice(0, entry.path.lastIndexOf('/'));
  return agenda.some(
    (item) =>
      (entry.kind === 'goal' && item.tags.includes(`goal/${entry.slug}`)) ||
      item.text.includes(`${folder}/${file})`) ||
      item.text.includes(`${folder}/${encodeURIComponent(file)})`),
  );
}

// The prep sheet: one generated page to read right before a 1:1 — what the
// last meeting left open, feedback due for a circle-back, goals in progress
// and when each was last discussed, and wins since last time. It is built
// from the index alone, so it costs no file reads, and it is never written to
// the journal unless the user asks.

import { differenceInCalendarDays, formatDistanceStrict } from 'date-fns';
import { balanceOf, renderBalance } from './balance';
import { parseIsoDate } from './dates';
import { JournalIndex, Person } from './journal-index';
import { ItemSummary, JournalEntry, stringField } from './journal-entry';
import { extractTags } from './markdown-inline';
import { agendaMentions, DEFAULT_STALE_WEEKS, goalState, goalStatus, isFeedbackDue, oneLine } from './threads';

export interface PrepInput {
  readonly index: JournalIndex;
  readonly person: Person;
  /** The meeting the sheet is for. */
  readonly date: string;
  /** Today, `YYYY-MM-DD`. */
  readonly today: string;
  /** When it is, as the host formats it ("Tuesday 24 November 2026, 10:00–10:30"). */
  readonly when?: string;
  /** A link target for a journal path. */
  readonly link: (path: string) => string;
  /** The video call's link (validated https, from the invite or the meeting). */
  readonly call?: string;
  /** Adds "Balance": talking points by theme over this many meetings (`oneOnOne.balanceWindow`). */
  readonly balanceWindow?: number;
  /** Weeks without discussion after which an active goal is flagged (`oneOnOne.staleGoalWeeks`). */
  readonly staleGoalWeeks?: number;
}

const INACTIVE_GOAL = new Set(['achieved', 'dropped']);

/** The latest meeting with a person dated before `date`. */
export function previousMeeting(index: JournalIndex, person: string, date: string): JournalEntry | undefined {
  return index.meetingsOf(person).find((m) => (m.date ?? '') < date);
}

function ago(date: string, today: string): string {
  const a = parseIsoDate(date);
  const b = parseIsoDate(today);
  if (!a || !b) return '';
  const days = differenceInCalendarDays(b, a);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  return formatDistanceStrict(a, b, {
    addSuffix: true,
    roundingMethod: 'floor',
    unit: Math.abs(days) < 14 ? 'day' : Math.abs(days) < 60 ? undefined : 'month',
  });
}

/** Link text that cannot break out of its brackets. */
function label(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

function linkTo(input: PrepInput, text: string, path: string): string {
  return `[${label(text)}](${input.link(path)})`;
}

const isPrivateTag = (t: string): boolean => t === 'private' || t.startsWith('private/');

/**
 * An item's text as the sheet shows it. One that is private by where it sits
 * (a Private section, a #private heading or line) says so, so that the sheet,
 * once kept in a meeting's Notes, never puts it in a shareable agenda.
 */
function shown(item: ItemSummary): string {
  return item.tags.some(isPrivateTag) && !extractTags(item.text).some(isPrivateTag)
    ? `${item.text} #private`
    : item.text;
}

function box(item: ItemSummary): string {
  return item.checked === undefined ? '-' : item.checked ? '- [x]' : '- [ ]';
}

export interface PrepFeedback {
  readonly entry: JournalEntry;
  readonly circleBack: string;
  readonly overdue: boolean;
}

/** Feedback threads from this person (or from no one in particular) due for a circle-back by `date`. */
export function feedbackDue(index: JournalIndex, person: Person, date: string): PrepFeedback[] {
  const out: PrepFeedback[] = [];
  for (const entry of index.ofKind('feedback')) {
    if (!isFeedbackDue(entry, date)) continue;
    const circleBack = stringField(entry.data, 'circleBack')!;
    const from = stringField(entry.data, 'from')?.toLowerCase();
    if (from && from !== person.name.toLowerCase() && from !== person.slug) continue;
    out.push({ entry, circleBack, overdue: circleBack < date });
  }
  return out.sort((a, b) => a.circleBack.localeCompare(b.circleBack) || a.entry.title.localeCompare(b.entry.title));
}

export interface PrepGoal {
  readonly entry: JournalEntry;
  readonly lastDiscussed: string | undefined;
  /** Not discussed for `oneOnOne.staleGoalWeeks` weeks. */
  readonly stale: boolean;
  readonly quietWeeks: number | undefined;
}

/** Active goals and the latest date each came up (a progress entry, or a meeting that refers to it), least recent first. */
export function goalsInProgress(index: JournalIndex, until: string, staleWeeks = DEFAULT_STALE_WEEKS): PrepGoal[] {
  return index
    .ofKind('goal')
    .filter((g) => !INACTIVE_GOAL.has(goalStatus(g)))
    .map((g) => goalState(index, g, until, staleWeeks))
    .sort(
      (a, b) =>
        (a.lastDiscussed ?? '').localeCompare(b.lastDiscussed ?? '') || a.entry.title.localeCompare(b.entry.title),
    );
}

export interface PrepWin {
  readonly meeting: JournalEntry;
  readonly item: ItemSummary;
}

/** Wins recorded after `after` up to and including `until`: Wins sections and #win talking points. */
export function winsBetween(index: JournalIndex, person: string, after: string | undefined, until: string): PrepWin[] {
  const out: PrepWin[] = [];
  for (const meeting of [...index.meetingsOf(person)].reverse()) {
    const d = meeting.date ?? '';
    if ((after !== undefined && d <= after) || d > until) continue;
    for (const item of meeting.wins) out.push({ meeting, item });
    for (const item of meeting.agenda) if (item.tags.includes('win')) out.push({ meeting, item });
  }
  return out;
}

export function renderPrepSheet(input: PrepInput): string {
  const { index, person, date, today } = input;
  const out: string[] = [];
  out.push(`# Prep: 1:1 with ${person.name}`, '');
  out.push(`_${input.when ?? date}_ (${ago(date, today)})`, '');
  if (input.call) out.push(`Join the call: <${input.call}>`, '');
  const meeting = index.meetingsOf(person.slug).find((m) => m.date === date);
  const onAgenda = (entry: JournalEntry): string =>
    meeting && agendaMentions(meeting.agenda, entry) ? ' (on the agenda)' : '';
  const previous = previousMeeting(index, person.slug, date);
  if (previous) {
    const status =
      previous.status && previous.status !== 'done' && previous.status !== 'planned' ? ` (${previous.status})` : '';
    out.push(`Last 1:1: ${linkTo(input, previous.date!, previous.path)}${status}, ${ago(previous.date!, today)}.`, '');
  } else {
    out.push(`This is your first 1:1 with ${person.name} in the journal.`, '');
  }

  out.push('## Open action items', '');
  const open = previous ? previous.actions.filter((a) => a.checked === false) : [];
  if (open.length === 0) out.push(previous ? `Nothing left open on ${previous.date}.` : 'None yet.');
  for (const item of open) out.push(`- [ ] ${shown(item)}`);
  const undiscussed = previous ? previous.agenda.filter((a) => a.checked === false) : [];
  if (undiscussed.length > 0) {
    out.push('', `Not discussed on ${previous!.date}:`, '');
    for (const item of undiscussed) out.push(`- [ ] ${shown(item)}`);
  }
  out.push('');

  out.push('## Feedback to circle back on', '');
  const due = feedbackDue(index, person, date);
  if (due.length === 0) out.push('No feedback thread is due.');
  for (const f of due) {
    out.push(
      `- ${linkTo(input, f.entry.title, f.entry.path)} — ${oneLine(f.entry.status ?? 'received')}; circle back ${f.overdue ? 'was due' : 'due'} ${oneLine(f.circleBack)}${onAgenda(f.entry)}`,
    );
  }
  out.push('');

  out.push('## Goals in progress', '');
  const goals = goalsInProgress(index, today, input.staleGoalWeeks ?? DEFAULT_STALE_WEEKS);
  if (goals.length === 0) out.push('No active goals.');
  for (const g of goals) {
    // Front-matter values on one line: a value with a line break must not start a block of its own.
    const targetField = stringField(g.entry.data, 'target');
    const target = targetField === undefined ? undefined : oneLine(targetField);
    let discussed = g.lastDiscussed
      ? `last discussed ${g.lastDiscussed} (${ago(g.lastDiscussed, today)})`
      : 'never discussed';
    if (g.stale)
      discussed = g.lastDiscussed
        ? `**quiet for ${g.quietWeeks === 1 ? '1 week' : `${g.quietWeeks} weeks`}**: ${discussed}`
        : `**${discussed}**`;
    out.push(
      `- ${linkTo(input, g.entry.title, g.entry.path)} — ${discussed}${target ? `; target ${target}` : ''}${onAgenda(g.entry)}`,
    );
  }
  out.push('');

  out.push(`## Wins since ${previous ? `${previous.date}` : 'you started'}`, '');
  const wins = winsBetween(index, person.slug, previous?.date, date);
  if (wins.length === 0) out.push('None recorded yet. Capture one with "1:1: Jot Topic for Next 1:1" and #win.');
  for (const w of wins) out.push(`- ${shown(w.item)} (${linkTo(input, w.meeting.date!, w.meeting.path)})`);
  out.push('');

  if (input.balanceWindow !== undefined && input.balanceWindow > 0) {
    const balance = balanceOf(index, person.slug, { window: input.balanceWindow, until: date });
    const n = balance.meetings.length || input.balanceWindow;
    out.push(
      n === 1 ? '## Balance of the last 1:1' : `## Balance of the last ${n} 1:1s`,
      '',
      ...renderBalance(balance),
      '',
    );
  }

  if (meeting && meeting.agenda.length > 0) {
    out.push('## On the agenda', '');
    for (const item of meeting.agenda) out.push(`${box(item)} ${shown(item)}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * The prep sheet as a quoted block for a meeting's Notes, when the user asks
 * to keep it: a bold title, then the sheet's lines quoted, its headings as
 * bold lines and its checkboxes as plain bullets — so nothing in it reads as
 * a section or an action item of the meeting.
 */
export function prepSheetBlock(sheet: string, today: string): string[] {
  const lines = sheet.split('\n');
  const body = lines.filter((l, i) => !(i === 0 && l.startsWith('# ')) && !/^_.*_( \(.*\))?$/.test(l));
  while (body.length > 0 && body[0]!.trim() === '') body.shift();
  while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
  const quoted = body.map((l) => {
    const text = l.replace(/^#{1,6}\s+(.*)$/, '**$1**').replace(/^(\s*)[-*+] \[[ xX]\] /, '$1- ');
    return text === '' ? '>' : `> ${text}`;
  });
  return [`**Prep sheet, ${today}**`, '', ...quoted];
}

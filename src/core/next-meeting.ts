// When the next 1:1 is, on a person's schedule (schedule.ts reads it).
// Recurrence works on calendar dates (`YYYY-MM-DD`), so daylight-saving
// changes never move a meeting to another day; the wall-clock time is turned
// into an instant in the person's time zone only at the end. Plain cadences
// step with date-fns; RRULEs are expanded by the rrule library, in "floating"
// time (UTC fields read as wall-clock fields), which is how it stays correct
// across DST.

import {
  addDays,
  addMonths,
  addWeeks,
  differenceInCalendarDays,
  getDay,
  isLastDayOfMonth,
  lastDayOfMonth,
  startOfMonth,
} from 'date-fns';
import { FrontMatterData } from './front-matter';
import { callUrl } from './calendar/call-url';
import { instantOf, todayIn } from './wall-time';

export { instantOf, todayIn } from './wall-time';
import { parseIsoDate, toIsoDate } from './dates';
import {
  DEFAULT_DURATION_MINUTES,
  isTimeZone,
  parseDuration,
  parseRRule,
  parseWallTime,
  ruleTime,
  Schedule,
  WallTime,
} from './schedule';
import { l10n } from './l10n';

const CLOSED = new Set(['done', 'skipped', 'cancelled']);

const MAX_STEPS = 5000;

/**
 * The date of the next meeting on a schedule: the first occurrence after
 * `anchor` (the latest meeting there is), not before `from`, and not one of
 * the `skip` dates (meetings marked skipped or cancelled). Without an anchor
 * the schedule starts at `from`.
 */
export function nextDate(
  schedule: Schedule,
  anchor: string | undefined,
  from: string,
  skip: ReadonlySet<string> = new Set(),
): string | undefined {
  const start = anchor ? parseIsoDate(anchor) : undefined;
  const min = parseIsoDate(from);
  if (!min) return undefined;
  const free = (d: Date): boolean => d >= min && (!start || d > start) && !skip.has(toIsoDate(d));
  const open = (d: Date): boolean => free(d) && !schedule.skip?.has(toIsoDate(d));
  // A moved meeting leaves its own date and lands on its new one even where the rule's meeting was skipped;
  // extra dates come on top of the cadence's, unless skipped too.
  const ok = (d: Date): boolean => open(d) && !schedule.moved?.has(toIsoDate(d));
  const onCadence = nextOnCadence(schedule, start, min, ok);
  const added = [
    ...[...(schedule.moved?.values() ?? [])].map((w) => w.date).filter((date) => free(parseIsoDate(date)!)),
    ...(schedule.extra ?? []).map((w) => w.date).filter((date) => open(parseIsoDate(date)!)),
  ].sort();
  return added[0] !== undefined && (onCadence === undefined || added[0] < onCadence) ? added[0] : onCadence;
}

function nextOnCadence(
  schedule: Schedule,
  start: Date | undefined,
  min: Date,
  ok: (d: Date) => boolean,
): string | undefined {
  if (schedule.cadence === 'rrule') return nextOfRule(schedule, start, min, ok);
  if (schedule.cadence === 'monthly') {
    if (!start) return firstOk((k) => addMonths(min, k), ok);
    // Step k from the anchor itself, so meetings on the 31st stay on month ends;
    // a meeting on the last day of a month repeats on the last day of each month.
    if (isLastDayOfMonth(start)) return firstOk((k) => lastDayOfMonth(addMonths(startOfMonth(start), k + 1)), ok);
    return firstOk((k) => addMonths(start, k + 1), ok);
  }
  const weeks = schedule.cadence === 'biweekly' ? 2 : 1;
  if (!start) {
    let first = min;
    if (schedule.weekday !== undefined) first = addDays(min, (schedule.weekday - getDay(min) + 7) % 7);
    return firstOk((k) => addWeeks(first, k * weeks), ok);
  }
  // The weekday in the anchor's week (Monday first): a meeting moved by a day
  // does not move the ones after it.
  let base = start;
  if (schedule.weekday !== undefined) {
    const mondayIndex = (d: number): number => (d + 6) % 7;
    base = addDays(start, mondayIndex(schedule.weekday) - mondayIndex(getDay(start)));
  }
  return firstOk((k) => addWeeks(base, (k + 1) * weeks), ok);
}

function firstOk(at: (k: number) => Date, ok: (d: Date) => boolean): string | undefined {
  for (let k = 0; k < MAX_STEPS; k++) {
    const d = at(k);
    if (ok(d)) return toIsoDate(d);
  }
  return undefined;
}

/** Floating time: a calendar date (and wall time) carried in a Date's UTC fields. */
function floating(date: Date, time?: WallTime): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), time?.hour ?? 0, time?.minute ?? 0));
}

function fromFloating(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function nextOfRule(
  schedule: Schedule,
  start: Date | undefined,
  min: Date,
  ok: (d: Date) => boolean,
): string | undefined {
  // An invite's series starts on its own date (INTERVAL and COUNT count from it); else the rule steps from the latest meeting.
  const starts = schedule.starts ? parseIsoDate(schedule.starts) : undefined;
  const rule = parseRRule(
    schedule.rule ?? '',
    starts ? floating(starts, schedule.time ?? ruleTime(schedule)) : floating(start ?? min),
  );
  if (rule instanceof Error) return undefined;
  // Searched within a horizon: a valid rule that never matches (BYMONTHDAY=30 in
  // February) would otherwise make rrule search to the year 9999.
  const from = floating(min);
  const horizon = new Date(Date.UTC(from.getUTCFullYear() + RULE_HORIZON_YEARS, from.getUTCMonth(), from.getUTCDate()));
  let found: string | undefined;
  let seen = 0;
  rule.between(from, horizon, true, (next) => {
    const day = fromFloating(next);
    if (ok(day)) found = toIsoDate(day);
    return found === undefined && ++seen < MAX_STEPS;
  });
  return found;
}

const RULE_HORIZON_YEARS = 5;

/** The time of the meeting on `date`: a moved meeting's or an extra date's own, else the schedule's. */
export function timeOn(schedule: Schedule, date: string): WallTime | undefined {
  for (const w of [...(schedule.moved?.values() ?? []), ...(schedule.extra ?? [])])
    if (w.date === date && w.time) return w.time;
  return schedule.time ?? ruleTime(schedule);
}

export interface MeetingRef {
  readonly path: string;
  readonly date: string;
  readonly status: string | undefined;
  readonly data: FrontMatterData;
}

export interface Slot {
  readonly person: string;
  readonly date: string;
  /** The meeting file, when it exists; otherwise the slot is projected from the cadence. */
  readonly path: string | undefined;
  /** Start and end instants, when a time of day is known. */
  readonly start: Date | undefined;
  readonly end: Date | undefined;
  /** The video call's link: the meeting's own `call`, else the person's (from their invite). */
  readonly call?: string;
}

/** The call link of a meeting: its own `call:` when it is a valid https link, else the schedule's. */
export function callOf(schedule: Schedule | undefined, data: FrontMatterData): string | undefined {
  const own = data['call'];
  const url = typeof own === 'string' ? callUrl(own, true) : undefined;
  return url ?? schedule?.call;
}

function slotOf(
  person: string,
  date: string,
  path: string | undefined,
  schedule: Schedule | undefined,
  data: FrontMatterData,
): Slot {
  const time = parseWallTime(data['time']) ?? (schedule ? timeOn(schedule, date) : undefined);
  const duration = parseDuration(data['duration']) ?? schedule?.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  const zone = isTimeZone(data['timezone']) ? (data['timezone'] as string).trim() : schedule?.timeZone;
  const start = time ? instantOf(date, time, zone) : undefined;
  const end = start ? new Date(start.getTime() + duration * 60_000) : undefined;
  const call = callOf(schedule, data);
  return { person, date, path, start, end, ...(call ? { call } : {}) };
}

/** The slot of one meeting file (its own time, duration and zone, else its person's schedule's). */
export function meetingSlot(person: string, meeting: MeetingRef, schedule: Schedule | undefined): Slot {
  return slotOf(person, meeting.date, meeting.path, schedule, meeting.data);
}

/**
 * The next 1:1 with a person as of `now`: the earliest meeting file dated
 * today or later that is not done, skipped or cancelled and whose slot has not
 * ended; else the next date on their cadence. `today` is `now` as a local date.
 */
export function nextSlot(
  person: string,
  meetings: readonly MeetingRef[],
  schedule: Schedule | undefined,
  now: Date,
  localToday: string,
): Slot | undefined {
  // Dated as the schedule's zone dates them, a meeting still to come may be on what is already yesterday here:
  // looked for from the earlier of the two todays, and kept only while it has not ended.
  const zoneToday = schedule?.timeZone ? todayIn(schedule.timeZone, now) : localToday;
  const today = zoneToday < localToday ? zoneToday : localToday;
  const open = meetings
    .filter((m) => m.date >= today && !CLOSED.has(m.status ?? ''))
    .sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
  // A slot without a time stands for its whole day, here: only from this computer's today.
  const upcoming = (slot: Slot): boolean => (slot.end ? slot.end > now : slot.date >= localToday);
  for (const m of open) {
    const slot = slotOf(person, m.date, m.path, schedule, m.data);
    if (upcoming(slot)) return slot;
  }
  // A projection needs something to stand on: a meeting to step from, a weekday, or a rule.
  if (!schedule || (meetings.length === 0 && schedule.weekday === undefined && schedule.cadence !== 'rrule'))
    return undefined;
  const taken = new Set(meetings.map((m) => m.date));
  const anchor = meetings.reduce<string | undefined>(
    (latest, m) => (!latest || m.date > latest ? m.date : latest),
    undefined,
  );
  let from = today;
  for (let i = 0; i < 3; i++) {
    const date = nextDate(schedule, anchor, from, taken);
    if (!date) return undefined;
    const slot = slotOf(person, date, undefined, schedule, {});
    if (upcoming(slot)) return slot;
    from = toIsoDate(addDays(parseIsoDate(date)!, 1));
  }
  return undefined;
}

/** "in 2h 10m", "in 3d 4h", "now"; for a slot without a time "today", "tomorrow", "in 3 days". Undefined once it is over. */
export function countdown(slot: Slot, now: Date, today: string): string | undefined {
  if (slot.start && slot.end) {
    if (now >= slot.end) return undefined;
    if (now >= slot.start) return l10n.t('now');
    const minutes = Math.ceil((slot.start.getTime() - now.getTime()) / 60_000);
    if (minutes < 60) return l10n.t('in {0}m', minutes);
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return minutes % 60 === 0 ? l10n.t('in {0}h', hours) : l10n.t('in {0}h {1}m', hours, minutes % 60);
    const days = Math.floor(hours / 24);
    return hours % 24 === 0 ? l10n.t('in {0}d', days) : l10n.t('in {0}d {1}h', days, hours % 24);
  }
  const a = parseIsoDate(today);
  const b = parseIsoDate(slot.date);
  if (!a || !b) return undefined;
  const days = differenceInCalendarDays(b, a);
  if (days < 0) return undefined;
  return days === 0 ? l10n.t('today') : days === 1 ? l10n.t('tomorrow') : l10n.t('in {0} days', days);
}

/** The date after which a meeting dated `date` would be followed on the schedule: the next meeting's date. */
export function dateAfter(
  schedule: Schedule | undefined,
  date: string,
  today: string,
  skip: ReadonlySet<string> = new Set(),
): string | undefined {
  const from = date >= today ? date : today;
  const fallback: Schedule = { cadence: 'weekly', durationMinutes: DEFAULT_DURATION_MINUTES };
  return nextDate(schedule ?? fallback, date, from, skip);
}

/**
 * The date a new meeting should get: the next date on the schedule (weekly
 * when there is none) after the latest meeting, not before today and not a
 * date that has a meeting already. `dates` are the meetings', newest first.
 */
export function suggestMeetingDate(
  schedule: Schedule | undefined,
  dates: readonly (string | undefined)[],
  today: string,
): string {
  const taken = new Set(dates.map((d) => d ?? ''));
  return (
    nextDate(schedule ?? { cadence: 'weekly', durationMinutes: DEFAULT_DURATION_MINUTES }, dates[0], today, taken) ??
    today
  );
}

// When the next 1:1 is. A person's schedule comes from their front matter:
//
//   cadence: weekly | biweekly | monthly | an RFC 5545 RRULE
//   weekday: tuesday        time: "10:00"
//   duration: 30            timezone: Europe/Berlin
//
// Recurrence works on calendar dates (`YYYY-MM-DD`), so daylight-saving
// changes never move a meeting to another day; the wall-clock time is turned
// into an instant in the person's time zone only at the end. Plain cadences
// step with date-fns; RRULEs are expanded by the rrule library, in "floating"
// time (UTC fields read as wall-clock fields), which is how it stays correct
// across DST.

import { TZDate } from '@date-fns/tz';
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
import { RRule, RRuleSet, rrulestr } from 'rrule';
import { FrontMatterData } from './front-matter';
import { Cadence, isCadence, parseIsoDate, toIsoDate } from './dates';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const DEFAULT_DURATION_MINUTES = 30;
const CLOSED = new Set(['done', 'skipped', 'cancelled']);

export interface WallTime {
  readonly hour: number;
  readonly minute: number;
}

export interface Schedule {
  readonly cadence: Cadence | 'rrule';
  /** The RRULE text (with an optional DTSTART line) when `cadence` is 'rrule'. */
  readonly rule?: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday?: number;
  readonly time?: WallTime;
  readonly durationMinutes: number;
  /** IANA zone; the local zone when absent. */
  readonly timeZone?: string;
}

export interface ScheduleResult {
  /** Undefined when the person has no (valid) cadence. */
  readonly schedule: Schedule | undefined;
  /** What is wrong with the fields, keyed by field name. */
  readonly problems: readonly { readonly key: string; readonly message: string }[];
}

/** True when `text` reads as an RRULE rather than one of the plain cadences. */
export function looksLikeRRule(text: string): boolean {
  return /(^|\n)\s*(RRULE:)?\s*FREQ=/i.test(text);
}

export function parseRRule(text: string, dtstart?: Date): RRule | Error {
  try {
    const body = text.trim();
    const options = dtstart && !/DTSTART/i.test(body) ? { dtstart } : {};
    const rule = rrulestr(body, options);
    // An RRuleSet is also an RRule: test for it first.
    if (rule instanceof RRuleSet || !(rule instanceof RRule))
      return new Error('Only a single RRULE is supported (no RDATE or EXRULE).');
    // rrule loops forever on an INTERVAL that is not a positive whole number.
    const interval = rule.options.interval;
    if (!Number.isInteger(interval) || interval < 1) return new Error('INTERVAL should be a whole number, 1 or more.');
    const never = neverMatches(rule);
    if (never) return new Error(never);
    return rule;
  } catch (error) {
    return new Error(error instanceof Error ? error.message : String(error));
  }
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Rules that can never produce a date (February 30th, week 60): rrule would
 * search for one up to the year 9999, so they are refused up front.
 */
function neverMatches(rule: RRule): string | undefined {
  const o = rule.options;
  const list = (v: number | number[] | null | undefined): number[] =>
    v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
  if (list(o.byweekno).some((w) => w === 0 || Math.abs(w) > 53))
    return 'BYWEEKNO must be between 1 and 53 (or -53 and -1).';
  if (list(o.byyearday).some((d) => d === 0 || Math.abs(d) > 366))
    return 'BYYEARDAY must be between 1 and 366 (or -366 and -1).';
  const months = list(o.bymonth);
  const days = [...list(o.bymonthday), ...list(o.bynmonthday)];
  if (
    months.length > 0 &&
    days.length > 0 &&
    !months.some((m) => days.some((d) => Math.abs(d) <= MONTH_DAYS[m - 1]!))
  ) {
    return 'No month in BYMONTH has the days in BYMONTHDAY, so the rule never happens.';
  }
  return undefined;
}

export function parseWeekday(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v.length < 2) return undefined;
  const i = WEEKDAYS.findIndex((d) => d.startsWith(v));
  return i >= 0 ? i : undefined;
}

/** `10:00`, `9:30`, `14:05`, `9am`, `2:30 pm`. */
export function parseWallTime(value: unknown): WallTime | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$/i.exec(value);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[2] === undefined && !m[3]) return undefined;
  if (m[3]) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = m[3].toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/** Minutes, from `30`, `"45m"`, `"1h"`, `"1h30m"`, `"90 min"`. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value <= 24 * 60 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(?:(\d+)\s*h(?:ours?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?\s*$/i.exec(value);
  if (!m || (m[1] === undefined && m[2] === undefined))
    return /^\s*\d+\s*$/.test(value) ? parseDuration(Number(value)) : undefined;
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return minutes > 0 && minutes <= 24 * 60 ? minutes : undefined;
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value.trim() });
    return true;
  } catch {
    return false;
  }
}

/** Reads a person's schedule from their front matter, with a problem for each field that does not parse. */
export function scheduleOf(data: FrontMatterData): ScheduleResult {
  const problems: { key: string; message: string }[] = [];
  const raw = data['cadence'];
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  let cadence: Schedule['cadence'] | undefined;
  let rule: string | undefined;
  if (raw !== undefined && raw !== null) {
    if (text !== undefined && isCadence(text)) {
      cadence = text;
    } else if (text !== undefined && looksLikeRRule(text)) {
      const parsed = parseRRule(text, new Date(Date.UTC(2026, 0, 1)));
      if (parsed instanceof Error)
        problems.push({ key: 'cadence', message: `"cadence" is not a valid RRULE: ${parsed.message}` });
      else {
        cadence = 'rrule';
        rule = text;
      }
    } else {
      problems.push({
        key: 'cadence',
        message: '"cadence" should be weekly, biweekly, monthly or an RRULE such as FREQ=WEEKLY;INTERVAL=2;BYDAY=TU.',
      });
    }
  }
  const field = <T>(key: string, parse: (v: unknown) => T | undefined, message: string): T | undefined => {
    const v = data[key];
    if (v === undefined || v === null || v === '') return undefined;
    const parsed = parse(v);
    if (parsed === undefined) problems.push({ key, message });
    return parsed;
  };
  const weekday = field('weekday', parseWeekday, '"weekday" should be a day of the week, e.g. tuesday.');
  const time = field('time', parseWallTime, '"time" should be a time of day such as "10:00" or "2:30pm" (quote it).');
  const duration = field('duration', parseDuration, '"duration" should be minutes, e.g. 30, or "1h".');
  const timeZone = field(
    'timezone',
    (v) => (isTimeZone(v) ? (v as string).trim() : undefined),
    '"timezone" should be an IANA time zone such as Europe/Berlin.',
  );
  if (!cadence) return { schedule: undefined, problems };
  return {
    schedule: {
      cadence,
      ...(rule !== undefined ? { rule } : {}),
      ...(weekday !== undefined ? { weekday } : {}),
      ...(time ? { time } : {}),
      durationMinutes: duration ?? DEFAULT_DURATION_MINUTES,
      ...(timeZone ? { timeZone } : {}),
    },
    problems,
  };
}

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
  const ok = (d: Date): boolean => d >= min && (!start || d > start) && !skip.has(toIsoDate(d));
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
  const rule = parseRRule(schedule.rule ?? '', floating(start ?? min));
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

/** The wall time an RRULE's own DTSTART carries, when it has one. */
export function ruleTime(schedule: Schedule): WallTime | undefined {
  if (schedule.cadence !== 'rrule' || !/DTSTART[^\n]*T\d{4}/i.test(schedule.rule ?? '')) return undefined;
  const rule = parseRRule(schedule.rule ?? '');
  if (rule instanceof Error || !rule.options.dtstart) return undefined;
  const d = rule.options.dtstart;
  return { hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** The instant a wall-clock time on a date happens in a zone (the local zone without one). */
export function instantOf(date: string, time: WallTime, timeZone?: string): Date | undefined {
  const d = parseIsoDate(date);
  if (!d) return undefined;
  if (timeZone)
    return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), time.hour, time.minute, timeZone).getTime());
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), time.hour, time.minute);
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
}

function slotOf(
  person: string,
  date: string,
  path: string | undefined,
  schedule: Schedule | undefined,
  data: FrontMatterData,
): Slot {
  const time = parseWallTime(data['time']) ?? schedule?.time ?? (schedule ? ruleTime(schedule) : undefined);
  const duration = parseDuration(data['duration']) ?? schedule?.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  const zone = isTimeZone(data['timezone']) ? (data['timezone'] as string).trim() : schedule?.timeZone;
  const start = time ? instantOf(date, time, zone) : undefined;
  const end = start ? new Date(start.getTime() + duration * 60_000) : undefined;
  return { person, date, path, start, end };
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
  today: string,
): Slot | undefined {
  const open = meetings
    .filter((m) => m.date >= today && !CLOSED.has(m.status ?? ''))
    .sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
  for (const m of open) {
    const slot = slotOf(person, m.date, m.path, schedule, m.data);
    if (!slot.end || slot.end > now) return slot;
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
    if (!slot.end || slot.end > now) return slot;
    from = toIsoDate(addDays(parseIsoDate(date)!, 1));
  }
  return undefined;
}

/** "in 2h 10m", "in 3d 4h", "now"; for a slot without a time "today", "tomorrow", "in 3 days". Undefined once it is over. */
export function countdown(slot: Slot, now: Date, today: string): string | undefined {
  if (slot.start && slot.end) {
    if (now >= slot.end) return undefined;
    if (now >= slot.start) return 'now';
    const minutes = Math.ceil((slot.start.getTime() - now.getTime()) / 60_000);
    if (minutes < 60) return `in ${minutes}m`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return minutes % 60 === 0 ? `in ${hours}h` : `in ${hours}h ${minutes % 60}m`;
    const days = Math.floor(hours / 24);
    return hours % 24 === 0 ? `in ${days}d` : `in ${days}d ${hours % 24}h`;
  }
  const a = parseIsoDate(today);
  const b = parseIsoDate(slot.date);
  if (!a || !b) return undefined;
  const days = differenceInCalendarDays(b, a);
  if (days < 0) return undefined;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
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

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "weekly on Tue at 10:00", "every month on the 1st Thursday at 16:00": for the sidebar and pickers. */
export function describeSchedule(schedule: Schedule): string {
  let text: string;
  if (schedule.cadence === 'rrule') {
    const rule = parseRRule(schedule.rule ?? '', new Date(Date.UTC(2026, 0, 1)));
    text = rule instanceof Error ? 'custom' : rule.toText();
  } else {
    text = schedule.cadence === 'biweekly' ? 'every two weeks' : schedule.cadence;
    if (schedule.weekday !== undefined && schedule.cadence !== 'monthly') text += ` on ${SHORT_DAYS[schedule.weekday]}`;
  }
  const time = schedule.time ?? ruleTime(schedule);
  if (time) text += ` at ${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  return text;
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

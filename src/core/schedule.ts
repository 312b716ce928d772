// A person's schedule, read from their front matter:
//
//   cadence: weekly | biweekly | monthly | an RFC 5545 RRULE
//   weekday: tuesday        time: "10:00"
//   duration: 30            timezone: Europe/Berlin
//
// with a problem for each field that does not parse, and the schedule in
// words. The dates it gives are next-meeting.ts's.

import type { RRule } from 'rrule';
import { FrontMatterData } from './front-matter';
import { Cadence, isCadence } from './dates';
import { isTimeZone, parseWallTime, WallTime } from './wall-time';
import { exceptionsOf, ScheduleExceptions } from './schedule-exceptions';
import { l10n } from './l10n';
import { requireRRule, rruleFailure } from './rrule';

export { isTimeZone, parseWallTime, type WallTime } from './wall-time';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const DEFAULT_DURATION_MINUTES = 30;

export interface Schedule extends ScheduleExceptions {
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

/** The rule, or why not: an error of the rule, or rrule not loaded yet (noted as wanted: core/on-demand.ts). */
export function parseRRule(text: string, dtstart?: Date): RRule | Error {
  const lib = requireRRule();
  if (!lib) return new Error(rruleFailure() ?? l10n.t('the recurrence rules are still loading'));
  const { RRule, RRuleSet, rrulestr } = lib;
  try {
    const body = text.trim();
    const options = dtstart && !/DTSTART/i.test(body) ? { dtstart } : {};
    const rule = rrulestr(body, options);
    // An RRuleSet is also an RRule: test for it first.
    if (rule instanceof RRuleSet || !(rule instanceof RRule))
      return new Error(l10n.t('Only a single RRULE is supported (no RDATE or EXRULE).'));
    // rrule loops forever on an INTERVAL that is not a positive whole number.
    const interval = rule.options.interval;
    if (!Number.isInteger(interval) || interval < 1)
      return new Error(l10n.t('INTERVAL should be a whole number, 1 or more.'));
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
    return l10n.t('BYWEEKNO must be between 1 and 53 (or -53 and -1).');
  if (list(o.byyearday).some((d) => d === 0 || Math.abs(d) > 366))
    return l10n.t('BYYEARDAY must be between 1 and 366 (or -366 and -1).');
  const months = list(o.bymonth);
  const days = [...list(o.bymonthday), ...list(o.bynmonthday)];
  if (
    months.length > 0 &&
    days.length > 0 &&
    !months.some((m) => days.some((d) => Math.abs(d) <= MONTH_DAYS[m - 1]!))
  ) {
    return l10n.t('No month in BYMONTH has the days in BYMONTHDAY, so the rule never happens.');
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
        problems.push({ key: 'cadence', message: l10n.t('"cadence" is not a valid RRULE: {0}', parsed.message) });
      else {
        cadence = 'rrule';
        rule = text;
      }
    } else {
      problems.push({
        key: 'cadence',
        message: l10n.t(
          '"cadence" should be weekly, biweekly, monthly or an RRULE such as FREQ=WEEKLY;INTERVAL=2;BYDAY=TU.',
        ),
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
  const weekday = field('weekday', parseWeekday, l10n.t('"weekday" should be a day of the week, e.g. tuesday.'));
  const time = field(
    'time',
    parseWallTime,
    l10n.t('"time" should be a time of day such as "10:00" or "2:30pm" (quote it).'),
  );
  const duration = field('duration', parseDuration, l10n.t('"duration" should be minutes, e.g. 30, or "1h".'));
  const timeZone = field(
    'timezone',
    (v) => (isTimeZone(v) ? (v as string).trim() : undefined),
    l10n.t('"timezone" should be an IANA time zone such as Europe/Berlin.'),
  );
  const exceptions = exceptionsOf(data, problems);
  if (!cadence) return { schedule: undefined, problems };
  return {
    schedule: {
      ...exceptions,
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

/** The wall time an RRULE's own DTSTART carries, when it has one. */
export function ruleTime(schedule: Schedule): WallTime | undefined {
  if (schedule.cadence !== 'rrule' || !/DTSTART[^\n]*T\d{4}/i.test(schedule.rule ?? '')) return undefined;
  const rule = parseRRule(schedule.rule ?? '');
  if (rule instanceof Error || !rule.options.dtstart) return undefined;
  const d = rule.options.dtstart;
  return { hour: d.getUTCHours(), minute: d.getUTCMinutes() };
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

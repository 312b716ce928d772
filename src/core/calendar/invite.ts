// Reads a calendar invite (.ics) with ical.js into what the journal plans
// with: the series' start as a wall-clock date and time in its IANA zone, its
// RRULE, the dates it skips, its moved instances and extra dates, the call
// link and who is invited. Everything here is data: nothing in an invite is
// ever written to a file without being rendered as a YAML scalar.

import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import type { WallDateTime } from '../schedule-exceptions';
import { isTimeZone, WallTime } from '../wall-time';
import { icsProblem } from './ics-lines';
import { ianaOfWindowsZone } from './windows-zones';
import { callLinkOf } from './call-link';
import { l10n } from '../l10n';

// This file is the entry of dist/calendar.js; it shares core/l10n.ts with the main bundle (scripts/build.mjs),
// so the translator set at activation is already its own. setTranslator stays for a build without that sharing.
export { setTranslator } from '../l10n';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

export interface InvitePerson {
  readonly name?: string;
  readonly email?: string;
  readonly organizer: boolean;
}

export interface InviteEvent {
  readonly uid: string;
  readonly summary: string;
  readonly start: WallDateTime;
  /** IANA zone of the series; undefined for a floating or all-day event (the computer's zone). */
  readonly timeZone: string | undefined;
  /** Undefined for an all-day event. */
  readonly durationMinutes: number | undefined;
  /** The RRULE value, its UNTIL given as the zone's wall time; undefined for a single event. */
  readonly rule: string | undefined;
  /** Dates with no meeting: EXDATEs and cancelled instances. */
  readonly skip: readonly string[];
  /** Instances moved to another date or time (RECURRENCE-ID), by the date they were on. */
  readonly moved: readonly { readonly from: string; readonly to: WallDateTime }[];
  /** Extra dates (RDATE). */
  readonly extra: readonly WallDateTime[];
  readonly call: string | undefined;
  readonly people: readonly InvitePerson[];
  /** The whole event is cancelled (STATUS:CANCELLED on the series). */
  readonly cancelled: boolean;
}

export type InviteRead = { readonly events: readonly InviteEvent[] } | { readonly error: string };

class InviteError extends Error {}

/** Reads every event of an invite; an error names what is wrong (and the line, when one is). */
export function readInvite(text: string): InviteRead {
  const problem = icsProblem(text);
  if (problem) return { error: problem };
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, '')) as unknown[]);
  } catch (error) {
    return {
      error: l10n.t('The invite could not be read: {0}', error instanceof Error ? error.message : String(error)),
    };
  }
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  const vevents = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  if (vevents.length === 0)
    return { error: l10n.t('The invite has no event in it (no VEVENT). Export the meeting itself.') };
  try {
    const masters = vevents.filter((v) => !v.hasProperty('recurrence-id'));
    const events = masters.map((master) => {
      const uid = String(master.getFirstPropertyValue('uid') ?? '');
      const exceptions = vevents.filter(
        (v) => v !== master && v.hasProperty('recurrence-id') && String(v.getFirstPropertyValue('uid') ?? '') === uid,
      );
      return eventOf(master, exceptions);
    });
    if (events.length === 0)
      return {
        error: l10n.t('The invite holds only changes to single meetings, not the series. Export the whole series.'),
      };
    return { events };
  } catch (error) {
    if (error instanceof InviteError) return { error: error.message };
    return {
      error: l10n.t('The invite could not be read: {0}', error instanceof Error ? error.message : String(error)),
    };
  }
}

function eventOf(vevent: Component, exceptions: readonly Component[]): InviteEvent {
  const dtstart = vevent.getFirstProperty('dtstart');
  if (!dtstart) throw new InviteError(l10n.t("The invite's event has no start (DTSTART)."));
  const startTime = dtstart.getFirstValue() as Time;
  const timeZone = startTime.isDate ? undefined : zoneOf(dtstart, startTime);
  const start = wallIn(dtstart, startTime, timeZone);
  const event = new ICAL.Event(vevent);
  const durationMinutes = startTime.isDate ? undefined : Math.round(event.duration.toSeconds() / 60) || undefined;
  const rules = vevent.getAllProperties('rrule');
  if (rules.length > 1) throw new InviteError(l10n.t('The invite repeats by several RRULEs; only one is supported.'));
  const recur = rules[0]?.getFirstValue() as InstanceType<typeof ICAL.Recur> | undefined;
  const rule = recur ? ruleText(recur, rules[0]!, timeZone) : undefined;
  const skip = new Set<string>();
  for (const p of vevent.getAllProperties('exdate'))
    for (const v of p.getValues() as Time[]) skip.add(wallIn(p, v, timeZone).date);
  const extra: WallDateTime[] = [];
  for (const p of vevent.getAllProperties('rdate')) {
    for (const v of p.getValues() as unknown[]) {
      const time = v instanceof ICAL.Period ? v.start : (v as Time);
      extra.push(wallIn(p, time, timeZone));
    }
  }
  const moved: { from: string; to: WallDateTime }[] = [];
  for (const exception of exceptions) {
    const rid = exception.getFirstProperty('recurrence-id')!;
    const from = wallIn(rid, rid.getFirstValue() as Time, timeZone);
    const status = String(exception.getFirstPropertyValue('status') ?? '').toUpperCase();
    if (status === 'CANCELLED') {
      skip.add(from.date);
      continue;
    }
    const p = exception.getFirstProperty('dtstart');
    const to = p ? wallIn(p, p.getFirstValue() as Time, timeZone) : from;
    if (to.date !== from.date || !sameTime(to.time, from.time)) moved.push({ from: from.date, to });
  }
  return {
    uid: String(vevent.getFirstPropertyValue('uid') ?? ''),
    summary: String(vevent.getFirstPropertyValue('summary') ?? '').trim(),
    start,
    timeZone,
    durationMinutes,
    rule,
    skip: [...skip].sort(),
    moved: moved.sort((a, b) => a.from.localeCompare(b.from)),
    extra: extra.sort((a, b) => a.date.localeCompare(b.date)),
    call: callLinkOf(vevent),
    people: peopleOf(vevent),
    cancelled: String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
  };
}

function sameTime(a: WallTime | undefined, b: WallTime | undefined): boolean {
  return a?.hour === b?.hour && a?.minute === b?.minute;
}

/** An IANA name for a TZID as calendars write it: IANA, a Windows name, or a vendor prefix before an IANA name. */
export function ianaZone(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const windows = ianaOfWindowsZone(name);
  if (windows) return windows;
  if (/^(UTC|GMT|Z)$/i.test(name)) return 'UTC';
  if (name.includes('/') || name === 'UTC') {
    // "/mozilla.org/20050126_1/America/New_York", "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin"
    const parts = name.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const candidate = parts.slice(i).join('/');
      if (candidate.includes('/') && isTimeZone(candidate)) return candidate;
    }
  }
  return undefined;
}

function zoneOf(property: Property, time: Time): string | undefined {
  if (isUtc(time)) return 'UTC';
  const tzid = property.getParameter('tzid');
  if (typeof tzid !== 'string' || tzid === '') return undefined;
  const zone = ianaZone(tzid);
  if (!zone)
    throw new InviteError(
      l10n.t(
        'The invite\'s time zone "{0}" is not one 1:1 Journal knows (an IANA name such as Europe/Berlin, or a Windows name such as W. Europe Standard Time). Change TZID in the file to one, and import it again.',
        tzid,
      ),
    );
  return zone;
}

function isUtc(time: Time): boolean {
  return time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC';
}

function wallOf(time: Time): WallDateTime {
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  return time.isDate ? { date } : { date, time: { hour: time.hour, minute: time.minute } };
}

/** A time of a property as the wall-clock date and time in `target` (the computer's zone when undefined). */
function wallIn(property: Property, time: Time, target: string | undefined): WallDateTime {
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  if (time.isDate) return { date };
  const source = isUtc(time) ? 'UTC' : zoneOf(property, time);
  if (source === target || source === undefined) return { date, time: { hour: time.hour, minute: time.minute } };
  const instant =
    source === 'UTC'
      ? Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second)
      : new TZDate(time.year, time.month - 1, time.day, time.hour, time.minute, time.second, source).getTime();
  const there = target ? new TZDate(instant, target) : new Date(instant);
  return {
    date: `${pad(there.getFullYear(), 4)}-${pad(there.getMonth() + 1)}-${pad(there.getDate())}`,
    time: { hour: there.getHours(), minute: there.getMinutes() },
  };
}

/** The RRULE as ical.js writes it back, with UNTIL as the series zone's wall time (the journal plans in wall time). */
function ruleText(recur: InstanceType<typeof ICAL.Recur>, property: Property, zone: string | undefined): string {
  const text = recur.toString();
  if (!recur.until) return text;
  // A floating or all-day series has no zone to convert a UTC UNTIL into: its own date and time are taken as written.
  const until = zone === undefined ? wallOf(recur.until) : wallIn(property, recur.until, zone);
  const compact = until.date.replace(/-/g, '');
  const value = until.time
    ? `${compact}T${pad(until.time.hour)}${pad(until.time.minute)}${pad(recur.until.second)}`
    : compact;
  return text.replace(/UNTIL=[^;]*/, `UNTIL=${value}`);
}

function peopleOf(vevent: Component): InvitePerson[] {
  const out: InvitePerson[] = [];
  const add = (p: Property, organizer: boolean): void => {
    const value = String(p.getFirstValue() ?? '');
    const email = /^mailto:/i.test(value) ? value.replace(/^mailto:/i, '').trim() : undefined;
    const cn = p.getParameter('cn');
    const name = typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : undefined;
    if (!email && !name) return;
    // The organizer is usually an attendee too: listed once.
    const seen = out.find(
      (o) => (email && o.email?.toLowerCase() === email.toLowerCase()) || (!email && o.name === name),
    );
    if (!seen) out.push({ ...(name ? { name } : {}), ...(email ? { email } : {}), organizer });
  };
  for (const p of vevent.getAllProperties('organizer')) add(p, true);
  for (const p of vevent.getAllProperties('attendee')) add(p, false);
  return out;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// A time of day on the wall clock and the zone it is in, as front matter and
// invites write them, and the instants and dates they make in a zone.

import { TZDate } from '@date-fns/tz';
import { parseIsoDate } from './dates';

export interface WallTime {
  readonly hour: number;
  readonly minute: number;
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

/** True for a time zone Intl knows (an IANA name such as Europe/Berlin). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value.trim() });
    return true;
  } catch {
    return false;
  }
}

/** The date it is at `now` in `timeZone` (`YYYY-MM-DD`). */
export function todayIn(timeZone: string, now: Date): string {
  const there = new TZDate(now.getTime(), timeZone);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${there.getFullYear()}-${pad(there.getMonth() + 1)}-${pad(there.getDate())}`;
}

/** The instant a wall-clock time on a date happens in a zone (the local zone without one). */
export function instantOf(date: string, time: WallTime, timeZone?: string): Date | undefined {
  const d = parseIsoDate(date);
  if (!d) return undefined;
  if (timeZone)
    return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), time.hour, time.minute, timeZone).getTime());
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), time.hour, time.minute);
}

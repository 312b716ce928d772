// The parts of a schedule a calendar invite brings beyond its rule, kept in a
// person's front matter in a form a person can still edit by hand:
//
//   starts: 2026-01-06                        the series' first date (its DTSTART)
//   skip: 2026-12-22, 2027-01-05              dates with no meeting
//   moved: 2026-12-15 to 2026-12-16 14:00     one meeting on another date or time
//   extra: 2027-02-03 15:00                   a date the rule does not give
//   call: https://meet.google.com/abc-defg-hij
//
// Lists are written comma-separated on one line; a YAML list is read too.

import { isIsoDate } from './dates';
import { FrontMatterData } from './front-matter';
import { parseWallTime, WallTime } from './wall-time';
import { callUrl } from './calendar/call-url';
import { l10n } from './l10n';

export interface WallDateTime {
  readonly date: string;
  readonly time?: WallTime;
}

export interface ScheduleExceptions {
  readonly starts?: string;
  readonly skip?: ReadonlySet<string>;
  /** Moved meetings by the date they were on. */
  readonly moved?: ReadonlyMap<string, WallDateTime>;
  readonly extra?: readonly WallDateTime[];
  readonly call?: string;
}

type Problem = { key: string; message: string };

function entries(value: unknown): string[] | undefined {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v) => v.trim());
  return undefined;
}

/** `2026-12-16` or `2026-12-16 14:00`. */
export function parseWallDateTime(text: string): WallDateTime | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\s+(\S.*))?$/.exec(text.trim());
  if (!m || !isIsoDate(m[1]!)) return undefined;
  if (m[2] === undefined) return { date: m[1]! };
  const time = parseWallTime(m[2]);
  return time ? { date: m[1]!, time } : undefined;
}

export function formatWallDateTime(w: WallDateTime): string {
  if (!w.time) return w.date;
  return `${w.date} ${String(w.time.hour).padStart(2, '0')}:${String(w.time.minute).padStart(2, '0')}`;
}

const MOVED = /^(\d{4}-\d{2}-\d{2})\s*(?:to|->|→)\s*(.+)$/i;

/** Reads starts, skip, moved, extra and call, with a problem for each that does not parse. */
export function exceptionsOf(data: FrontMatterData, problems: Problem[]): ScheduleExceptions {
  const out: {
    starts?: string;
    skip?: Set<string>;
    moved?: Map<string, WallDateTime>;
    extra?: WallDateTime[];
    call?: string;
  } = {};
  const present = (key: string): boolean => data[key] !== undefined && data[key] !== null && data[key] !== '';
  if (present('starts')) {
    const v = data['starts'];
    if (typeof v === 'string' && isIsoDate(v.trim())) out.starts = v.trim();
    else problems.push({ key: 'starts', message: l10n.t('"starts" should be the date the series began, YYYY-MM-DD.') });
  }
  if (present('skip')) {
    const list = entries(data['skip']);
    if (list && list.every(isIsoDate)) out.skip = new Set(list);
    else problems.push({ key: 'skip', message: l10n.t('"skip" should be dates, YYYY-MM-DD, separated by commas.') });
  }
  if (present('moved')) {
    const list = entries(data['moved']);
    const moved = new Map<string, WallDateTime>();
    for (const item of list ?? []) {
      const m = MOVED.exec(item);
      const to = m ? parseWallDateTime(m[2]!) : undefined;
      if (m && to && isIsoDate(m[1]!)) moved.set(m[1]!, to);
    }
    if (list && moved.size === list.length) out.moved = moved;
    else
      problems.push({
        key: 'moved',
        message: l10n.t('"moved" should be "YYYY-MM-DD to YYYY-MM-DD HH:MM" entries, separated by commas.'),
      });
  }
  if (present('extra')) {
    const list = entries(data['extra']);
    const extra = (list ?? []).map(parseWallDateTime);
    if (list && extra.every((e) => e !== undefined)) out.extra = extra as WallDateTime[];
    else
      problems.push({
        key: 'extra',
        message: l10n.t('"extra" should be dates (YYYY-MM-DD HH:MM), separated by commas.'),
      });
  }
  // `call` may be a phone number or a room someone wrote by hand: only an https link is a link to join.
  const call = data['call'];
  const url = typeof call === 'string' ? callUrl(call, true) : undefined;
  if (url && url === (call as string).trim()) out.call = url;
  return out;
}

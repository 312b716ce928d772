// What importing an invite changes in a person's front matter, and the
// edits that do it: only the keys whose meaning changed, so importing the
// same invite twice changes nothing and an updated invite changes only what
// it updated. Skipped, moved and extra dates already past are not written:
// planning starts today (the day before counts: the invite's zone may be on it).

import { addDays } from 'date-fns';
import { parseIsoDate, toIsoDate } from '../dates';
import { JournalDocument, parseDocument } from '../document';
import { EditResult, sequence } from '../edits';
import { FrontMatterData } from '../front-matter';
import { removeField, setField } from '../front-matter-edits';
import { applyEdits, Line, TextEdit } from '../text';
import { nextDate } from '../next-meeting';
import { parseDuration, parseRRule, scheduleOf } from '../schedule';
import { exceptionsOf, formatWallDateTime, WallDateTime } from '../schedule-exceptions';
import { parseWallTime, WallTime } from '../wall-time';
import type { InviteEvent } from './invite';
import { l10n } from '../l10n';

/** A key's new value; undefined removes the key. */
export type InviteField = readonly [key: string, value: string | number | undefined];

export type InvitePlan =
  | { readonly kind: 'fields'; readonly fields: readonly InviteField[] }
  | { readonly kind: 'single'; readonly start: WallDateTime }
  | { readonly kind: 'refused'; readonly message: string };

function hhmm(t: WallTime): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** The front-matter values an invite stands for, as of `today` (the computer's date). */
export function inviteValues(event: InviteEvent, today: string): Record<string, string | number | undefined> {
  const from = cutoff(today);
  const upcoming = (date: string): boolean => date >= from;
  const moved = event.moved.filter((m) => upcoming(m.from) || upcoming(m.to.date));
  const skip = event.skip.filter(upcoming);
  const extra = event.extra.filter((e) => upcoming(e.date));
  return {
    cadence: event.rule,
    starts: event.start.date,
    weekday: undefined,
    time: event.start.time ? hhmm(event.start.time) : undefined,
    ...(event.durationMinutes !== undefined ? { duration: event.durationMinutes } : {}),
    timezone: event.timeZone,
    skip: skip.length > 0 ? skip.join(', ') : undefined,
    moved: moved.length > 0 ? moved.map((m) => `${m.from} to ${formatWallDateTime(m.to)}`).join(', ') : undefined,
    extra: extra.length > 0 ? extra.map(formatWallDateTime).join(', ') : undefined,
    ...(event.call ? { call: event.call } : {}),
  };
}

/** What importing `event` into a person whose front matter is `data` changes, or why it does not. */
export function planInvite(event: InviteEvent, data: FrontMatterData, today: string): InvitePlan {
  if (event.cancelled)
    return { kind: 'refused', message: l10n.t('The invite cancels the meeting series; nothing was changed.') };
  if (!event.rule) return { kind: 'single', start: event.start };
  const values = inviteValues(event, today);
  const after = scheduleOf({ ...data, ...values }).schedule;
  if (!after) return { kind: 'refused', message: l10n.t("The invite's rule ({0}) could not be used.", event.rule) };
  if (nextDate(after, undefined, today) === undefined) {
    const last = lastDate(event, today);
    return {
      kind: 'refused',
      message: last
        ? l10n.t(
            "The invite's series has ended (its last meeting was on {0}); nothing was changed. Export the current invite from your calendar.",
            last,
          )
        : l10n.t("The invite's series has ended; nothing was changed. Export the current invite from your calendar."),
    };
  }
  const fields: InviteField[] = [];
  for (const [key, value] of Object.entries(values)) if (!same(key, data, value, today)) fields.push([key, value]);
  return { kind: 'fields', fields };
}

/** The series' last date before today, as far as the rule goes. */
function lastDate(event: InviteEvent, today: string): string | undefined {
  const start = parseIsoDate(event.start.date);
  const end = parseIsoDate(today);
  if (!start || !end) return undefined;
  const time = event.start.time ?? { hour: 0, minute: 0 };
  const floating = (d: Date, hour: number, minute: number): Date =>
    new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), hour, minute));
  const rule = parseRRule(event.rule ?? '', floating(start, time.hour, time.minute));
  if (rule instanceof Error) return undefined;
  const last = rule.before(floating(addDays(end, 1), 0, 0), false);
  return last ? toIsoDate(new Date(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate())) : undefined;
}

/** True when the front matter already says what `value` says for `key` (upcoming dates only, for the lists). */
function same(key: string, data: FrontMatterData, value: string | number | undefined, today: string): boolean {
  const current = data[key];
  if (key === 'skip' || key === 'moved' || key === 'extra') {
    const listed = (d: FrontMatterData): string => upcomingOf(key, d, today);
    return listed(data) === listed(value === undefined ? {} : { [key]: value });
  }
  if (value === undefined) return current === undefined || current === null || current === '';
  if (current === undefined || current === null) return false;
  switch (key) {
    case 'time':
      return hhmmOf(parseWallTime(current)) === value;
    case 'duration':
      return parseDuration(current) === value;
    default:
      return typeof current === 'string' && current.trim() === String(value);
  }
}

function hhmmOf(t: WallTime | undefined): string | undefined {
  return t ? hhmm(t) : undefined;
}

/**
 * The first date whose skipped, moved and extra meetings are written: the day
 * before this computer's today, since the invite's zone may still be on it
 * (planning counts from the zone's today).
 */
function cutoff(today: string): string {
  const d = parseIsoDate(today);
  return d ? toIsoDate(addDays(d, -1)) : today;
}

function upcomingOf(key: string, data: FrontMatterData, today: string): string {
  today = cutoff(today);
  const problems: { key: string; message: string }[] = [];
  const e = exceptionsOf({ [key]: data[key] }, problems);
  if (problems.length > 0) return `invalid:${JSON.stringify(data[key])}`;
  if (key === 'skip')
    return [...(e.skip ?? [])]
      .filter((d) => d >= today)
      .sort()
      .join(',');
  if (key === 'moved')
    return [...(e.moved ?? [])]
      .filter(([from, to]) => from >= today || to.date >= today)
      .map(([from, to]) => `${from}>${formatWallDateTime(to)}`)
      .sort()
      .join(',');
  return (e.extra ?? [])
    .filter((w) => w.date >= today)
    .map(formatWallDateTime)
    .sort()
    .join(',');
}

/**
 * The edits that write `fields` into a person file (one change; undo takes it
 * all back): a value replaced where it stands, a key removed with its line,
 * a new key added before the closing `---`. Where two of those touch (a line
 * removed just above a line added), one edit spans the front-matter lines
 * that changed; the rest of the file is never part of it.
 */
export function inviteEdits(doc: JournalDocument, fields: readonly InviteField[]): EditResult {
  // A key written by hand as a YAML list (`skip:` then `- 2027-01-12` lines) is replaced by one line: removed, then set.
  const isList = (d: JournalDocument, key: string): boolean => typeof d.data[key] === 'object' && d.data[key] !== null;
  const steps = fields.flatMap(([key, value]) => [
    (d: JournalDocument): EditResult => (value === undefined || isList(d, key) ? removeField(d, key) : { edits: [] }),
    (d: JournalDocument): EditResult => (value === undefined ? { edits: [] } : setField(d, key, value)),
  ]);
  const separate = sequence(doc, steps);
  if (!('error' in separate)) return separate;
  let text = (doc.source.bom ? '\uFEFF' : '') + doc.source.text;
  for (const step of steps) {
    const result = step(parseDocument(text));
    if ('error' in result) return result;
    text = applyEdits(text, result.edits);
  }
  return { edits: [changedLines(doc.source.lines, parseDocument(text).source.lines)] };
}

/** One edit replacing the lines between the common first and last lines of `before` and `after`. */
function changedLines(before: readonly Line[], after: readonly Line[]): TextEdit {
  const same = (a: Line | undefined, b: Line | undefined): boolean =>
    !!a && !!b && a.text === b.text && a.eol === b.eol;
  let head = 0;
  while (head < before.length && head < after.length && same(before[head], after[head])) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    same(before[before.length - 1 - tail], after[after.length - 1 - tail])
  )
    tail++;
  const newText = after
    .slice(head, after.length - tail)
    .map((l) => l.text + l.eol)
    .join('');
  return { range: { start: { line: head, character: 0 }, end: { line: before.length - tail, character: 0 } }, newText };
}

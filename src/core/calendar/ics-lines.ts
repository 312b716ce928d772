// The first look at an invite file, before ical.js reads it: is it a
// calendar at all, and which line is malformed. ical.js's own errors name no
// line, and a person fixing an exported file needs one.

import { l10n } from '../l10n';

export interface IcsLine {
  /** 1-based number of the line the (unfolded) content line starts on. */
  readonly line: number;
  readonly text: string;
}

/** Content lines with RFC 5545 folding undone (a line starting with a space or tab continues the one before). */
export function unfold(text: string): IcsLine[] {
  const out: { line: number; text: string }[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  raw.forEach((physical, i) => {
    const last = out[out.length - 1];
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && last) last.text += physical.slice(1);
    else out.push({ line: i + 1, text: physical });
  });
  return out.filter((l) => l.text.trim() !== '');
}

/** The property name and where its value starts, or undefined for a line that is not `NAME;PARAM=…:value`. */
export function splitContentLine(text: string): { name: string; valueAt: number } | undefined {
  const name = /^[A-Za-z0-9-]+/.exec(text)?.[0];
  if (!name) return undefined;
  let quoted = false;
  for (let i = name.length; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ':') return { name: name.toUpperCase(), valueAt: i + 1 };
    else if (i === name.length && c !== ';') return undefined;
  }
  return undefined;
}

/** Why the text is not a calendar ical.js can read, naming the line; undefined when it looks like one. */
export function icsProblem(text: string): string | undefined {
  const lines = unfold(text);
  if (!lines.some((l) => /^BEGIN:VCALENDAR\s*$/i.test(l.text)))
    return l10n.t(
      'This is not a calendar file: it has no BEGIN:VCALENDAR line. Export the invite as .ics from your calendar.',
    );
  const open: string[] = [];
  for (const { line, text: content } of lines) {
    const split = splitContentLine(content);
    if (!split)
      return l10n.t(
        'Line {0} of the invite is malformed: "{1}" is not NAME:value. Fix or remove that line and import it again.',
        line,
        preview(content),
      );
    const value = content.slice(split.valueAt).trim().toUpperCase();
    const wrong = valueProblem(split.name, content.slice(split.valueAt).trim());
    if (wrong)
      return l10n.t('Line {0} of the invite is malformed: {1}. Fix that line and import it again.', line, wrong);
    if (split.name === 'BEGIN') open.push(value);
    if (split.name === 'END') {
      if (open.pop() !== value)
        return l10n.t(
          'Line {0} of the invite is malformed: END:{1} does not close the block opened before it.',
          line,
          value,
        );
    }
  }
  if (open.length > 0) return l10n.t('The invite ends before END:{0}; the file looks cut off.', open[open.length - 1]);
  return undefined;
}

const DATE_TIME = '\\d{8}(?:T\\d{6}Z?)?';
const DATES = new RegExp(`^${DATE_TIME}(?:,${DATE_TIME})*$`);
const PERIODS = new RegExp(`^${DATE_TIME}(?:/[^,]+)?(?:,${DATE_TIME}(?:/[^,]+)?)*$`);
const DURATION = /^[+-]?P(?:\d+W|\d+D(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?|T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)$/;
const FREQ = /(?:^|;)FREQ=(?:SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(?:;|$)/i;

/** What is wrong with the value of a property the journal plans with, in words; undefined when it reads. */
function valueProblem(name: string, value: string): string | undefined {
  switch (name) {
    case 'DTSTART':
    case 'DTEND':
    case 'RECURRENCE-ID':
    case 'EXDATE':
      return DATES.test(value)
        ? undefined
        : l10n.t('{0} "{1}" is not a date or date-time (YYYYMMDD or YYYYMMDDTHHMMSS)', name, preview(value));
    case 'RDATE':
      return PERIODS.test(value)
        ? undefined
        : l10n.t('RDATE "{0}" is not a list of dates or date-times', preview(value));
    case 'DURATION':
      return DURATION.test(value)
        ? undefined
        : l10n.t('DURATION "{0}" is not a duration such as PT30M', preview(value));
    case 'RRULE': {
      if (!FREQ.test(value))
        return l10n.t(
          'RRULE "{0}" has no FREQ of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY',
          preview(value),
        );
      const until = /(?:^|;)UNTIL=([^;]*)/i.exec(value)?.[1];
      if (until !== undefined && !new RegExp(`^${DATE_TIME}$`).test(until))
        return l10n.t('the RRULE\'s UNTIL "{0}" is not a date or date-time', until);
      const number = /(?:^|;)(COUNT|INTERVAL)=([^;]*)/gi;
      for (const m of value.matchAll(number))
        if (!/^\d+$/.test(m[2]!))
          return l10n.t('the RRULE\'s {0} "{1}" is not a whole number', m[1]!.toUpperCase(), m[2]);
      return undefined;
    }
    default:
      return undefined;
  }
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

// Calendar dates as the journal writes them (`YYYY-MM-DD`, no time zone).
// Arithmetic goes through date-fns on local midnights; reading a date does
// not: indexing checks two or three dates per file, and date-fns' parse and
// format cost about 20 µs each time, against well under one for the digits.

import { format } from 'date-fns';

export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export const CADENCES: readonly Cadence[] = ['weekly', 'biweekly', 'monthly'];

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` is a real `YYYY-MM-DD` date (year 0001 to 9999, Gregorian). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || !ISO.test(text)) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The local midnight of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function parseIsoDate(text: string): Date | undefined {
  if (!isIsoDate(text)) return undefined;
  const date = new Date(2000, 0, 1);
  // setFullYear, not the constructor: `new Date(99, …)` would mean 1999.
  date.setFullYear(digits(text, 0, 4), digits(text, 5, 7) - 1, digits(text, 8, 10));
  date.setHours(0, 0, 0, 0);
  return date;
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function isCadence(value: unknown): value is Cadence {
  return typeof value === 'string' && (CADENCES as readonly string[]).includes(value);
}

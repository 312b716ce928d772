// Calendar dates as the journal writes them (`YYYY-MM-DD`, no time zone).
// All arithmetic goes through date-fns on local midnights.

import { addMonths, addWeeks, format, isValid, parse } from 'date-fns';

export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export const CADENCES: readonly Cadence[] = ['weekly', 'biweekly', 'monthly'];

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function parseIsoDate(text: string): Date | undefined {
  if (!ISO.test(text)) return undefined;
  const date = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(date) && format(date, 'yyyy-MM-dd') === text ? date : undefined;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function isCadence(value: unknown): value is Cadence {
  return typeof value === 'string' && (CADENCES as readonly string[]).includes(value);
}

/**
 * The date the next meeting should have: one cadence step after the last
 * meeting, moved forward by whole steps until it is not before `today`.
 * Without a last meeting, today.
 */
export function nextOnCadence(last: string | undefined, cadence: Cadence | undefined, today: string): string {
  const start = last ? parseIsoDate(last) : undefined;
  const now = parseIsoDate(today);
  if (!now) throw new Error(`not a date: ${today}`);
  if (!start) return today;
  // Step k from the original date (not from the previous step), so monthly
  // meetings on the 31st stay on month ends: Jan 31 → Feb 28 → Mar 31.
  const at = (k: number): Date =>
    cadence === 'monthly' ? addMonths(start, k) : cadence === 'biweekly' ? addWeeks(start, 2 * k) : addWeeks(start, k);
  let k = 1;
  let next = at(k);
  // Bounded: a very old last meeting cannot loop for long (weekly over 50 years is ~2,600 steps).
  while (next < now && k < 5000) next = at(++k);
  return toIsoDate(next < now ? now : next);
}

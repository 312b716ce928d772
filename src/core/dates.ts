// Calendar dates as the journal writes them (`YYYY-MM-DD`, no time zone).
// All arithmetic goes through date-fns on local midnights.

import { format, isValid, parse } from 'date-fns';

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

// The order a journal is read in when it opens: what the views show first
// comes first, so rows appear while the rest is still being read.

import { classify } from './layout';

/**
 * Everything but meetings first (goals, feedback, templates: a few files the
 * other views need whole), then meetings newest first by the date in their
 * names: the next meeting and the latest ones are the rows a person shows.
 */
export function loadOrder(paths: readonly string[]): string[] {
  const meetings: { path: string; date: string }[] = [];
  const others: string[] = [];
  for (const path of paths) {
    const c = classify(path);
    if (c.kind === 'meeting') meetings.push({ path, date: c.date! });
    else others.push(path);
  }
  meetings.sort((a, b) => descending(a.date, b.date) || descending(a.path, b.path));
  return [...others, ...meetings.map((m) => m.path)];
}

function descending(a: string, b: string): number {
  return a === b ? 0 : a < b ? 1 : -1;
}

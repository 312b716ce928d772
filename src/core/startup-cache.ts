// What the journal keeps between sessions so that the Meetings tree has its
// rows the moment the extension starts, before any file is read or parsed:
// the index's entry of each person file (its front matter as data: name,
// role, cadence), never the notes below it. The host keeps it in the
// workspace's state; the full read at every start confirms or corrects it.

import { JournalEntry } from './journal-entry';
import { classify } from './layout';

/** Bumped when what is kept changes meaning: an older cache is then ignored. */
export const STARTUP_CACHE_VERSION = 1;
/** A person whose entry is larger than this (as JSON) is not kept: their row waits for the file. */
export const MAX_CACHED_ENTRY = 8 * 1024;
const MAX_CACHED_PEOPLE = 500;

export interface StartupCache {
  readonly version: number;
  /** The version of the code that made it: entries are its index's, so another version's are ignored. */
  readonly code: string;
  /** The journal folder it was made for (a URI's `toString()`): a cache of another folder is ignored. */
  readonly root: string;
  /** The person files' entries, by path. */
  readonly people: readonly JournalEntry[];
}

/** The value to keep for these person entries; undefined when there is nothing worth keeping. */
export function startupCacheOf(root: string, code: string, entries: Iterable<JournalEntry>): StartupCache | undefined {
  const people = [...entries]
    .filter(
      (e) =>
        e.kind === 'person' && isPersonPath(e.path) && isJsonSafe(e) && JSON.stringify(e).length <= MAX_CACHED_ENTRY,
    )
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (people.length === 0 || people.length > MAX_CACHED_PEOPLE) return undefined;
  return { version: STARTUP_CACHE_VERSION, code, root, people };
}

/**
 * The person entries of a kept value made for `root` by this `code`;
 * undefined when it is missing, of another folder or version, or anything
 * in it is not shaped like a person's entry.
 */
export function readStartupCache(value: unknown, root: string, code: string): JournalEntry[] | undefined {
  if (!isObject(value)) return undefined;
  const cache = value as Partial<StartupCache>;
  if (
    cache.version !== STARTUP_CACHE_VERSION ||
    cache.code !== code ||
    cache.root !== root ||
    !Array.isArray(cache.people)
  )
    return undefined;
  if (cache.people.length === 0 || cache.people.length > MAX_CACHED_PEOPLE) return undefined;
  const seen = new Set<string>();
  for (const entry of cache.people as unknown[]) {
    if (!isPersonEntry(entry) || seen.has(entry.path)) return undefined;
    seen.add(entry.path);
  }
  return cache.people;
}

/** Two entries of the index say the same (they are plain data: JSON compares them, numbers JSON has no word for included). */
export function sameEntry(a: unknown, b: unknown): boolean {
  return (
    a === b ||
    (a !== undefined && b !== undefined && JSON.stringify(a, exactNumbers) === JSON.stringify(b, exactNumbers))
  );
}

function exactNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))
    ? `number:${Object.is(value, -0) ? '-0' : String(value)}`
    : value;
}

/** Comes back the same from the workspace's state (a JSON round trip): front matter can hold `.inf` or `-0`, which would not. */
function isJsonSafe(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonSafe);
  if (
    typeof value !== 'object' ||
    (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
  )
    return false;
  return Object.values(value).every(isJsonSafe);
}

/** Enough of a person entry's shape that the views and commands can use it like one the index made. */
function isPersonEntry(value: unknown): value is JournalEntry {
  if (!isObject(value)) return false;
  const e = value as Record<string, unknown>;
  if (typeof e['path'] !== 'string' || !isPersonPath(e['path']) || e['kind'] !== 'person') return false;
  if (e['slug'] !== classify(e['path']).slug || typeof e['title'] !== 'string' || !isObject(e['data'])) return false;
  if (e['status'] !== undefined && typeof e['status'] !== 'string') return false;
  if (!Array.isArray(e['problems']) || !e['problems'].every(isProblem)) return false;
  for (const list of ['agenda', 'actions', 'wins', 'goals'])
    if (!Array.isArray(e[list]) || (e[list] as unknown[]).length > 0) return false;
  if (e['openActionItems'] !== 0 || e['person'] !== undefined || e['date'] !== undefined) return false;
  const schedule = e['schedule'];
  if (
    schedule !== undefined &&
    !(isObject(schedule) && typeof schedule['cadence'] === 'string' && typeof schedule['durationMinutes'] === 'number')
  )
    return false;
  return JSON.stringify(value).length <= MAX_CACHED_ENTRY;
}

function isProblem(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value['message'] === 'string' &&
    typeof value['line'] === 'number' &&
    (value['severity'] === 'error' || value['severity'] === 'warning')
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPersonPath(path: string): boolean {
  return !path.split('/').some((s) => s === '' || s === '.' || s === '..') && classify(path).kind === 'person';
}

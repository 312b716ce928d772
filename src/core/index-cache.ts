// The index kept between sessions, so that a returning start reads and parses
// only the files that changed. Each file's entry is kept with what says
// whether the file is still the one it was made from: its size and
// modification time, or, where the time cannot be trusted (a file system
// that reports none, or a file written moments before it was read), a hash of
// its text. An entry is trusted again only when a fresh stat of its file
// matches (or its text hashes the same); anything else is read and parsed.
// The cache is one JSON text, ASCII only (quick to decode), made for one
// journal folder, one version of the code and one display language (problems
// are in it): any other, or anything malformed, is ignored.
//
// Pure: the host (host/journal-store/index-cache.ts) stats, reads and writes.

import { decodeEntry, encodeEntry } from './index-cache-entry';
import { JournalEntry } from './journal-entry';

export const INDEX_CACHE_FORMAT = 'one-on-one-journal/index';
/** Bumped when what is kept changes meaning: a cache of another version is then ignored. */
export const INDEX_CACHE_VERSION = 3;
/**
 * A file modified this close to the moment it was read may have changed again
 * within the same tick of a coarse clock (FAT keeps 2 s) without its time
 * changing: its time is not trusted, its text's hash is.
 */
export const MTIME_MARGIN_MS = 2000;

/** What a cache was made for: it is used only for the same. */
export interface IndexCacheKey {
  /** The journal folder (a URI's `toString()`). */
  readonly root: string;
  /** The version of the code: entries are its index's. */
  readonly code: string;
  /** The display language: problems are worded in it. */
  readonly language: string;
}

/** A file's size and modification time (ms), as a stat gives them. */
export interface FileStamp {
  readonly size: number;
  readonly mtime: number;
}

/** What tells whether a file is still as it was: its stamp (mtime −1: not to be trusted), or a hash of its text (''). */
export interface FileCheck {
  readonly size: number;
  readonly mtime: number;
  readonly hash: string;
}

export interface CachedFile extends FileCheck {
  readonly entry: JournalEntry;
  /** Its front matter is one only yaml reads (kept as a sixth value, 1): put back, it asks for yaml. */
  readonly needsYaml?: boolean;
}

/** Nothing known yet: the file is to be stat'ed before it can be kept (see `stampedLater`). */
export const UNCHECKED: FileCheck = { size: -1, mtime: -1, hash: '' };

/**
 * What to keep with an entry made from a file read at `readAt` (ms, no later
 * than the read began): its stamp (taken before the read, or after it: a
 * change in between shows as a time after `readAt`) when it is a real time
 * older than `readAt` by the margin; else the hash of `text`, when there is
 * one. Where times are trusted and there is no stamp yet: UNCHECKED, to be
 * stat'ed later.
 */
export function checkOf(
  stamp: FileStamp | undefined,
  readAt: number,
  text: string | undefined,
  timesReliable: boolean,
): FileCheck {
  if (timesReliable) {
    if (!stamp) return UNCHECKED; // stat'ed later (stampedLater): no text hashed at a full read
    if (trustworthy(stamp, readAt)) return { size: stamp.size, mtime: stamp.mtime, hash: '' };
  }
  if (text !== undefined) return { size: stamp?.size ?? -1, mtime: -1, hash: contentHash(text) };
  return UNCHECKED;
}

/** A file read at `readAt` without a stamp, stat'ed since: the check to keep, or UNCHECKED (it is read at the next start). */
export function stampedLater(stamp: FileStamp | undefined, readAt: number, timesReliable: boolean): FileCheck {
  return stamp && timesReliable && trustworthy(stamp, readAt)
    ? { size: stamp.size, mtime: stamp.mtime, hash: '' }
    : UNCHECKED;
}

function trustworthy(stamp: FileStamp, readAt: number): boolean {
  return (
    Number.isFinite(stamp.mtime) &&
    stamp.mtime > 0 &&
    stamp.mtime < readAt - MTIME_MARGIN_MS &&
    Number.isSafeInteger(stamp.size) &&
    stamp.size >= 0
  );
}

/** Whether a kept file can be trusted on its stamp alone: the fresh stat is the one it was kept with. */
export function stampMatches(kept: FileCheck, stamp: FileStamp | undefined): boolean {
  return stamp !== undefined && kept.mtime > 0 && kept.mtime === stamp.mtime && kept.size === stamp.size;
}

/** Whether a kept file's text is the one just read (no stamp to go by). */
export function textMatches(kept: FileCheck, text: string): boolean {
  return kept.hash !== '' && kept.hash === contentHash(text);
}

/** A 53-bit hash of a text (cyrb53) with its length, as a short string. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length.toString(36)}.${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/**
 * The cache's text for these files; a file whose check says nothing, or
 * whose entry cannot be kept exactly, is left out (it is read at the next start).
 */
export function serializeIndexCache(key: IndexCacheKey, files: Iterable<CachedFile>): string {
  const texts: string[] = [];
  for (const f of files) {
    const text = keptFileText(f);
    if (text !== undefined) texts.push(text);
  }
  return indexCacheText(key, texts);
}

/**
 * One file as the cache keeps it (JSON, ASCII only), or undefined when it
 * cannot be kept: a writer can make these a few at a time, then join them
 * with `indexCacheText`.
 */
export function keptFileText(f: CachedFile): string | undefined {
  if (f.mtime <= 0 && f.hash === '') return undefined;
  const entry = encodeEntry(f.entry);
  if (entry === undefined) return undefined;
  const record = [f.entry.path, f.size, f.mtime, f.hash, entry];
  return ascii(JSON.stringify(f.needsYaml ? [...record, 1] : record));
}

/** The cache's text: what it was made for, the files' texts (`keptFileText`) and how many there are. */
export function indexCacheText(key: IndexCacheKey, files: readonly string[]): string {
  return indexCacheHead(key) + files.join(',') + indexCacheTail(files.length);
}

/** The cache's text up to its first file (a writer can then add the files' texts a few at a time, separated by commas). */
export function indexCacheHead(key: IndexCacheKey): string {
  const { root, code, language } = key;
  const head = JSON.stringify({ format: INDEX_CACHE_FORMAT, version: INDEX_CACHE_VERSION, root, code, language });
  return `${ascii(head.slice(0, -1))},"files":[`;
}

/** The cache's text after its last file: how many files there are. */
export function indexCacheTail(count: number): string {
  return `],"count":${count}}`;
}

/** JSON text with every character past ASCII escaped: decoding it is a copy, and JSON.parse reads a byte per character. */
function ascii(json: string): string {
  return json.replace(NOT_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NOT_ASCII = /[\u0080-\uffff]/g;

/** A cache read back: each file's check at once, its entry when asked for (and only if well formed). */
export interface IndexCache {
  readonly size: number;
  has(path: string): boolean;
  /** The kept file at `path` (handed out once); undefined when none was kept or its entry is malformed. */
  get(path: string): CachedFile | undefined;
  /** Kept files whose entries were malformed (asked for and refused) so far. */
  readonly malformed: number;
}

/** The cache in `text`, if it was made for `key` and is well formed; undefined otherwise. */
export function parseIndexCache(text: string, key: IndexCacheKey): IndexCache | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (
    v['format'] !== INDEX_CACHE_FORMAT ||
    v['version'] !== INDEX_CACHE_VERSION ||
    v['root'] !== key.root ||
    v['code'] !== key.code ||
    v['language'] !== key.language ||
    !Array.isArray(v['files']) ||
    v['count'] !== v['files'].length
  )
    return undefined;
  const records = new Map<string, unknown[]>();
  for (const r of v['files'] as unknown[]) {
    if (!Array.isArray(r) || (r.length !== 5 && !(r.length === 6 && r[5] === 1))) return undefined;
    const [path, size, mtime, hash] = r as unknown[];
    // (Only the paths a listing finds are asked for: a path no listing gives is never used.)
    if (typeof path !== 'string' || records.has(path)) return undefined;
    if (typeof size !== 'number' || typeof mtime !== 'number' || typeof hash !== 'string') return undefined;
    if (!(mtime > 0 || hash !== '')) return undefined;
    records.set(path, r);
  }
  let malformed = 0;
  const size = records.size;
  return {
    size,
    has: (path) => records.has(path),
    get(path) {
      const r = records.get(path);
      if (!r) return undefined;
      records.delete(path); // handed out once: the index holds it from now on
      let entry: JournalEntry | undefined;
      try {
        entry = decodeEntry(path, r[4]);
      } catch {
        entry = undefined; // (not expected: decodeEntry checks what it reads; a file is then read instead)
      }
      if (!entry) {
        malformed++;
        return undefined;
      }
      const file = { size: r[1] as number, mtime: r[2] as number, hash: r[3] as string, entry };
      return r.length === 6 ? { ...file, needsYaml: true } : file;
    },
    get malformed() {
      return malformed;
    },
  };
}

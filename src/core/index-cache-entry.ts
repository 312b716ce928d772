// One index entry as the index cache keeps it (core/index-cache.ts): compact
// JSON, without what the entry's path and front matter already say. What is
// left out is only what `decodeEntry` puts back exactly (the kind, slug,
// person and date from the path; the status and the usual title from the
// front matter; empty lists); an entry that does not fit that rule, or holds
// a value JSON cannot carry back, is not kept, and its file is read and parsed
// at the next start like any other. A list's items are one flat array, most
// items three values in it (what JSON.parse makes fastest: numbers and
// strings, few objects); tag lists are shared again as the index shares them
// (retained-strings.ts).

import { FrontMatterData, Problem } from './front-matter';
import {
  decodeProblems,
  decodeProgress,
  isCount,
  isJsonData,
  isLine,
  isOptionalString,
  isRecord,
  isString,
  scheduleFromJson,
  scheduleToJson,
} from './index-cache-values';
import { ItemSummary, JournalEntry, ProgressEntry, stringField } from './journal-entry';
import { classify, Classified, titleFromSlug } from './layout';
import { internTag, internTags } from './retained-strings';

/** What an entry is kept as: `d` its front matter; the rest only when there is something to say. */
interface Kept {
  /** The front matter's data. */
  d: FrontMatterData;
  /** The title, when it is not the one the path and the front matter give. */
  t?: string;
  /** Problems, as `[message, line, severity]`. */
  p?: [string, number, string][];
  /** Agenda, action items, wins: their number, then per item a head (`ITEM`), line, text and what the head says follows. */
  a?: (string | number)[];
  c?: (string | number)[];
  w?: (string | number)[];
  /** Open action items. */
  o?: number;
  /** Goals referred to. */
  g?: string[];
  /** A person's schedule (its sets and maps as arrays). */
  s?: Record<string, unknown>;
  /** A goal's progress entries, as the index has them (plain data: whatever they hold comes back). */
  r?: readonly ProgressEntry[];
}

/**
 * An item's head: checked (0 no, 1 yes, 2 no box), and which of tags
 * (joined by line breaks), source label, source link and carried-from id
 * follow its line and text, in that order. Only what an item has is
 * written: most have three values.
 */
const ITEM = { CHECKED: 3, TAGS: 4, LABEL: 8, URL: 16, CARRIED: 32 } as const;
const KNOWN_KEYS = new Set(
  'path kind slug title data status problems person date agenda openActionItems actions wins goals'
    .concat(' schedule progress progressDates lastProgress')
    .split(' '),
);

/** The title a file gets when nothing in its text says otherwise. */
function usualTitle(c: Classified, data: FrontMatterData): string {
  if (c.kind === 'meeting') return c.date!;
  return stringField(data, c.kind === 'person' ? 'name' : 'title') ?? titleFromSlug(c.slug);
}

/** The entry as the cache keeps it, or undefined when it cannot be kept exactly. */
export function encodeEntry(entry: JournalEntry): unknown {
  const c = classify(entry.path);
  if (
    entry.kind !== c.kind ||
    entry.slug !== c.slug ||
    entry.person !== c.person ||
    entry.date !== c.date ||
    !isJsonData(entry.data) ||
    entry.status !== stringField(entry.data, 'status')
  )
    return undefined;
  for (const key of Object.keys(entry)) if (!KNOWN_KEYS.has(key)) return undefined;
  const kept: Kept = { d: entry.data };
  if (entry.title !== usualTitle(c, entry.data)) kept.t = entry.title;
  if (entry.problems.some((p) => Object.keys(p).length !== 3)) return undefined;
  if (entry.problems.length > 0) kept.p = entry.problems.map((p) => [p.message, p.line, p.severity]);
  for (const [key, list] of [
    ['a', entry.agenda],
    ['c', entry.actions],
    ['w', entry.wins],
  ] as const) {
    if (list.length === 0) continue;
    const items: (string | number)[] = [list.length];
    for (const it of list) {
      if (!isPlainItem(it)) return undefined;
      const { source, tags, carriedFrom } = it;
      const head =
        (it.checked === undefined ? 2 : it.checked ? 1 : 0) +
        (tags.length > 0 ? ITEM.TAGS : 0) +
        (source ? ITEM.LABEL : 0) +
        (source?.url !== undefined ? ITEM.URL : 0) +
        (carriedFrom !== undefined ? ITEM.CARRIED : 0);
      items.push(head, it.line, it.text);
      if (tags.length > 0) items.push(tags.join('\n'));
      if (source) items.push(source.label);
      if (source?.url !== undefined) items.push(source.url);
      if (carriedFrom !== undefined) items.push(carriedFrom);
    }
    kept[key] = items;
  }
  if (entry.openActionItems !== 0) kept.o = entry.openActionItems;
  if (entry.goals.length > 0) kept.g = [...entry.goals];
  if (entry.schedule) {
    const s = scheduleToJson(entry.schedule);
    if (!s) return undefined;
    kept.s = s;
  }
  const { progress, progressDates, lastProgress } = entry;
  if (progress) {
    if (
      progressDates?.length !== progress.length ||
      progress.some((p, i) => progressDates[i] !== p.date) ||
      lastProgress !== progress[progress.length - 1]?.date
    )
      return undefined;
    if (!isJsonData(progress)) return undefined;
    kept.r = progress;
  } else if (progressDates !== undefined || lastProgress !== undefined) return undefined;
  return kept;
}

/** The entry of the file at `path` from what the cache kept, or undefined when it is not shaped as `encodeEntry` writes. */
export function decodeEntry(path: string, value: unknown): JournalEntry | undefined {
  if (!isRecord(value) || !isRecord(value['d'])) return undefined;
  const kept = value as unknown as Kept;
  const data = kept.d;
  const c = classify(path);
  const title = kept.t === undefined ? usualTitle(c, data) : kept.t;
  if (typeof title !== 'string') return undefined;
  const problems = kept.p === undefined ? NO_PROBLEMS : decodeProblems(kept.p);
  const agenda = kept.a === undefined ? [] : decodeItems(kept.a);
  const actions = kept.c === undefined ? [] : decodeItems(kept.c);
  const wins = kept.w === undefined ? [] : decodeItems(kept.w);
  const open = kept.o ?? 0;
  const goals = kept.g === undefined ? [] : kept.g;
  if (!problems || !agenda || !actions || !wins || !isCount(open) || !Array.isArray(goals) || !goals.every(isString))
    return undefined;
  const status = stringField(data, 'status');
  const tags = goals.length === 0 ? NO_GOALS : goals.map(internTag);
  // As summarize() makes them: one literal for a meeting (most entries), the person and date only where there are.
  const entry: Record<string, unknown> =
    c.person !== undefined
      ? {
          path,
          kind: c.kind,
          slug: c.slug,
          title,
          data,
          status,
          problems,
          person: c.person,
          date: c.date,
          agenda,
          openActionItems: open,
          actions,
          wins,
          goals: tags,
        }
      : {
          path,
          kind: c.kind,
          slug: c.slug,
          title,
          data,
          status,
          problems,
          agenda,
          openActionItems: open,
          actions,
          wins,
          goals: tags,
        };
  if (kept.s !== undefined) {
    const schedule = scheduleFromJson(kept.s);
    if (!schedule) return undefined;
    entry['schedule'] = schedule;
  }
  if (kept.r !== undefined) {
    const progress = decodeProgress(kept.r);
    if (!progress || progress.length === 0) return undefined;
    entry['progress'] = progress;
    entry['progressDates'] = progress.map((p) => p.date);
    entry['lastProgress'] = progress[progress.length - 1]!.date;
  }
  return entry as unknown as JournalEntry;
}

const ITEM_KEYS = new Set(['line', 'text', 'checked', 'tags', 'source', 'carriedFrom']);

/** An item `decodeItems` gives back the same: no key it does not know, tags that join and split back. */
function isPlainItem(item: ItemSummary): boolean {
  for (const key in item) if (!ITEM_KEYS.has(key)) return false;
  if (item.source && Object.keys(item.source).some((k) => k !== 'label' && k !== 'url')) return false;
  return item.tags.every((t) => t !== '' && !t.includes('\n'));
}

/** The items of one list as kept; undefined when they are not shaped as `encodeEntry` writes them. */
function decodeItems(value: unknown): ItemSummary[] | undefined {
  if (!Array.isArray(value) || !isCount(value[0]) || value[0] > value.length) return undefined;
  const v = value as unknown[];
  const out = new Array<ItemSummary>(v[0] as number);
  let k = 1;
  for (let n = 0; n < out.length; n++) {
    const head = v[k++];
    if (typeof head !== 'number' || (head & ~63) !== 0 || (head & ITEM.CHECKED) === 3) return undefined;
    const line = v[k++];
    const text = v[k++];
    const tags = head & ITEM.TAGS ? v[k++] : '';
    const label = head & ITEM.LABEL ? v[k++] : undefined;
    const url = head & ITEM.URL ? v[k++] : undefined;
    const carriedFrom = head & ITEM.CARRIED ? v[k++] : undefined;
    if (!isLine(line) || !isString(text) || !isString(tags) || (label === undefined && url !== undefined))
      return undefined;
    if (!isOptionalString(label) || !isOptionalString(url) || !isOptionalString(carriedFrom)) return undefined;
    const checked = (head & ITEM.CHECKED) === 2 ? undefined : (head & ITEM.CHECKED) === 1;
    const shared = tags === '' ? NO_TAGS : tagsOf(tags);
    const source = label === undefined ? undefined : url === undefined ? { label } : { label, url };
    // One literal per shape (the index's own key order), no copies.
    out[n] = source
      ? carriedFrom === undefined
        ? { line, text, checked, tags: shared, source }
        : { line, text, checked, tags: shared, source, carriedFrom }
      : carriedFrom === undefined
        ? { line, text, checked, tags: shared }
        : { line, text, checked, tags: shared, carriedFrom };
  }
  return k === v.length ? out : undefined;
}

const NO_TAGS = internTags([]);
/** Shared empty lists, as the index's own: nothing changes an entry's lists in place. */
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);
const NO_GOALS: readonly string[] = Object.freeze([]);

/** Shared tag lists by their joined tags (most items have none or one of a few). */
const joinedTags = new Map<string, readonly string[]>();

function tagsOf(joined: string): readonly string[] {
  let tags = joinedTags.get(joined);
  if (!tags) {
    if (joinedTags.size >= 10_000) joinedTags.clear();
    tags = internTags(joined === '' ? [] : joined.split('\n'));
    joinedTags.set(joined, tags);
  }
  return tags;
}

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
  /** Items: how many agenda items, action items and wins, then each item's head (`ITEM`), text and what the head says follows. */
  i?: (string | number)[];
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
 * An item's head: checked (0 no, 1 yes, 2 no box), which of tags (joined by
 * line breaks), source label, source link and carried-from id follow its
 * text, in that order, and its line × `ITEM.LINE`. Only what an item has is
 * written: most have two values.
 */
const ITEM = { CHECKED: 3, TAGS: 4, LABEL: 8, URL: 16, CARRIED: 32, LINE: 64 } as const;
const KEPT_KEYS = new Set(['d', 't', 'p', 'i', 'o', 'g', 's', 'r']);
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
/** Private text in the entry: an item tagged #private (or under a Private heading), private progress, a #private title. */
function holdsPrivate(entry: JournalEntry): boolean {
  const isPrivate = (t: string): boolean => t === 'private' || t.startsWith('private/');
  return (
    [...entry.agenda, ...entry.actions, ...entry.wins].some((i) => i.tags.some(isPrivate)) ||
    (entry.progress ?? []).some((p) => p.private) ||
    /#private\b/i.test(entry.title)
  );
}

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
  // Nothing private leaves the journal, not even into the extension's own storage: such a file is read at every start.
  if (holdsPrivate(entry)) return undefined;
  const kept: Kept = { d: entry.data };
  if (entry.title !== usualTitle(c, entry.data)) kept.t = entry.title;
  if (entry.problems.some((p) => Object.keys(p).length !== 3)) return undefined;
  if (entry.problems.length > 0) kept.p = entry.problems.map((p) => [p.message, p.line, p.severity]);
  const { agenda, actions, wins } = entry;
  if (agenda.length + actions.length + wins.length > 0) {
    const items: (string | number)[] = [agenda.length, actions.length, wins.length];
    for (const it of [...agenda, ...actions, ...wins]) {
      if (!isPlainItem(it) || it.line > MAX_LINE) return undefined;
      const { source, tags, carriedFrom } = it;
      const head =
        (it.checked === undefined ? 2 : it.checked ? 1 : 0) +
        (tags.length > 0 ? ITEM.TAGS : 0) +
        (source ? ITEM.LABEL : 0) +
        (source?.url !== undefined ? ITEM.URL : 0) +
        (carriedFrom !== undefined ? ITEM.CARRIED : 0) +
        it.line * ITEM.LINE;
      items.push(head, it.text);
      if (tags.length > 0) items.push(tags.join('\n'));
      if (source) items.push(source.label);
      if (source?.url !== undefined) items.push(source.url);
      if (carriedFrom !== undefined) items.push(carriedFrom);
    }
    kept.i = items;
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
  for (const key in value) if (!KEPT_KEYS.has(key)) return undefined; // written by another format: not to be guessed at
  const kept = value as unknown as Kept;
  const data = kept.d;
  const c = classify(path);
  const title = kept.t === undefined ? usualTitle(c, data) : kept.t;
  if (typeof title !== 'string') return undefined;
  const problems = kept.p === undefined ? NO_PROBLEMS : decodeProblems(kept.p);
  const lists = kept.i === undefined ? [[], [], []] : decodeItems(kept.i);
  if (!lists) return undefined;
  const [agenda, actions, wins] = lists;
  const open = kept.o ?? 0;
  const goals = kept.g === undefined ? [] : kept.g;
  if (!problems || !isCount(open) || !Array.isArray(goals) || !goals.every(isString)) return undefined;
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

/** An entry's agenda, action items and wins as kept; undefined when they are not shaped as `encodeEntry` writes them. */
function decodeItems(value: unknown): [ItemSummary[], ItemSummary[], ItemSummary[]] | undefined {
  if (!Array.isArray(value) || !isCount(value[0]) || !isCount(value[1]) || !isCount(value[2])) return undefined;
  const v = value as unknown[];
  if ((v[0] as number) + (v[1] as number) + (v[2] as number) > v.length) return undefined;
  const lists: [ItemSummary[], ItemSummary[], ItemSummary[]] = [
    new Array<ItemSummary>(v[0] as number),
    new Array<ItemSummary>(v[1] as number),
    new Array<ItemSummary>(v[2] as number),
  ];
  let k = 3;
  for (const out of lists) {
    for (let n = 0; n < out.length; n++) {
      const head = v[k++];
      if (!isCount(head) || head > MAX_HEAD || (head & ITEM.CHECKED) === 3) return undefined;
      const text = v[k++];
      const tags = head & ITEM.TAGS ? v[k++] : '';
      const label = head & ITEM.LABEL ? v[k++] : undefined;
      const url = head & ITEM.URL ? v[k++] : undefined;
      const carriedFrom = head & ITEM.CARRIED ? v[k++] : undefined;
      if (!isString(text) || !isString(tags) || (label === undefined && url !== undefined)) return undefined;
      if (!isOptionalString(label) || !isOptionalString(url) || !isOptionalString(carriedFrom)) return undefined;
      const line = Math.floor(head / ITEM.LINE);
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
  }
  return k === v.length ? lists : undefined;
}

/** Lines up to this fit a head (with its flags, below 2^31: the bit operations on it stay exact). */
const MAX_LINE = 2 ** 24;
const MAX_HEAD = MAX_LINE * ITEM.LINE + ITEM.LINE - 1;
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

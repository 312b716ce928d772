// What one journal file becomes in the index: a compact entry holding what
// the trees and commands need (its kind, title and status, a meeting's
// agenda, action items and wins, a goal's progress), and no file text.

import { JournalDocument } from './document';
import { checkFields } from './entry-problems';
import { FrontMatterData, Problem } from './front-matter';
import { ListItem } from './markdown';
import { findSection, itemsIn, normalizeHeading, Section, sectionAt } from './markdown-sections';
import { isIsoDate } from './dates';
import { internTag, internTags, own } from './retained-strings';
import { Schedule, scheduleOf } from './schedule';
import { classify, FileKind, titleFromSlug } from './layout';
import { PRIVATE_TAG, privateLines } from './share';

export const AGENDA_HEADINGS = ['Agenda', 'Talking points', 'Topics'];
export const ACTION_HEADINGS = ['Action items', 'Action points', 'Next steps', 'Todo'];

export interface ItemSummary {
  readonly line: number;
  readonly text: string;
  readonly checked: boolean | undefined;
  readonly tags: readonly string[];
  /** From a `Source: …` line under the item: a `path:lines` label and/or a link. */
  readonly source?: { readonly label: string; readonly url?: string };
  /** Action items: the `carry-<id>` of the "Carried from" link under the item, when it was carried here. */
  readonly carriedFrom?: string;
}

export interface JournalEntry {
  /** Path relative to the journal folder, `/`-separated. */
  readonly path: string;
  readonly kind: FileKind;
  readonly slug: string;
  readonly title: string;
  readonly data: FrontMatterData;
  /** Front matter `status`, when it is a string. */
  readonly status: string | undefined;
  readonly problems: readonly Problem[];
  /** Meetings: the person folder and the date from the file name. */
  readonly person?: string;
  readonly date?: string;
  /** Meetings: top-level agenda items (talking points). */
  readonly agenda: readonly ItemSummary[];
  /** Meetings: unchecked items under "Action items". */
  readonly openActionItems: number;
  /** Meetings: top-level items under "Action items". */
  readonly actions: readonly ItemSummary[];
  /** Meetings: top-level items under "Wins". */
  readonly wins: readonly ItemSummary[];
  /** Meetings: goals referred to (`#goal/<slug>` or a link to `goals/<slug>.md`). */
  readonly goals: readonly string[];
  /** People: the schedule from cadence, weekday, time, duration and timezone. */
  readonly schedule?: Schedule;
  /** Goals: the latest date of a `- YYYY-MM-DD: ...` entry under "Progress". */
  readonly lastProgress?: string;
  /** Goals: every date of a progress entry, oldest first (a planned, future one included). */
  readonly progressDates?: readonly string[];
  /** Goals: the dated entries under "Progress", oldest first. */
  readonly progress?: readonly ProgressEntry[];
}

/** A `- YYYY-MM-DD: what happened` line under a goal's "Progress". */
export interface ProgressEntry {
  readonly line: number;
  readonly date: string;
  readonly text: string;
  /** Under a Private or #private heading, or tagged #private: never shared, searched out to a model or exported. */
  readonly private?: true;
}

export function stringField(data: FrontMatterData, key: string): string | undefined {
  const v = data[key];
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Reduces a parsed file to what the trees and commands need. */
export function summarize(path: string, doc: JournalDocument): JournalEntry {
  const c = classify(path);
  const data = doc.data;
  const checked = checkFields(c.kind, doc);
  const problems = doc.problems.length === 0 ? checked : [...doc.problems, ...checked];
  const status = stringField(data, 'status');
  if (c.kind === 'meeting') {
    // Items in a Private section, under a #private heading or with #private on any of their lines carry the tag,
    // so whatever is shared or exported from the index can leave them out.
    // (A heading is part of the text: looking there first spares a search of the whole file, as the Private heading is near its end.)
    const mentionsPrivate =
      doc.scan.headings.some((h) => PRIVATE_WORD.test(h.text)) || PRIVATE_WORD.test(doc.source.text);
    const hidden = mentionsPrivate ? privateLines(doc).lines : undefined;
    // Each heading normalized once, for the three sections.
    const normalized = doc.scan.headings.map((h) => normalizeHeading(h.text));
    const actionSection = sectionOf(doc, normalized, ACTION_WANTED);
    let openActionItems = 0;
    if (actionSection) {
      for (const item of doc.scan.items)
        if (item.line >= actionSection.bodyStart && item.line < actionSection.end && item.checked === false)
          openActionItems++;
    }
    // One object literal, no spreads: this runs for every meeting.
    return {
      path,
      kind: c.kind,
      slug: c.slug,
      title: c.date!,
      data,
      status,
      problems,
      person: c.person!,
      date: c.date!,
      agenda: topLevelItems(doc, sectionOf(doc, normalized, AGENDA_WANTED), true, hidden),
      openActionItems,
      actions: topLevelItems(doc, actionSection, false, hidden, true),
      wins: topLevelItems(doc, sectionOf(doc, normalized, WINS_WANTED), false, hidden),
      goals: goalRefs(doc),
    };
  }
  let title: string;
  if (c.kind === 'person') {
    title = stringField(data, 'name') ?? titleFromSlug(c.slug);
  } else {
    const firstH1 = doc.scan.headings.find((h) => h.level === 1)?.text;
    title = stringField(data, 'title') ?? (firstH1 ? own(firstH1) : titleFromSlug(c.slug));
  }
  const extra: { schedule?: Schedule; lastProgress?: string; progressDates?: string[]; progress?: ProgressEntry[] } =
    {};
  if (c.kind === 'person') {
    const schedule = scheduleOf(data).schedule;
    if (schedule) extra.schedule = schedule;
  } else if (c.kind === 'goal') {
    const progress = findSection(doc.scan, doc.source.lines.length, ['Progress', 'Progress log']);
    if (progress) {
      const entries: ProgressEntry[] = [];
      const hidden = PRIVATE_WORD.test(doc.source.text) ? privateLines(doc).lines : undefined;
      for (const item of itemsIn(doc.scan, progress)) {
        const m = PROGRESS_ENTRY.exec(item.text);
        if (!m || !isIsoDate(m[1]!)) continue;
        const entry = { line: item.line, date: own(m[1]!), text: own(m[2]!.trim()) };
        entries.push(hidden?.[item.line] ? { ...entry, private: true } : entry);
      }
      if (entries.length > 0) {
        entries.sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
        extra.progress = entries;
        extra.progressDates = entries.map((e) => e.date);
        extra.lastProgress = entries[entries.length - 1]!.date;
      }
    }
  }
  return {
    path,
    kind: c.kind,
    slug: c.slug,
    title,
    data,
    status,
    problems,
    ...(c.person !== undefined ? { person: c.person, date: c.date! } : {}),
    agenda: [],
    openActionItems: 0,
    actions: [],
    wins: [],
    goals: [],
    ...extra,
  };
}

export const WINS_HEADINGS = ['Wins', 'Accomplishments'];

/** `2026-11-10: text`, `2026-11-10 — text`, `2026-11-10 text`. */
const PROGRESS_ENTRY = /^(\d{4}-\d{2}-\d{2})\b\s*(?:[:—–-]\s*)?(.*)$/su;

const PRIVATE_WORD = /private/i;
const AGENDA_WANTED = AGENDA_HEADINGS.map(normalizeHeading);
const ACTION_WANTED = ACTION_HEADINGS.map(normalizeHeading);
const WINS_WANTED = WINS_HEADINGS.map(normalizeHeading);

/** findSection, with the headings already normalized (`normalized[i]` is heading i's) and the names too. */
function sectionOf(
  doc: JournalDocument,
  normalized: readonly string[],
  wanted: readonly string[],
): Section | undefined {
  const hs = doc.scan.headings;
  for (let h = 0; h < hs.length; h++) {
    if (wanted.includes(normalized[h]!)) return sectionAt(doc.scan, h, doc.source.lines.length);
  }
  return undefined;
}

/** Top-level items of a section (with their `Source:` lines when `withSource`); private ones tagged `private`. */
function topLevelItems(
  doc: JournalDocument,
  section: Section | undefined,
  withSource: boolean,
  hidden: readonly boolean[] | undefined,
  withCarry = false,
): ItemSummary[] {
  if (!section) return [];
  const items = doc.scan.items;
  const isTopLevel = (i: ListItem): boolean =>
    i.line >= section.bodyStart &&
    i.line < section.end &&
    (i.parent === -1 || items[i.parent]!.line < section.bodyStart);
  // Counted first: the index keeps the list, and one grown by push keeps spare room.
  let count = 0;
  for (const i of items) if (isTopLevel(i)) count++;
  const out = new Array<ItemSummary>(count);
  let k = 0;
  for (const i of items) {
    if (!isTopLevel(i)) continue;
    const source = withSource ? sourceOf(doc, i.line + 1, i.endLine) : undefined;
    const carried = withCarry && i.endLine > i.line + 1 ? carriedOf(doc, i.line + 1, i.endLine) : undefined;
    const tags = internTags(hidden?.[i.line] && !i.tags.includes(PRIVATE_TAG) ? [...i.tags, PRIVATE_TAG] : i.tags);
    const text = own(i.text);
    const item: ItemSummary = source
      ? { line: i.line, text, checked: i.checked, tags, source }
      : { line: i.line, text, checked: i.checked, tags };
    out[k++] = carried ? { ...item, carriedFrom: carried } : item;
  }
  return out;
}

const GOAL_LINK = /(?:^|[\\/(])goals\/([\p{L}\p{N}][\p{L}\p{N}-]*)\.md\b/gu;

/** Goals a meeting refers to, from any list item: `#goal/<slug>` tags and links to `goals/<slug>.md`. */
function goalRefs(doc: JournalDocument): string[] {
  let out: Set<string> | undefined;
  for (const item of doc.scan.items) {
    for (const tag of item.tags) if (tag.startsWith('goal/') && tag.length > 5) (out ??= new Set()).add(tag.slice(5));
    if (!item.text.includes('goals/')) continue;
    GOAL_LINK.lastIndex = 0;
    for (let m = GOAL_LINK.exec(item.text); m; m = GOAL_LINK.exec(item.text))
      (out ??= new Set()).add(m[1]!.toLowerCase());
  }
  return out ? [...out].map(internTag) : [];
}

const CARRIED_ID = /^\s*Carried from \[(?:\\.|[^\]\\])*\]\([^)\s#]*#(carry-[a-z0-9]+)\)\s*$/;

/** The id of the "Carried from" line among an item's body lines. */
function carriedOf(doc: JournalDocument, from: number, to: number): string | undefined {
  for (let l = from; l < to; l++) {
    const m = doc.scan.kinds[l] === 'text' ? CARRIED_ID.exec(doc.source.lines[l]!.text) : null;
    if (m) return own(m[1]!);
  }
  return undefined;
}

const SOURCE_LINK = /^\s*Source:\s*\[((?:\\.|[^\]\\])*)\]\((\S+?)\)\s*$/;
const SOURCE_CODE = /^\s*Source:\s*(`+)\s?(.*?)\s?\1\s*$/;

/** The `Source:` line among an item's body lines, as capture writes it. */
function sourceOf(doc: JournalDocument, from: number, to: number): ItemSummary['source'] {
  for (let l = from; l < to; l++) {
    if (doc.scan.kinds[l] !== 'text') continue;
    const text = doc.source.lines[l]!.text;
    const link = SOURCE_LINK.exec(text);
    if (link) return { label: own(link[1]!.replace(/\\(.)/g, '$1')), url: own(link[2]!) };
    const code = SOURCE_CODE.exec(text);
    if (code) return { label: own(code[2]!) };
  }
  return undefined;
}

// The whole journal in memory, one compact entry per file. An update parses
// one file and touches one entry (plus the by-person list of a meeting); the
// index keeps no file text, so thousands of meetings stay cheap.

import { parseDocument, JournalDocument } from './document';
import { FrontMatterData, Problem } from './front-matter';
import { findSection, itemsIn, ListItem, normalizeHeading, Section, sectionAt } from './markdown';
import { isIsoDate } from './dates';
import { Schedule, scheduleOf } from './schedule';
import { classify, FileKind, personPath, titleFromSlug } from './layout';
import { PRIVATE_TAG, privateLines } from './share';
import { FEEDBACK_STATUSES, GOAL_STATUSES, ROLES } from './templates';

export const MEETING_STATUSES = ['planned', 'done', 'skipped', 'cancelled'] as const;
export const AGENDA_HEADINGS = ['Agenda', 'Talking points', 'Topics'];
export const ACTION_HEADINGS = ['Action items', 'Action points', 'Next steps', 'Todo'];

export interface ItemSummary {
  readonly line: number;
  readonly text: string;
  readonly checked: boolean | undefined;
  readonly tags: readonly string[];
  /** From a `Source: …` line under the item: a `path:lines` label and/or a link. */
  readonly source?: { readonly label: string; readonly url?: string };
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
}

export interface Person {
  readonly slug: string;
  readonly name: string;
  readonly role: string | undefined;
  readonly cadence: string | undefined;
  /** The person's file, when there is one (a meeting folder alone also makes a person). */
  readonly entry: JournalEntry | undefined;
  readonly schedule: Schedule | undefined;
}

export type ChangeListener = (paths: readonly string[]) => void;

const CLOSED_MEETING = new Set(['done', 'skipped', 'cancelled']);

export class JournalIndex {
  private readonly entries = new Map<string, JournalEntry>();
  private readonly meetingsByPerson = new Map<string, Set<string>>();
  private readonly byKind = new Map<FileKind, Set<string>>();
  private readonly listeners = new Set<ChangeListener>();
  private pending: string[] | undefined;
  /** Goal slug → dates of the meetings that refer to it, oldest first; rebuilt after a meeting changes. */
  private mentions: Map<string, string[]> | undefined;

  get size(): number {
    return this.entries.size;
  }

  onDidChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `fn` and fires one change event for everything it touched. */
  batch(fn: () => void): void {
    const outer = this.pending === undefined;
    if (outer) this.pending = [];
    try {
      fn();
    } finally {
      if (outer) {
        const paths = this.pending!;
        this.pending = undefined;
        if (paths.length > 0) this.emit(paths);
      }
    }
  }

  /** Parses `text` as the file at `path` and replaces its entry. */
  update(path: string, text: string): JournalEntry {
    const entry = summarize(path, parseDocument(text));
    this.put(entry);
    return entry;
  }

  /** Puts back an entry this index made before (kept between sessions), without reading or parsing anything. */
  restore(entry: JournalEntry): void {
    this.put(entry);
  }

  /** Records a file that cannot be read (too large, not UTF-8): it shows, with its problem. */
  markUnreadable(path: string, message: string): JournalEntry {
    const c = classify(path);
    const entry: JournalEntry = {
      path,
      kind: c.kind,
      slug: c.slug,
      title: c.kind === 'meeting' ? c.date! : titleFromSlug(c.slug),
      data: {},
      status: undefined,
      problems: [{ message, line: 0, severity: 'warning' }],
      ...(c.person !== undefined ? { person: c.person, date: c.date! } : {}),
      agenda: [],
      openActionItems: 0,
      actions: [],
      wins: [],
      goals: [],
    };
    this.put(entry);
    return entry;
  }

  delete(path: string): boolean {
    const entry = this.entries.get(path);
    if (!entry) return false;
    this.entries.delete(path);
    this.unlinkMeeting(entry);
    this.changed(path);
    return true;
  }

  /** Removes every entry under a folder (a deleted or renamed folder). */
  deleteFolder(folder: string): void {
    const prefix = folder === '' ? '' : folder.endsWith('/') ? folder : `${folder}/`;
    this.batch(() => {
      for (const path of [...this.entries.keys()]) if (path.startsWith(prefix)) this.delete(path);
    });
  }

  clear(): void {
    this.deleteFolder('');
  }

  get(path: string): JournalEntry | undefined {
    return this.entries.get(path);
  }

  all(): IterableIterator<JournalEntry> {
    return this.entries.values();
  }

  ofKind(kind: FileKind): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (const path of this.byKind.get(kind) ?? []) out.push(this.entries.get(path)!);
    return out;
  }

  /** People from `people/*.md` and from meeting folders that have no person file, by name. */
  people(): Person[] {
    const bySlug = new Map<string, Person>();
    for (const entry of this.ofKind('person')) bySlug.set(entry.slug, toPerson(entry));
    for (const [slug, meetings] of this.meetingsByPerson) {
      if (!bySlug.has(slug) && meetings.size > 0) {
        bySlug.set(slug, {
          slug,
          name: titleFromSlug(slug),
          role: undefined,
          cadence: undefined,
          entry: undefined,
          schedule: undefined,
        });
      }
    }
    return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
  }

  /** One person by slug, without listing everyone (a tree row asks for this). */
  person(slug: string): Person | undefined {
    const entry = this.entries.get(personPath(slug));
    if (entry) return toPerson(entry);
    return this.meetingsByPerson.has(slug)
      ? { slug, name: titleFromSlug(slug), role: undefined, cadence: undefined, entry: undefined, schedule: undefined }
      : undefined;
  }

  /** A person by slug or display name (case-insensitive). */
  findPerson(query: string): Person | undefined {
    const q = query.trim().toLowerCase();
    const people = this.people();
    return people.find((p) => p.slug === q) ?? people.find((p) => p.name.toLowerCase() === q);
  }

  /** A person's meetings, newest first. */
  meetingsOf(person: string): JournalEntry[] {
    const paths = this.meetingsByPerson.get(person);
    if (!paths) return [];
    const out: JournalEntry[] = [];
    for (const p of paths) {
      const e = this.entries.get(p);
      if (e) out.push(e);
    }
    return out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.slug.localeCompare(a.slug));
  }

  /** The first meeting on or after `today` that is not done, skipped or cancelled. */
  nextMeeting(person: string, today: string): JournalEntry | undefined {
    let best: JournalEntry | undefined;
    for (const m of this.meetingsOf(person)) {
      if ((m.date ?? '') < today || CLOSED_MEETING.has(m.status ?? '')) continue;
      if (!best || (m.date ?? '') < (best.date ?? '') || (m.date === best.date && m.slug < best.slug)) best = m;
    }
    return best;
  }

  /** The latest meeting dated before `today`. */
  lastMeeting(person: string, today: string): JournalEntry | undefined {
    return this.meetingsOf(person).find((m) => (m.date ?? '') < today);
  }

  /** The latest date, up to `until`, of a meeting that refers to the goal (`#goal/<slug>` or a link). */
  lastMention(goal: string, until: string): string | undefined {
    if (!this.mentions) {
      const mentions = new Map<string, string[]>();
      for (const m of this.ofKind('meeting')) {
        for (const g of m.goals) {
          let dates = mentions.get(g);
          if (!dates) mentions.set(g, (dates = []));
          dates.push(m.date ?? '');
        }
      }
      for (const dates of mentions.values()) dates.sort();
      this.mentions = mentions;
    }
    const dates = this.mentions.get(goal);
    if (!dates) return undefined;
    for (let i = dates.length - 1; i >= 0; i--) if (dates[i]! <= until) return dates[i];
    return undefined;
  }

  private put(entry: JournalEntry): void {
    const old = this.entries.get(entry.path);
    if (old) this.unlinkMeeting(old);
    this.entries.set(entry.path, entry);
    let ofKind = this.byKind.get(entry.kind);
    if (!ofKind) this.byKind.set(entry.kind, (ofKind = new Set()));
    ofKind.add(entry.path);
    if (entry.kind === 'meeting' && entry.person) {
      if (entry.goals.length > 0) this.mentions = undefined;
      let set = this.meetingsByPerson.get(entry.person);
      if (!set) this.meetingsByPerson.set(entry.person, (set = new Set()));
      set.add(entry.path);
    }
    this.changed(entry.path);
  }

  private unlinkMeeting(entry: JournalEntry): void {
    this.byKind.get(entry.kind)?.delete(entry.path);
    if (entry.kind !== 'meeting' || !entry.person) return;
    if (entry.goals.length > 0) this.mentions = undefined;
    const set = this.meetingsByPerson.get(entry.person);
    set?.delete(entry.path);
    if (set && set.size === 0) this.meetingsByPerson.delete(entry.person);
  }

  private changed(path: string): void {
    if (this.pending) this.pending.push(path);
    else this.emit([path]);
  }

  private emit(paths: readonly string[]): void {
    for (const l of [...this.listeners]) l(paths);
  }
}

function toPerson(entry: JournalEntry): Person {
  return {
    slug: entry.slug,
    name: entry.title,
    role: stringField(entry.data, 'role'),
    cadence: stringField(entry.data, 'cadence'),
    entry,
    schedule: entry.schedule,
  };
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
      actions: topLevelItems(doc, actionSection, false, hidden),
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
      for (const item of itemsIn(doc.scan, progress)) {
        const m = PROGRESS_ENTRY.exec(item.text);
        if (m && isIsoDate(m[1]!)) entries.push({ line: item.line, date: own(m[1]!), text: own(m[2]!.trim()) });
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
    const tags = internTags(hidden?.[i.line] && !i.tags.includes(PRIVATE_TAG) ? [...i.tags, PRIVATE_TAG] : i.tags);
    const text = own(i.text);
    out[k++] = source
      ? { line: i.line, text, checked: i.checked, tags, source }
      : { line: i.line, text, checked: i.checked, tags };
  }
  return out;
}

// What the index keeps must not keep the file. A string sliced from a file's
// text holds on to all of it (V8 keeps a slice's parent), so an item's text,
// a label or a link would keep every meeting whole in memory.

/** `text` as a string of its own: one character longer than it, flattened (slices shorter than 13 characters are copies already). */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Tag lists by their tags: items share a handful of distinct lists, so the index keeps one of each. */
const tagLists = new Map<string, readonly string[]>();
const NO_TAGS: readonly string[] = Object.freeze([]);

function internTags(tags: readonly string[]): readonly string[] {
  if (tags.length === 0) return NO_TAGS;
  const key = tags.length === 1 ? tags[0]! : tags.join('\n'); // a tag never holds a line break
  let shared = tagLists.get(key);
  if (!shared) {
    // Bounded: past it, lists are simply shared less.
    if (tagLists.size >= 10_000) tagLists.clear();
    shared = Object.freeze(tags.map(internTag));
    tagLists.set(own(key), shared);
  }
  return shared;
}

const tagNames = new Map<string, string>();

function internTag(tag: string): string {
  let shared = tagNames.get(tag);
  if (shared === undefined) {
    if (tagNames.size >= 10_000) tagNames.clear();
    shared = own(tag);
    tagNames.set(shared, shared);
  }
  return shared;
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

function checkFields(kind: FileKind, doc: JournalDocument): Problem[] {
  const problems: Problem[] = [];
  const expect = (key: string, allowed: readonly string[]): void => {
    const value = doc.data[key];
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      problems.push({
        message: `"${key}" should be one of: ${allowed.join(', ')}.`,
        line: keyLine(doc, key),
        severity: 'warning',
      });
    }
  };
  switch (kind) {
    case 'person':
      expect('role', ROLES);
      for (const p of scheduleOf(doc.data).problems)
        problems.push({ message: p.message, line: keyLine(doc, p.key), severity: 'warning' });
      break;
    case 'meeting': {
      expect('status', MEETING_STATUSES);
      const date = doc.data['date'];
      if (date !== undefined && !(typeof date === 'string' && isIsoDate(date))) {
        problems.push({
          message: '"date" should be a date like 2026-01-31.',
          line: keyLine(doc, 'date'),
          severity: 'warning',
        });
      }
      break;
    }
    case 'goal':
      expect('status', GOAL_STATUSES);
      break;
    case 'feedback':
      expect('status', FEEDBACK_STATUSES);
      break;
    default:
      break;
  }
  return problems;
}

/** The line of a top-level front-matter key, for pointing a diagnostic at it. */
function keyLine(doc: JournalDocument, key: string): number {
  const fm = doc.scan.frontMatter;
  if (!fm) return 0;
  const pattern = new RegExp(`^['"]?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`);
  for (let i = fm.startLine + 1; i < fm.endLine; i++) if (pattern.test(doc.source.lines[i]!.text)) return i;
  return fm.startLine;
}

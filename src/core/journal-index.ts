// The whole journal in memory, one compact entry per file. An update parses
// one file and touches one entry (plus the by-person list of a meeting); the
// index keeps no file text, so thousands of meetings stay cheap. What a file
// becomes is journal-entry.ts's; here are the index and its queries.

import { parseDocument } from './document';
import { takeLibraryWanted } from './on-demand';
import { requireRRule } from './rrule';
import { requireYaml } from './yaml';
import { JournalEntry, stringField, summarize } from './journal-entry';
import { Schedule } from './schedule';
import { classify, FileKind, personPath, titleFromSlug } from './layout';

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
  /** Files read without a library they need, with their newest text, until it is loaded (core/on-demand.ts). */
  private readonly awaitingLibraries = new Map<string, string>();
  /** Files whose front matter only yaml reads: kept with the index between sessions, so that one put back asks for it. */
  private readonly yamlFiles = new Set<string>();

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

  /**
   * Parses `text` as the file at `path` and replaces its entry; when that needs a library not loaded yet
   * (core/on-demand.ts), the old entry stays until `librariesSettled` (the entry returned is not put).
   */
  update(path: string, text: string): JournalEntry {
    takeLibraryWanted();
    // A template's `date: {{date}}` is a date to be, not the map yaml would read (and be loaded for).
    const doc = parseDocument(text, classify(path).kind === 'template');
    const entry = summarize(path, doc);
    if (takeLibraryWanted()) {
      this.awaitingLibraries.set(path, text);
      return entry;
    }
    this.put(entry, doc.needsYaml === true);
    return entry;
  }

  /** Whether some file waits for a library to be read. */
  get waitingForLibraries(): boolean {
    return this.awaitingLibraries.size > 0;
  }

  /** A library was loaded (or failed to load): the files that waited are read again, as one change. */
  librariesSettled(): void {
    const waiting = [...this.awaitingLibraries];
    this.awaitingLibraries.clear();
    this.batch(() => {
      for (const [path, text] of waiting) this.update(path, text);
    });
  }

  /** Puts back an entry made before (kept between sessions), unparsed; `needsYaml`: ask for yaml, its file needs it. */
  restore(entry: JournalEntry, needsYaml = false): void {
    this.put(entry, needsYaml);
    if (needsYaml) requireYaml();
  }

  /** Whether the file's front matter is one only yaml reads (as the index last read or restored it). */
  needsYaml(path: string): boolean {
    return this.yamlFiles.has(path);
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
    this.awaitingLibraries.delete(path);
    this.yamlFiles.delete(path);
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
    for (const path of [...this.awaitingLibraries.keys()])
      if (path.startsWith(prefix)) this.awaitingLibraries.delete(path);
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

  private put(entry: JournalEntry, needsYaml = false): void {
    if (needsYaml) this.yamlFiles.add(entry.path);
    else this.yamlFiles.delete(entry.path);
    // A newer state replaces the text that waited for a library; an RRULE cadence needs rrule for its dates.
    this.awaitingLibraries.delete(entry.path);
    if (entry.schedule?.cadence === 'rrule') requireRRule();
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

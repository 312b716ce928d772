// Searching the whole journal from the index (never reading files again):
// talking points, action items and wins of every meeting, feedback threads
// and goals' progress entries, each with its person, themes, status and
// date; and a query of words with quick filters — `@alex` (a person),
// `#growth` (a theme), `is:open` / `is:done`, `is:point`, `is:action`,
// `is:win`, `is:feedback`, `is:progress`. Linear in the journal's size.

import { JournalIndex } from './journal-index';
import { stringField } from './journal-entry';
import { extractTags } from './markdown-inline';

export type SearchKind = 'point' | 'action' | 'win' | 'feedback' | 'progress';

export interface SearchRow {
  readonly kind: SearchKind;
  readonly path: string;
  readonly line: number;
  readonly text: string;
  /** The person's slug and name (for a goal's progress, none). */
  readonly person?: string;
  readonly personName?: string;
  readonly date?: string;
  readonly tags: readonly string[];
  /** Points and action items: ticked or not; a thread: its status. */
  readonly status?: string;
}

export interface SearchResult {
  readonly rows: readonly SearchRow[];
  /** Files the journal could not read (their rows are missing). */
  readonly skipped: number;
}

/** A title tagged #private (or #private/…): its rows carry the tag, so what may not be shared leaves them out. */
function privateTitle(title: string): boolean {
  return extractTags(title).some((t) => t === 'private' || t.startsWith('private/'));
}

/** Every searchable line of the journal, newest first. */
export function searchRows(index: JournalIndex): SearchResult {
  const rows: SearchRow[] = [];
  let skipped = 0;
  const names = new Map(index.people().map((p) => [p.slug, p.name]));
  for (const entry of index.all()) {
    // Not read at all (binary, too large, not UTF-8): its rows are missing. A file whose front matter is broken still has them.
    if (entry.problems.some((p) => p.message.startsWith('Skipped:'))) skipped++;
    if (entry.kind === 'meeting') {
      const person = entry.person;
      const base = {
        path: entry.path,
        ...(person ? { person, personName: names.get(person) ?? person } : {}),
        ...(entry.date ? { date: entry.date } : {}),
      };
      const status = (checked: boolean | undefined): { status?: string } =>
        checked === undefined ? {} : { status: checked ? 'done' : 'open' };
      for (const a of entry.agenda)
        rows.push({ kind: 'point', line: a.line, text: a.text, tags: a.tags, ...base, ...status(a.checked) });
      for (const a of entry.actions)
        rows.push({ kind: 'action', line: a.line, text: a.text, tags: a.tags, ...base, ...status(a.checked) });
      for (const w of entry.wins) rows.push({ kind: 'win', line: w.line, text: w.text, tags: w.tags, ...base });
    } else if (entry.kind === 'feedback') {
      const from = stringField(entry.data, 'from');
      const slug = from ? index.findPerson(from)?.slug : undefined;
      const date =
        stringField(entry.data, 'received') ?? stringField(entry.data, 'date') ?? stringField(entry.data, 'created');
      rows.push({
        kind: 'feedback',
        path: entry.path,
        line: 0,
        text: entry.title,
        tags: privateTitle(entry.title) ? ['feedback', 'private'] : ['feedback'],
        ...(slug ? { person: slug, personName: names.get(slug) ?? slug } : from ? { personName: from } : {}),
        ...(date ? { date } : {}),
        ...(entry.status ? { status: entry.status } : {}),
      });
    } else if (entry.kind === 'goal') {
      for (const p of entry.progress ?? [])
        rows.push({
          kind: 'progress',
          path: entry.path,
          line: p.line,
          text: `${entry.title}: ${p.text}`,
          tags: p.private || privateTitle(entry.title) ? ['growth', 'private'] : ['growth'],
          date: p.date,
        });
    }
  }
  rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.path.localeCompare(b.path) || a.line - b.line);
  return { rows, skipped };
}

export interface SearchQuery {
  readonly words: readonly string[];
  readonly people: readonly string[];
  readonly tags: readonly string[];
  readonly status?: 'open' | 'done';
  readonly kinds: readonly SearchKind[];
}

const KINDS: readonly SearchKind[] = ['point', 'action', 'win', 'feedback', 'progress'];

/** Words and filters, case-insensitive: `@alex #growth is:open retry`. */
export function parseQuery(text: string): SearchQuery {
  const words: string[] = [];
  const people: string[] = [];
  const tags: string[] = [];
  const kinds: SearchKind[] = [];
  let status: 'open' | 'done' | undefined;
  for (const token of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (token.startsWith('@') && token.length > 1) people.push(token.slice(1));
    else if (token.startsWith('#') && token.length > 1) tags.push(token.slice(1));
    else if (token === 'is:open' || token === 'is:done') status = token === 'is:open' ? 'open' : 'done';
    else if (token.startsWith('is:') && KINDS.includes(token.slice(3) as SearchKind))
      kinds.push(token.slice(3) as SearchKind);
    else words.push(token);
  }
  return { words, people, tags, kinds, ...(status ? { status } : {}) };
}

/** True when the row has every word, one of the people, every theme (a prefix: `#team` finds `#team/process`), and the status and kind asked for. */
export function matchesQuery(row: SearchRow, query: SearchQuery): boolean {
  if (query.kinds.length > 0 && !query.kinds.includes(row.kind)) return false;
  if (query.status && stateOf(row) !== query.status) return false;
  if (query.people.length > 0) {
    const who = `${row.person ?? ''} ${row.personName?.toLowerCase() ?? ''}`;
    if (!query.people.some((p) => who.includes(p))) return false;
  }
  const tags = row.tags.map((t) => t.toLowerCase());
  if (!query.tags.every((q) => tags.some((t) => t === q || t.startsWith(`${q}/`)))) return false;
  if (query.words.length === 0) return true;
  const haystack = `${row.text} ${row.personName ?? ''} ${row.date ?? ''}`.toLowerCase();
  return query.words.every((w) => haystack.includes(w));
}

/** Open or done: a point's or action item's box; a feedback thread is done once closed. Wins and progress are neither. */
function stateOf(row: SearchRow): 'open' | 'done' | undefined {
  if (row.kind === 'feedback') return row.status === 'closed' ? 'done' : 'open';
  return row.status === 'open' || row.status === 'done' ? row.status : undefined;
}

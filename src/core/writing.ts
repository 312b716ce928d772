// Help while writing a meeting file: what to complete at the cursor (a theme
// tag or `#goal/<slug>` after `#`, an owner at the start of an action item),
// where `#goal/<slug>` tags link to, and where a carried item came from. Each
// works on one line or one parse of the file: linear in its size.

import { parseIsoDate } from './dates';
import { JournalDocument } from './document';
import { JournalIndex } from './journal-index';
import { ACTION_HEADINGS } from './journal-entry';
import { findSection } from './markdown-sections';
import { THEMES } from './talking-points';
import { l10n } from './l10n';

export type Completion =
  | { readonly kind: 'tag'; readonly start: number; readonly prefix: string }
  | { readonly kind: 'owner'; readonly start: number; readonly prefix: string };

/** What to complete with the cursor at `character` of line `line`, if anything. */
export function completionAt(doc: JournalDocument, line: number, character: number): Completion | undefined {
  if (doc.scan.kinds[line] !== 'text') return undefined;
  const before = doc.source.lines[line]?.text.slice(0, character) ?? '';
  const tag = /(?:^|[\s(])#([\p{L}\p{N}/_-]*)$/u.exec(before);
  if (tag) return { kind: 'tag', start: character - tag[1]!.length - 1, prefix: tag[1]! };
  const owner = /^(\s*[-*+]\s+\[[ xX]\]\s+)([^:]*)$/.exec(before);
  if (owner && inActionItems(doc, line)) return { kind: 'owner', start: owner[1]!.length, prefix: owner[2]! };
  return undefined;
}

function inActionItems(doc: JournalDocument, line: number): boolean {
  const section = findSection(doc.scan, doc.source.lines.length, ACTION_HEADINGS);
  return section !== undefined && line >= section.bodyStart && line < section.end;
}

export interface TagSuggestion {
  /** Without the `#`. */
  readonly tag: string;
  readonly detail: string;
}

/** The theme tags, `#private`, and `#goal/<slug>` for every goal still active, with its title. */
export function tagSuggestions(index: JournalIndex): TagSuggestion[] {
  const out: TagSuggestion[] = THEMES.map((t) => ({ tag: t.tag, detail: `${t.label}: ${t.description}` }));
  out.push({
    tag: 'private',
    detail: l10n.t('Private: never leaves the journal (not shared, not in a review packet)'),
  });
  for (const goal of index.ofKind('goal')) {
    if (goal.status === 'achieved' || goal.status === 'dropped') continue;
    out.push({ tag: `goal/${goal.slug}`, detail: l10n.t('Goal: {0}', goal.title) });
  }
  return out;
}

/** Who an action item can be for: you, and the people of the journal (the meeting's person first). */
export function ownerSuggestions(index: JournalIndex, person: string | undefined): string[] {
  const people = index.people();
  const first = people.find((p) => p.slug === person);
  return ['Me', ...(first ? [first.name] : []), ...people.filter((p) => p !== first).map((p) => p.name)];
}

export interface GoalLink {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The goal file's journal path. */
  readonly path: string;
}

/** Every `#goal/<slug>` of a known goal in the file's text lines, with its range. */
export function goalLinks(doc: JournalDocument, index: JournalIndex): GoalLink[] {
  const out: GoalLink[] = [];
  doc.source.lines.forEach((l, line) => {
    if (doc.scan.kinds[line] !== 'text' || !l.text.includes('#goal/')) return;
    for (const m of l.text.matchAll(/(^|[\s(])#goal\/([\p{L}\p{N}_-]+)/gu)) {
      const path = `goals/${m[2]}.md`;
      if (!index.get(path)) continue;
      const start = m.index + m[1]!.length;
      out.push({ line, start, end: start + m[0].length - m[1]!.length, path });
    }
  });
  return out;
}

export interface CarriedFrom {
  /** The link's label (the date of the meeting it came from) and target, as written. */
  readonly label: string;
  readonly target: string;
  /** The "Carried from" line. */
  readonly line: number;
}

const CARRIED = /^\s*Carried from \[((?:\\.|[^\]\\\n])*)\]\(([^)\s]*)\)\s*$/;

/** Where the item on `line` was carried from: its "Carried from" line, under it. */
export function carriedFrom(doc: JournalDocument, line: number): CarriedFrom | undefined {
  // The innermost item the line belongs to (items are in file order; a nested one starts after its parent).
  let item: (typeof doc.scan.items)[number] | undefined;
  for (const i of doc.scan.items) if (line >= i.line && line < i.endLine) item = i;
  if (!item) return undefined;
  for (let l = item.line + 1; l < item.endLine; l++) {
    const m = CARRIED.exec(doc.source.lines[l]!.text);
    if (m) return { label: m[1]!.replace(/\\(.)/g, '$1'), target: m[2]!, line: l };
  }
  return undefined;
}

/** "3 weeks ago", "yesterday", "today", from two ISO dates; undefined when either is not one. */
export function agoText(date: string, today: string): string | undefined {
  const a = parseIsoDate(date);
  const b = parseIsoDate(today);
  if (!a || !b) return undefined;
  const days = Math.round((b.getTime() - a.getTime()) / 86_400_000);
  if (days === 0) return l10n.t('today');
  if (days === 1) return l10n.t('yesterday');
  if (days < 0) return days === -1 ? l10n.t('in 1 day') : l10n.t('in {0} days', -days);
  if (days < 14) return l10n.t('{0} days ago', days);
  if (days < 60) return l10n.t('{0} weeks ago', Math.round(days / 7));
  return l10n.t('{0} months ago', Math.round(days / 30));
}

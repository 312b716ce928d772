// Carry-forward: what was left open in one meeting (talking points not yet
// discussed, open action items) is copied into the next, each with a line
// linking back to where it came from:
//
//   - [ ] Alex: share the promotion criteria doc
//     Carried from [2026-11-10](2026-11-10.md#carry-1x3k9q)
//
// Carrying is idempotent. An item is already carried when the target has an
// item with the same text (whatever its checkbox, tags or spacing) or a
// "Carried from" link with the same id — the id is a hash of the original
// text, so rewording the copy in the target does not bring the original back.

import { JournalDocument, parseDocument } from './document';
import { ACTION_HEADINGS, AGENDA_HEADINGS } from './journal-entry';
import { addListItemsLines, EditResult, sequence, SectionTarget } from './edits';
import { stripColumns } from './item-edits';
import { ListItem } from './markdown';
import { findSection, itemsIn } from './markdown-sections';
import { privateLines } from './share';
import { fnv1a } from './text';

export type CarrySection = 'agenda' | 'actions';

export interface CarryItem {
  readonly section: CarrySection;
  /** The item's head text, as in the source. */
  readonly text: string;
  /** Stable id from the text: `carry-<hash>`. */
  readonly id: string;
  /** The item's lines at column 0, any old "Carried from" line removed. */
  readonly lines: readonly string[];
}

export const AGENDA_TARGET: SectionTarget = { heading: 'Agenda', aliases: AGENDA_HEADINGS.slice(1), createAt: 'start' };
export const ACTIONS_TARGET: SectionTarget = {
  heading: 'Action items',
  aliases: ACTION_HEADINGS.slice(1),
  createAt: 'end',
};

const CARRIED_LINE = /^\s*Carried from \[(?:\\.|[^\]\\\n])*\]\([^)\s#]*#(carry-[a-z0-9]+)\)\s*$/;

/** The text two items are compared by: no checkbox, tags, markup spacing or case. */
export function itemKey(text: string): string {
  return (
    text
      // A number (`PR #42`) is not a tag, as in extractTags: it stays part of the text.
      .replace(/(^|\s)#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu, (m, _before: string, tag: string) =>
        /^\d+$/.test(tag.replace(/[/-]+$/, '')) ? m : ' ',
      )
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
  );
}

/** The key's FNV-1a hash: short, stable, not a secret. */
export function carryId(text: string): string {
  return `carry-${fnv1a(itemKey(text))}`;
}

function topLevel(doc: JournalDocument, headings: readonly string[]): ListItem[] {
  const section = findSection(doc.scan, doc.source.lines.length, headings);
  if (!section) return [];
  return itemsIn(doc.scan, section).filter(
    (i) => i.parent === -1 || doc.scan.items[i.parent]!.line < section.bodyStart,
  );
}

function columnZero(doc: JournalDocument, item: ListItem): string[] {
  const lines = doc.source.lines.slice(item.line, item.endLine).map((l) => l.text);
  const cut = item.indent;
  return lines
    .map((l) => (l.trim() === '' ? '' : stripColumns(l, cut)))
    .filter((l, i) => i === 0 || !CARRIED_LINE.test(l));
}

/**
 * An item's lines as carried. One that is private by where it sits (under a
 * Private heading, a heading tagged #private, a #private line) would be
 * public in the next meeting's Agenda: it takes the tag with it.
 */
function keepPrivate(lines: string[], hidden: boolean): string[] {
  if (!hidden || privateLines(parseDocument(lines.join('\n'))).lines[0]) return lines;
  return [`${lines[0]!.trimEnd()} #private`, ...lines.slice(1)];
}

/** What a meeting leaves open: unchecked agenda items and unchecked action items, top level. */
export function openItems(source: JournalDocument): CarryItem[] {
  const out: CarryItem[] = [];
  const hidden = /private/i.test(source.source.text) ? privateLines(source).lines : undefined;
  const take = (section: CarrySection, items: ListItem[]): void => {
    for (const item of items) {
      if (item.checked !== false || item.text.trim() === '') continue;
      out.push({
        section,
        text: item.text,
        id: carryId(item.text),
        lines: keepPrivate(columnZero(source, item), hidden?.[item.line] === true),
      });
    }
  };
  take('agenda', topLevel(source, AGENDA_HEADINGS));
  take('actions', topLevel(source, ACTION_HEADINGS));
  return out;
}

/** Keys and carry ids already present anywhere in a meeting. */
function present(target: JournalDocument): { keys: Set<string>; ids: Set<string> } {
  const keys = new Set<string>();
  const ids = new Set<string>();
  for (const item of target.scan.items) keys.add(itemKey(item.text));
  target.source.lines.forEach((line, i) => {
    if (target.scan.kinds[i] !== 'text') return;
    const m = CARRIED_LINE.exec(line.text);
    if (m) ids.add(m[1]!);
  });
  return { keys, ids };
}

/** The source's open items that the target does not have yet. */
export function toCarry(source: JournalDocument, target: JournalDocument): CarryItem[] {
  const { keys, ids } = present(target);
  const seen = new Set<string>();
  return openItems(source).filter((item) => {
    const key = itemKey(item.text);
    if (keys.has(key) || ids.has(item.id) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A markdown link target for a file name: spaces, brackets, `#` and `%` escaped (encodeURIComponent leaves parentheses). */
function linkTarget(file: string): string {
  return file.replace(/[ ()<>#%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The item's lines with the "Carried from" line under its first line. */
export function carriedLines(item: CarryItem, sourceLabel: string, sourceFile: string): string[] {
  const [head, ...body] = item.lines;
  const label = sourceLabel.replace(/[[\]\\]/g, '\\$&');
  return [head!, `  Carried from [${label}](${linkTarget(sourceFile)}#${item.id})`, ...body];
}

export interface CarryResult {
  readonly edits: EditResult;
  readonly carried: readonly CarryItem[];
}

/**
 * Carries the source meeting's open items into the target: agenda items to
 * its Agenda, action items to its Action items, as one set of edits.
 * `sourceLabel` is the link text (the date), `sourceFile` the link target
 * relative to the target (the file name, as both live in the person's folder).
 */
export function carryForward(
  source: JournalDocument,
  target: JournalDocument,
  sourceLabel: string,
  sourceFile: string,
): CarryResult {
  const items = toCarry(source, target);
  if (items.length === 0) return { edits: { edits: [] }, carried: [] };
  const block = (section: CarrySection): string[][] =>
    items.filter((i) => i.section === section).map((i) => carriedLines(i, sourceLabel, sourceFile));
  const agenda = block('agenda');
  const actions = block('actions');
  const edits = sequence(target, [
    (doc) => addListItemsLines(doc, AGENDA_TARGET, agenda),
    (doc) => addListItemsLines(doc, ACTIONS_TARGET, actions),
  ]);
  return { edits, carried: 'error' in edits ? [] : items };
}

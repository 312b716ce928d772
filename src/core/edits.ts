// Edit operations on one parsed journal file. Each returns the smallest text
// edits that do the job (or a reason it cannot be done safely); none of them
// rewrites a line it is not about.

import { JournalDocument, parseDocument } from './document';
import { EditResult, Scalar, setFrontMatterValue } from './front-matter';
import { findSection, itemsIn, ListItem } from './markdown';
import { applyEdits, composeEdits, insertAt, isBlank, TextEdit } from './text';

export type { EditResult } from './front-matter';

export interface NewListItem {
  /** The item's one-line text; line breaks become spaces. */
  readonly text: string;
  /** A task checkbox (`- [ ] …`); default true. */
  readonly checkbox?: boolean;
  /** Lines to put under the item (a quote, a code block); indented for the caller. */
  readonly body?: readonly string[];
}

export interface SectionTarget {
  /** Heading text to look for, e.g. "Agenda" (any level, case-insensitive). */
  readonly heading: string;
  /** Other headings that count as the same section, e.g. "Talking points". */
  readonly aliases?: readonly string[];
  /** Where to recreate the section when the file has none. */
  readonly createAt: 'start' | 'end';
}

function refuseReason(doc: JournalDocument): string | undefined {
  if (doc.scan.kinds.length !== doc.source.lines.length) return 'The file could not be parsed.';
  if (doc.scan.unterminatedFrontMatter) return 'Its front matter is never closed with ---.';
  if (doc.scan.unclosedBlockLine !== undefined) {
    return `A code fence or HTML block on line ${doc.scan.unclosedBlockLine + 1} is never closed.`;
  }
  return undefined;
}

/** Number of real lines: a file ending in a line break has an empty phantom line after it. */
function realLineCount(doc: JournalDocument): number {
  const lines = doc.source.lines;
  const last = lines[lines.length - 1]!;
  return last.text === '' && lines.length > 1 ? lines.length - 1 : last.text === '' ? 0 : lines.length;
}

/**
 * Inserts whole lines after line `after` (-1: at the top), keeping "no final
 * newline" files that way. Inserted lines use the file's line break — except
 * after a lone CR, where an inserted LF would merge with it into one CRLF.
 */
function insertLinesAfter(doc: JournalDocument, after: number, block: readonly string[]): TextEdit {
  const { lines } = doc.source;
  const before = after >= 0 ? lines[after]!.eol : '';
  const eol = before === '\r' && doc.source.eol === '\n' ? '\r' : doc.source.eol;
  const count = realLineCount(doc);
  const asLines = (): string => block.map((l) => l + eol).join('');
  if (count === 0) return insertAt(0, 0, asLines());
  if (after + 1 < count) return insertAt(after + 1, 0, asLines());
  const last = count - 1;
  if (lines[last]!.eol !== '') return insertAt(count, 0, asLines());
  return insertAt(last, lines[last]!.text.length, block.map((l) => eol + l).join(''));
}

export function renderListItem(item: NewListItem): string[] {
  const text = item.text.replace(/[\r\n]+/g, ' ').trim();
  const head = item.checkbox === false ? `- ${text}` : `- [ ] ${text}`;
  const body = (item.body ?? []).map((l) => (l.trim() === '' ? '' : `  ${l}`));
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  return [head, ...body];
}

/**
 * Appends a list item at the end of a section, after its last item. When the
 * section is missing it is recreated — never inside front matter or a fence.
 */
export function addListItem(doc: JournalDocument, target: SectionTarget, item: NewListItem): EditResult {
  return addListItemLines(doc, target, renderListItem(item));
}

/**
 * Adds an item given as ready lines (its first line a list item at column 0,
 * the rest indented under it) — an item moved from another file, say.
 */
export function addListItemLines(doc: JournalDocument, target: SectionTarget, itemLines: readonly string[]): EditResult {
  return addListItemsLines(doc, target, [itemLines]);
}

/** Several ready items appended to a section in one insertion, in order. */
export function addListItemsLines(doc: JournalDocument, target: SectionTarget, items: readonly (readonly string[])[]): EditResult {
  if (items.length === 0) return { edits: [] };
  const texts: string[] = [];
  for (const lines of items) {
    // `s`: an item's text may hold U+2028 or U+2029, which `.` would not match.
    const head = /^(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/s.exec(lines[0] ?? '');
    if (!head) return { error: 'Not a list item.' };
    texts.push(head[1]!.trim());
  }
  const result = computeAddListItem(doc, target, items.flat());
  if ('error' in result) return result;
  return verifyAddition(doc, target, result.edits, texts);
}

/**
 * Steps that each edit the text the previous ones produced, as one set of
 * edits against `doc` (e.g. an agenda item, an action item and a status
 * change made as one change). Refused if any step is.
 */
export function sequence(doc: JournalDocument, steps: readonly ((doc: JournalDocument) => EditResult)[]): EditResult {
  const raw = (doc.source.bom ? '\uFEFF' : '') + doc.source.text;
  let current = doc;
  let text = raw;
  const rounds: TextEdit[][] = [];
  for (const step of steps) {
    const result = step(current);
    if ('error' in result) return result;
    if (result.edits.length === 0) continue;
    rounds.push(result.edits);
    text = applyEdits(text, result.edits);
    current = parseDocument(text);
  }
  const edits = composeEdits(raw, rounds);
  return edits ? { edits } : { error: 'The change could not be expressed as separate edits; nothing was changed.' };
}

function computeAddListItem(doc: JournalDocument, target: SectionTarget, itemLines: readonly string[]): EditResult {
  const refused = refuseReason(doc);
  if (refused) return { error: refused };
  const { kinds } = doc.scan;
  const section = findSection(doc.scan, doc.source.lines.length, [target.heading, ...(target.aliases ?? [])]);

  if (section) {
    let lastContent = -1;
    for (let l = section.end - 1; l >= section.bodyStart; l--) {
      if (kinds[l] !== 'blank') {
        lastContent = l;
        break;
      }
    }
    const anchor = lastContent >= 0 ? lastContent : section.heading.line;
    const afterListItem = lastContent >= 0 && endsAList(itemsIn(doc.scan, section), lastContent);
    if (afterListItem) return { edits: [insertLinesAfter(doc, anchor, itemLines)] };
    // After a heading, paragraph, fence or HTML block: separate with one blank line.
    const count = realLineCount(doc);
    const next = anchor + 1;
    if (next < count && next < section.end && isBlank(doc.source.lines[next]!.text)) {
      const following = next + 1;
      const needsBlankAfter = following < count && !isBlank(doc.source.lines[following]!.text);
      return { edits: [insertLinesAfter(doc, next, needsBlankAfter ? [...itemLines, ''] : itemLines)] };
    }
    const needsBlankAfter = next < count;
    return { edits: [insertLinesAfter(doc, anchor, ['', ...itemLines, ...(needsBlankAfter ? [''] : [])])] };
  }

  if (target.createAt === 'start') {
    // Before the first section, at its level, so the new section does not swallow it.
    const firstSubheading = doc.scan.headings.find((h) => h.level >= 2);
    if (firstSubheading) {
      const heading = `${'#'.repeat(firstSubheading.level)} ${target.heading}`;
      return { edits: [insertLinesAfter(doc, firstSubheading.line - 1, [heading, '', ...itemLines, ''])] };
    }
  }
  const sectionLines = [`## ${target.heading}`, '', ...itemLines];
  let lastContent = -1;
  for (let l = realLineCount(doc) - 1; l >= 0; l--) {
    if (kinds[l] !== 'blank') {
      lastContent = l;
      break;
    }
  }
  if (lastContent < 0) return { edits: [insertLinesAfter(doc, -1, sectionLines)] };
  return { edits: [insertLinesAfter(doc, lastContent, ['', ...sectionLines])] };
}

/**
 * The safety net under every insertion: re-parse the result and refuse unless
 * the new item sits in the target section, no block was left open, and every
 * original line is still there.
 */
function verifyAddition(doc: JournalDocument, target: SectionTarget, edits: TextEdit[], itemTexts: readonly string[]): EditResult {
  const before = (doc.source.bom ? '\uFEFF' : '') + doc.source.text;
  const after = parseDocument(applyEdits(before, edits));
  const section = findSection(after.scan, after.source.lines.length, [target.heading, ...(target.aliases ?? [])]);
  const inSection = section ? itemsIn(after.scan, section).map((i) => i.text) : [];
  const landed = section !== undefined && itemTexts.every((t) => inSection.includes(t));
  // Exactly the headings there were, plus the section when it was recreated: nothing in the item became structure.
  const created = findSection(doc.scan, doc.source.lines.length, [target.heading, ...(target.aliases ?? [])]) === undefined ? 1 : 0;
  if (!landed || after.scan.unclosedBlockLine !== undefined || after.scan.headings.length !== doc.scan.headings.length + created) {
    return { error: 'The talking point could not be placed safely in this file (its structure is unusual); nothing was changed.' };
  }
  return { edits };
}

/** True when `line` is the last line of a list item in the section (or of its body). */
function endsAList(items: readonly ListItem[], line: number): boolean {
  return items.some((item) => item.line <= line && line < item.endLine);
}

/**
 * Finds the item a tree row or command refers to: on `line` with `text` when
 * the file has not moved, else the only item in the file with that text.
 */
export function locateItem(doc: JournalDocument, line: number, text: string): ListItem | undefined {
  const at = doc.scan.items.find((i) => i.line === line);
  if (at && at.text === text) return at;
  const same = doc.scan.items.filter((i) => i.text === text);
  return same.length === 1 ? same[0] : undefined;
}

export interface TakenItem {
  readonly edits: TextEdit[];
  /** The item's lines, moved to column 0 (its body keeps its indentation relative to it). */
  readonly lines: string[];
}

/** Removes a whole item (with its body and nested items) and hands back its lines, for a move. */
export function takeListItem(doc: JournalDocument, line: number, text: string): TakenItem | { readonly error: string } {
  const refused = refuseReason(doc);
  if (refused) return { error: refused };
  const item = locateItem(doc, line, text);
  if (!item) return { error: `The item "${text}" is no longer where it was; refresh and try again.` };
  const { lines } = doc.source;
  const taken = lines.slice(item.line, item.endLine).map((l) => l.text);
  const cut = item.indent;
  const moved = taken.map((l) => (l.trim() === '' ? '' : stripColumns(l, cut)));
  const lastLine = item.endLine - 1;
  const count = realLineCount(doc);
  // Delete whole lines; the last line of a file without a final newline takes the break before it.
  if (item.endLine < count || lines[lastLine]!.eol !== '') {
    return { edits: [{ range: { start: { line: item.line, character: 0 }, end: { line: item.endLine, character: 0 } }, newText: '' }], lines: moved };
  }
  if (item.line === 0) {
    return { edits: [{ range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: lines[lastLine]!.text.length } }, newText: '' }], lines: moved };
  }
  const previous = item.line - 1;
  return {
    edits: [{ range: { start: { line: previous, character: lines[previous]!.text.length }, end: { line: lastLine, character: lines[lastLine]!.text.length } }, newText: '' }],
    lines: moved,
  };
}

/** `text` without its first `columns` columns of indentation (a tab advancing to the next multiple of 4). */
export function stripColumns(text: string, columns: number): string {
  let i = 0;
  let width = 0;
  while (i < text.length && width < columns && (text[i] === ' ' || text[i] === '\t')) {
    width += text[i] === '\t' ? 4 - (width % 4) : 1;
    i++;
  }
  return text.slice(i);
}

/** Ticks or clears the checkbox of the item on `line`. */
export function setItemChecked(doc: JournalDocument, line: number, checked: boolean): EditResult {
  const item = doc.scan.items.find((i) => i.line === line);
  if (!item || item.checkCharacter === undefined) return { error: `Line ${line + 1} is not a checkbox item.` };
  if (item.checked === checked) return { edits: [] };
  const start = { line, character: item.checkCharacter };
  return { edits: [{ range: { start, end: { line, character: item.checkCharacter + 1 } }, newText: checked ? 'x' : ' ' }] };
}

/** Sets one front-matter key of a parsed document. */
export function setField(doc: JournalDocument, key: string, value: Scalar): EditResult {
  return setFrontMatterValue(doc.source.lines, doc.scan, doc.source.eol, key, value);
}

/**
 * Appends a block of text lines (a paragraph, a quote) at the end of a
 * section, set off by blank lines. The block must not add structure: it is
 * refused if re-parsing finds a new heading, list item or open block.
 */
export function addBlock(doc: JournalDocument, target: SectionTarget, block: readonly string[]): EditResult {
  const refused = refuseReason(doc);
  if (refused) return { error: refused };
  if (block.length === 0) return { edits: [] };
  const { kinds } = doc.scan;
  const count = realLineCount(doc);
  const names = [target.heading, ...(target.aliases ?? [])];
  const section = findSection(doc.scan, doc.source.lines.length, names);
  let edits: TextEdit[];
  if (section) {
    let anchor = section.heading.line;
    for (let l = Math.min(section.end, count) - 1; l >= section.bodyStart; l--) {
      if (kinds[l] !== 'blank') {
        anchor = l;
        break;
      }
    }
    const next = anchor + 1;
    const blankAfter = next < count && !isBlank(doc.source.lines[next]!.text);
    edits = [insertLinesAfter(doc, anchor, ['', ...block, ...(blankAfter ? [''] : [])])];
  } else {
    let last = -1;
    for (let l = count - 1; l >= 0; l--) {
      if (kinds[l] !== 'blank') {
        last = l;
        break;
      }
    }
    const lines = [`## ${target.heading}`, '', ...block];
    edits = [insertLinesAfter(doc, last, last < 0 ? lines : ['', ...lines])];
  }
  const after = parseDocument(applyEdits((doc.source.bom ? '\uFEFF' : '') + doc.source.text, edits));
  const created = section ? 0 : 1;
  if (
    after.scan.unclosedBlockLine !== undefined ||
    after.scan.headings.length !== doc.scan.headings.length + created ||
    after.scan.items.length !== doc.scan.items.length
  ) {
    return { error: 'The text could not be placed safely in this file (its structure is unusual); nothing was changed.' };
  }
  return { edits };
}

/**
 * Replaces an item's one-line text (what follows its marker and checkbox),
 * found by `locateItem`; the marker, the indentation and every other line stay.
 */
export function replaceItemText(doc: JournalDocument, line: number, text: string, newText: string): EditResult {
  const refused = refuseReason(doc);
  if (refused) return { error: refused };
  const item = locateItem(doc, line, text);
  if (!item) return { error: 'The item is no longer there; it may have been edited meanwhile.' };
  const lineText = doc.source.lines[item.line]!.text;
  const start = lineText.indexOf(item.text, item.contentIndent);
  if (start < 0) return { error: 'The item could not be located on its line.' };
  const replacement = newText.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  return { edits: [{ range: { start: { line: item.line, character: start }, end: { line: item.line, character: start + item.text.length } }, newText: replacement }] };
}

// Edit operations on one parsed journal file. Each returns the smallest text
// edits that do the job (or a reason it cannot be done safely); none of them
// rewrites a line it is not about.
//
// Here: what every edit returns, composing edits, and adding list items to a
// section; item-edits.ts changes items in place, block-edits.ts adds text,
// front-matter-edits.ts sets fields.

import { JournalDocument, parseDocument } from './document';
import { ListItem } from './markdown';
import { findSection, itemsIn } from './markdown-sections';
import { applyEdits, composeEdits, insertAt, isBlank, splitLines, TextEdit } from './text';
import { l10n } from './l10n';

export type EditResult = { readonly edits: TextEdit[] } | { readonly error: string };

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

/**
 * Why a file is not edited at all (it is unparsed, or something in it is
 * never closed), or undefined. `openBlockAllowed`: a code fence or HTML block
 * left open is no reason by itself (an insertion above it is safe; the caller
 * checks where its lines go).
 */
export function refuseReason(doc: JournalDocument, openBlockAllowed = false): string | undefined {
  if (doc.scan.kinds.length !== doc.source.lines.length) return l10n.t('The file could not be parsed.');
  if (doc.scan.unterminatedFrontMatter) return l10n.t('Its front matter is never closed with ---.');
  if (doc.scan.unclosedBlockLine !== undefined && !openBlockAllowed) return openBlockReason(doc);
  return undefined;
}

function openBlockReason(doc: JournalDocument): string {
  return l10n.t('A code fence or HTML block on line {0} is never closed.', (doc.scan.unclosedBlockLine ?? 0) + 1);
}

/** Number of real lines: a file ending in a line break has an empty phantom line after it. */
export function realLineCount(doc: JournalDocument): number {
  const lines = doc.source.lines;
  const last = lines[lines.length - 1]!;
  return last.text === '' && lines.length > 1 ? lines.length - 1 : last.text === '' ? 0 : lines.length;
}

/**
 * Inserts whole lines after line `after` (-1: at the top), keeping "no final
 * newline" files that way. Inserted lines use the file's line break — except
 * where it would merge with a neighbour into one CRLF: an LF after a lone CR
 * (a CR is used), a lone CR before an empty line that ends in LF (a CRLF is).
 */
export function insertLinesAfter(doc: JournalDocument, after: number, block: readonly string[]): TextEdit {
  const { lines } = doc.source;
  const before = after >= 0 ? lines[after]!.eol : '';
  const next = lines[after + 1];
  let eol = before === '\r' && doc.source.eol === '\n' ? '\r' : doc.source.eol;
  if (eol === '\r' && next !== undefined && next.text === '' && next.eol === '\n') eol = '\r\n';
  const count = realLineCount(doc);
  const asLines = (): string => block.map((l) => l + eol).join('');
  if (count === 0) return insertAt(0, 0, asLines());
  if (after + 1 < count) return insertAt(after + 1, 0, asLines());
  const last = count - 1;
  if (lines[last]!.eol !== '') return insertAt(count, 0, asLines());
  return insertAt(last, lines[last]!.text.length, block.map((l) => eol + l).join(''));
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/**
 * Text without control characters other than tab and line breaks: a NUL
 * from a captured selection would make the whole file read as binary.
 */
export function withoutControlCharacters(text: string): string {
  return CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, '') : text;
}

export function renderListItem(item: NewListItem): string[] {
  const text = withoutControlCharacters(item.text.replace(/[\r\n]+/g, ' ')).trim();
  const head = item.checkbox === false ? `- ${text}` : `- [ ] ${text}`;
  const body = (item.body ?? []).map((l) => withoutControlCharacters(l)).map((l) => (l.trim() === '' ? '' : `  ${l}`));
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
export function addListItemLines(
  doc: JournalDocument,
  target: SectionTarget,
  itemLines: readonly string[],
): EditResult {
  return addListItemsLines(doc, target, [itemLines]);
}

/** Several ready items appended to a section in one insertion, in order. */
export function addListItemsLines(
  doc: JournalDocument,
  target: SectionTarget,
  items: readonly (readonly string[])[],
): EditResult {
  if (items.length === 0) return { edits: [] };
  const texts: string[] = [];
  for (const lines of items) {
    // `s`: an item's text may hold U+2028 or U+2029, which `.` would not match.
    const head = /^(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/s.exec(lines[0] ?? '');
    if (!head) return { error: l10n.t('Not a list item.') };
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
    // Every step writes the file's own line break: in a file that mixes them, what the earlier steps added may tip the count.
    if (current.source.eol !== doc.source.eol)
      current = { ...current, source: { ...current.source, eol: doc.source.eol } };
  }
  const edits = composeEdits(raw, rounds);
  return edits
    ? { edits }
    : { error: l10n.t('The change could not be expressed as separate edits; nothing was changed.') };
}

function computeAddListItem(doc: JournalDocument, target: SectionTarget, itemLines: readonly string[]): EditResult {
  // A fence still being typed below the sections (at the end of the notes) does not block the agenda above it.
  const refused = refuseReason(doc, true);
  if (refused) return { error: refused };
  const result = placeListItem(doc, target, itemLines);
  const open = doc.scan.unclosedBlockLine;
  if (open === undefined || 'error' in result) return result;
  const at = result.edits[0]!.range.start;
  const inside = at.line > open || (at.line === open && at.character > 0);
  return inside
    ? {
        error: l10n.t(
          '{0} It runs to the end of the file, over the place the item would go; close it first.',
          openBlockReason(doc),
        ),
      }
    : result;
}

function placeListItem(doc: JournalDocument, target: SectionTarget, itemLines: readonly string[]): EditResult {
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
 * the new item sits in the target section, no block or front matter was left
 * open, and every original line is still there, read as it was.
 */
function verifyAddition(
  doc: JournalDocument,
  target: SectionTarget,
  edits: TextEdit[],
  itemTexts: readonly string[],
): EditResult {
  const before = (doc.source.bom ? '\uFEFF' : '') + doc.source.text;
  const after = parseDocument(applyEdits(before, edits));
  const section = findSection(after.scan, after.source.lines.length, [target.heading, ...(target.aliases ?? [])]);
  const inSection = section ? itemsIn(after.scan, section).map((i) => i.text) : [];
  const landed = section !== undefined && itemTexts.every((t) => inSection.includes(t));
  // Exactly the headings there were, plus the section when it was recreated: nothing in the item became structure.
  const created =
    findSection(doc.scan, doc.source.lines.length, [target.heading, ...(target.aliases ?? [])]) === undefined ? 1 : 0;
  // (A file that is just `---` reads as an open front matter once lines follow it.)
  const opened = after.scan.unterminatedFrontMatter && !doc.scan.unterminatedFrontMatter;
  // A block left open before stays open, moved down by the lines inserted above it; none opens.
  const added = after.source.lines.length - doc.source.lines.length;
  const open = doc.scan.unclosedBlockLine;
  if (
    !landed ||
    opened ||
    after.scan.unclosedBlockLine !== (open === undefined ? undefined : open + added) ||
    after.scan.headings.length !== doc.scan.headings.length + created ||
    !keepsLines(doc, after, edits)
  ) {
    return {
      error: l10n.t(
        'The talking point could not be placed safely in this file (its structure is unusual); nothing was changed.',
      ),
    };
  }
  return { edits };
}

/**
 * True when every line of `doc` is in `after` as it was, with the same kind:
 * what the one insertion in `edits` added did not take in the lines after it
 * (a fence in a moved item that only its end closed runs on into them).
 */
function keepsLines(doc: JournalDocument, after: JournalDocument, edits: readonly TextEdit[]): boolean {
  const edit = edits[0];
  if (edits.length !== 1 || !edit) return false;
  const at = edit.range.start;
  // Inserted at a line start, the lines from there move down; appended to the last line, none does.
  const added = at.character === 0 ? splitLines(edit.newText).length - 1 : 0;
  const old = doc.source.lines;
  for (let l = 0; l < old.length; l++) {
    if (l === old.length - 1 && old[l]!.text === '' && l > 0) break; // the empty "line" after a final break
    const j = at.character === 0 && l >= at.line ? l + added : l;
    if (after.source.lines[j]?.text !== old[l]!.text || after.scan.kinds[j] !== doc.scan.kinds[l]) return false;
  }
  return true;
}

/** True when `line` is the last line of a list item in the section (or of its body). */
function endsAList(items: readonly ListItem[], line: number): boolean {
  return items.some((item) => item.line <= line && line < item.endLine);
}

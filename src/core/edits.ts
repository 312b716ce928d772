// Edit operations on one parsed journal file. Each returns the smallest text
// edits that do the job (or a reason it cannot be done safely); none of them
// rewrites a line it is not about.

import { JournalDocument, parseDocument } from './document';
import { EditResult, Scalar, setFrontMatterValue } from './front-matter';
import { findSection, itemsIn, ListItem } from './markdown';
import { privateLines } from './share';
import { applyEdits, composeEdits, indentWidth, insertAt, isBlank, splitLines, stripBom, TextEdit } from './text';

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
 * where it would merge with a neighbour into one CRLF: an LF after a lone CR
 * (a CR is used), a lone CR before an empty line that ends in LF (a CRLF is).
 */
function insertLinesAfter(doc: JournalDocument, after: number, block: readonly string[]): TextEdit {
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
    // Every step writes the file's own line break: in a file that mixes them, what the earlier steps added may tip the count.
    if (current.source.eol !== doc.source.eol)
      current = { ...current, source: { ...current.source, eol: doc.source.eol } };
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
  if (
    !landed ||
    opened ||
    after.scan.unclosedBlockLine !== undefined ||
    after.scan.headings.length !== doc.scan.headings.length + created ||
    !keepsLines(doc, after, edits)
  ) {
    return {
      error:
        'The talking point could not be placed safely in this file (its structure is unusual); nothing was changed.',
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
  let edit: TextEdit;
  // Delete whole lines; the last line of a file without a final newline takes the break before it.
  if (item.endLine < count || lines[lastLine]!.eol !== '') {
    edit = {
      range: { start: { line: item.line, character: 0 }, end: { line: item.endLine, character: 0 } },
      newText: '',
    };
  } else if (item.line === 0) {
    edit = {
      range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: lines[lastLine]!.text.length } },
      newText: '',
    };
  } else {
    const previous = item.line - 1;
    edit = {
      range: {
        start: { line: previous, character: lines[previous]!.text.length },
        end: { line: lastLine, character: lines[lastLine]!.text.length },
      },
      newText: '',
    };
  }
  if (!verifyRemoval(doc, item, edit)) {
    return {
      error: `Taking "${text}" out would change how the lines around it read (an unusual structure: check its indentation); nothing was changed.`,
    };
  }
  return { edits: [edit], lines: moved };
}

/**
 * The safety net under a removal: re-parse the result and refuse unless every
 * other line is still there with its text, its line break (but for the one
 * that becomes last), its kind and whether it is private, and every other
 * item keeps its text, box and parent. Markdown reads a line by what comes before it, so taking an item
 * out can make the next lines nest under the one before (or, in a file that
 * mixes breaks, join a lone CR and an LF into one line break).
 */
function verifyRemoval(doc: JournalDocument, item: ListItem, edit: TextEdit): boolean {
  const after = parseDocument(applyEdits((doc.source.bom ? '\uFEFF' : '') + doc.source.text, [edit]));
  const removed = item.endLine - item.line;
  const map = (l: number): number => (l < item.line ? l : l - removed);
  const old = doc.source.lines;
  const now = after.source.lines;
  if (now.length !== old.length - removed) return false;
  for (let l = 0; l < old.length; l++) {
    if (l >= item.line && l < item.endLine) continue;
    const j = map(l);
    if (now[j]!.text !== old[l]!.text || after.scan.kinds[j] !== doc.scan.kinds[l]) return false;
    if (now[j]!.eol !== old[l]!.eol && j !== now.length - 1) return false;
  }
  if (after.scan.headings.length !== doc.scan.headings.length) return false;
  // What is private stays private, and nothing else becomes so (a #private paragraph takes in the lines that follow it).
  if (/private/i.test(doc.source.text)) {
    const was = privateLines(doc).lines;
    const is = privateLines(after).lines;
    for (let l = 0; l < old.length; l++)
      if ((l < item.line || l >= item.endLine) && was[l] !== is[map(l)]) return false;
  }
  const kept = doc.scan.items.filter((i) => i.line < item.line || i.line >= item.endLine);
  if (after.scan.items.length !== kept.length) return false;
  return kept.every((old, k) => {
    const now = after.scan.items[k]!;
    const parent = old.parent === -1 ? -1 : map(doc.scan.items[old.parent]!.line);
    const nowParent = now.parent === -1 ? -1 : after.scan.items[now.parent]!.line;
    return now.line === map(old.line) && now.text === old.text && now.checked === old.checked && parent === nowParent;
  });
}

/**
 * `text` without its first `columns` columns of indentation (a tab advancing
 * to the next multiple of 4). When a tab reaches past the cut, or one is left
 * in the indentation after a cut between tab stops, the indentation left is
 * written as spaces: a tab counts to the next tab stop, which would move.
 */
export function stripColumns(text: string, columns: number): string {
  let i = 0;
  let width = 0;
  while (i < text.length && width < columns && (text[i] === ' ' || text[i] === '\t')) {
    width += text[i] === '\t' ? 4 - (width % 4) : 1;
    i++;
  }
  let end = i;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  // Cut at a tab stop, or no tab left in the indentation: the rest stays as it was.
  if (width === columns && (columns % 4 === 0 || !text.slice(i, end).includes('\t'))) return text.slice(i);
  return ' '.repeat(indentWidth(text) - Math.min(columns, width)) + text.slice(end);
}

/** Ticks or clears the checkbox of the item on `line`. */
export function setItemChecked(doc: JournalDocument, line: number, checked: boolean): EditResult {
  const item = doc.scan.items.find((i) => i.line === line);
  if (!item || item.checkCharacter === undefined) return { error: `Line ${line + 1} is not a checkbox item.` };
  if (item.checked === checked) return { edits: [] };
  const start = { line, character: item.checkCharacter };
  return {
    edits: [{ range: { start, end: { line, character: item.checkCharacter + 1 } }, newText: checked ? 'x' : ' ' }],
  };
}

/** Sets one front-matter key of a parsed document. */
export function setField(doc: JournalDocument, key: string, value: Scalar): EditResult {
  // A file not read as markdown (binary, too large) has no front matter we know of: a new block would sit on top of its real one.
  if (doc.scan.kinds.length !== doc.source.lines.length) return { error: 'The file could not be parsed.' };
  // A block created at the top ends in the file's break: a lone CR there would merge with an LF that starts the file.
  const first = doc.source.lines[0]!;
  const eol =
    doc.source.eol === '\r' && !doc.scan.frontMatter && first.text === '' && first.eol === '\n'
      ? '\r\n'
      : doc.source.eol;
  return setFrontMatterValue(doc.source.lines, doc.scan, eol, key, value);
}

/**
 * Sets several front-matter keys as one change. In a file without front
 * matter the first key creates the block and the others go inside it: that
 * is one insertion at the top, not a step editing inside an earlier one
 * (which `sequence` cannot express).
 */
export function setFields(doc: JournalDocument, fields: readonly (readonly [string, Scalar])[]): EditResult {
  const steps = fields.map(
    ([key, value]) =>
      (d: JournalDocument) =>
        setField(d, key, value),
  );
  if (doc.scan.frontMatter || doc.scan.unterminatedFrontMatter || steps.length < 2) return sequence(doc, steps);
  let text = (doc.source.bom ? '\uFEFF' : '') + doc.source.text;
  for (const step of steps) {
    const result = step(parseDocument(text));
    if ('error' in result) return result;
    text = applyEdits(text, result.edits);
  }
  const now = stripBom(text).text;
  const before = doc.source.text;
  if (!now.endsWith(before))
    return { error: 'The change could not be expressed as separate edits; nothing was changed.' };
  return { edits: [insertAt(0, 0, now.slice(0, now.length - before.length))] };
}

/**
 * Appends a block of text lines (a paragraph, a quote) at the end of a
 * section, set off by blank lines. The block must not add structure: it is
 * refused if re-parsing finds a new heading, list item or open block.
 */
export function addBlock(doc: JournalDocument, target: SectionTarget, lines: readonly string[]): EditResult {
  const refused = refuseReason(doc);
  if (refused) return { error: refused };
  const block = lines.map(withoutControlCharacters);
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
    (after.scan.unterminatedFrontMatter && !doc.scan.unterminatedFrontMatter) ||
    after.scan.headings.length !== doc.scan.headings.length + created ||
    after.scan.items.length !== doc.scan.items.length
  ) {
    return {
      error: 'The text could not be placed safely in this file (its structure is unusual); nothing was changed.',
    };
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
  return {
    edits: [
      {
        range: {
          start: { line: item.line, character: start },
          end: { line: item.line, character: start + item.text.length },
        },
        newText: replacement,
      },
    ],
  };
}

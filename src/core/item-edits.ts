// Edits to a list item where it is: finding it again, taking it out for a
// move, ticking its box, replacing its text. Each one re-reads the result and
// refuses when anything else would read differently.

import { JournalDocument, parseDocument } from './document';
import { EditResult, realLineCount, refuseReason } from './edits';
import { ListItem } from './markdown';
import { privateLines } from './share';
import { applyEdits, indentWidth, TextEdit } from './text';
import { l10n } from './l10n';

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
  if (!item) return { error: l10n.t('The item "{0}" is no longer where it was; refresh and try again.', text) };
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
      error: l10n.t(
        'Taking "{0}" out would change how the lines around it read (an unusual structure: check its indentation); nothing was changed.',
        text,
      ),
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
  if (!item || item.checkCharacter === undefined)
    return { error: l10n.t('Line {0} is not a checkbox item.', line + 1) };
  if (item.checked === checked) return { edits: [] };
  const start = { line, character: item.checkCharacter };
  return {
    edits: [{ range: { start, end: { line, character: item.checkCharacter + 1 } }, newText: checked ? 'x' : ' ' }],
  };
}

/**
 * Replaces an item's one-line text (what follows its marker and checkbox),
 * found by `locateItem`; the marker, the indentation and every other line stay.
 */
export function replaceItemText(doc: JournalDocument, line: number, text: string, newText: string): EditResult {
  const refused = refuseReason(doc);
  if (refused) return { error: refused };
  const item = locateItem(doc, line, text);
  if (!item) return { error: l10n.t('The item is no longer there; it may have been edited meanwhile.') };
  const lineText = doc.source.lines[item.line]!.text;
  const start = lineText.indexOf(item.text, item.contentIndent);
  if (start < 0) return { error: l10n.t('The item could not be located on its line.') };
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

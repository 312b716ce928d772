// Adding a block of text (a paragraph, a quote) to a section, the way
// edits.ts adds list items: the smallest insertion, checked by re-reading.

import { JournalDocument, parseDocument } from './document';
import {
  EditResult,
  insertLinesAfter,
  realLineCount,
  refuseReason,
  SectionTarget,
  withoutControlCharacters,
} from './edits';
import { findSection } from './markdown-sections';
import { applyEdits, isBlank, TextEdit } from './text';
import { l10n } from './l10n';

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
      error: l10n.t(
        'The text could not be placed safely in this file (its structure is unusual); nothing was changed.',
      ),
    };
  }
  return { edits };
}

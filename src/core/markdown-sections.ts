// Sections of a scanned file: the part under a heading, found by its name,
// and the list items in it.

import { Heading, ListItem, ScannedMarkdown } from './markdown';

export interface Section {
  readonly heading: Heading;
  /** First line after the heading. */
  readonly bodyStart: number;
  /** One past the section's last line (the next heading of the same or a higher level, or the end). */
  readonly end: number;
}

/** Nothing for normalizeHeading to strip: no `*_\``, no final colon, no space at either end. */
const PLAIN_HEADING = /^(?:[^*_`\s][^*_`]*)?[^*_`:\s]$/;

export function normalizeHeading(text: string): string {
  if (PLAIN_HEADING.test(text)) return text.toLowerCase();
  return text.replace(/[*_`]/g, '').replace(/:\s*$/, '').trim().toLowerCase();
}

/** The first section whose heading (any level) reads as one of `names`. */
export function findSection(scan: ScannedMarkdown, lineCount: number, names: readonly string[]): Section | undefined {
  const wanted = names.map(normalizeHeading);
  const hs = scan.headings;
  for (let h = 0; h < hs.length; h++) {
    if (wanted.includes(normalizeHeading(hs[h]!.text))) return sectionAt(scan, h, lineCount);
  }
  return undefined;
}

/** The section of heading `h` of `scan`: up to the next heading of the same level or higher, or the end. */
export function sectionAt(scan: ScannedMarkdown, h: number, lineCount: number): Section {
  const hs = scan.headings;
  const heading = hs[h]!;
  let end = lineCount;
  for (let k = h + 1; k < hs.length; k++) {
    if (hs[k]!.level <= heading.level) {
      end = hs[k]!.line;
      break;
    }
  }
  return { heading, bodyStart: heading.line + 1, end };
}

export function itemsIn(scan: ScannedMarkdown, section: Section): ListItem[] {
  return scan.items.filter((item) => item.line >= section.bodyStart && item.line < section.end);
}

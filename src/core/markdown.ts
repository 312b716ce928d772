// A deliberately small markdown scanner. It knows just enough CommonMark to
// tell where headings and list items are, and to never mistake the inside of
// a code fence, an HTML block or the front matter for either. It keeps line
// numbers rather than building an AST: that is all the journal needs, and it
// is what keeps indexing thousands of files cheap.
//
// It is a little longer than 300 lines: the scan loop and the line readers it
// calls on every line are the hot path of indexing, kept together.

import { Line } from './text';
import { extractTags } from './markdown-inline';

export type LineKind = 'text' | 'blank' | 'front-matter' | 'fence' | 'html';

export interface Heading {
  readonly line: number;
  readonly level: number;
  readonly text: string;
}

export interface ListItem {
  readonly line: number;
  /** One past the last line that belongs to the item (trailing blank lines excluded). */
  readonly endLine: number;
  readonly indent: number;
  /** Column where the item's text starts; continuation lines are indented to it. */
  readonly contentIndent: number;
  /** undefined for a plain bullet, true/false for a task checkbox. */
  readonly checked: boolean | undefined;
  /** Character range of the box's mark (the space or x), for toggling. */
  readonly checkCharacter: number | undefined;
  readonly text: string;
  readonly tags: readonly string[];
  /** Index of the enclosing item in `items`, or -1 at top level. */
  readonly parent: number;
}

export interface FrontMatterBlock {
  /** Line of the opening `---` (always 0). */
  readonly startLine: number;
  /** Line of the closing `---` or `...`. */
  readonly endLine: number;
  readonly raw: string;
}

export interface ScannedMarkdown {
  readonly kinds: readonly LineKind[];
  readonly frontMatter: FrontMatterBlock | undefined;
  /** Set when the file opens with `---` that is never closed. */
  readonly unterminatedFrontMatter: boolean;
  readonly headings: readonly Heading[];
  readonly items: readonly ListItem[];
  /** Line of a code fence or HTML block that is never closed (it swallows the rest of the file). */
  readonly unclosedBlockLine: number | undefined;
}

const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/s;
const HTML_RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_RAW_CLOSE = /<\/(script|pre|style|textarea)>/i;
const HTML_BLOCK_OPEN = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)/;

export function scanMarkdown(lines: readonly Line[]): ScannedMarkdown {
  const kinds: LineKind[] = new Array(lines.length);
  let frontMatter: FrontMatterBlock | undefined;
  let unterminatedFrontMatter = false;
  let first = 0;

  if (lines.length > 1 && lines[0]!.text.trimEnd() === '---') {
    let close = -1;
    for (let i = 1; i < lines.length; i++) {
      const t = lines[i]!.text.trimEnd();
      if (t === '---' || t === '...') {
        close = i;
        break;
      }
    }
    if (close > 0) {
      let raw = '';
      // Joined with \n whatever the file uses: yaml does not take a lone CR as a line break.
      for (let i = 1; i < close; i++) raw += `${lines[i]!.text}\n`;
      frontMatter = { startLine: 0, endLine: close, raw };
      for (let i = 0; i <= close; i++) kinds[i] = 'front-matter';
      first = close + 1;
    } else {
      unterminatedFrontMatter = true;
    }
  }

  const headings: Heading[] = [];
  // Item end lines grow while scanning; the items are handed out read-only.
  const items: Mutable<ListItem>[] = [];
  // Open items, innermost last, for nesting and continuation lines.
  const open: { index: number; contentIndent: number }[] = [];

  let fence: { code: number; length: number } | undefined;
  let html: 'raw' | 'comment' | 'block' | undefined;
  let blockStart = -1;
  // Content column of the list item a fence or HTML block sits in (0 at top level):
  // a non-blank line indented less ends the item, and the block with it.
  let blockContainer = 0;

  const closeItemsBelow = (indent: number): void => {
    while (open.length > 0 && open[open.length - 1]!.contentIndent > indent) open.pop();
  };
  const extendOpenItems = (line: number): void => {
    for (let k = 0; k < open.length; k++) items[open[k]!.index]!.endLine = line + 1;
  };

  for (let i = first; i < lines.length; i++) {
    const text = lines[i]!.text;
    // One pass over the indentation: its width (a tab to the next multiple
    // of 4, as indentWidth) and the first other character, which decides
    // which of the patterns below can match at all.
    let indent = 0;
    let at = 0;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 32) indent++;
      else if (c === 9) indent += 4 - (indent % 4);
      else break;
    }
    const blank = at === text.length;
    const lead = blank ? 0 : text.charCodeAt(at);

    if ((fence || html) && blockContainer > 0 && !blank && indent < blockContainer) {
      fence = undefined;
      html = undefined;
    }
    if (fence) {
      kinds[i] = 'fence';
      if (lead === fence.code) {
        const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(text);
        if (m && m[1]!.length >= fence.length) fence = undefined;
      }
      extendOpenItems(i);
      continue;
    }
    if (html) {
      if (html === 'block' && blank) {
        html = undefined;
        kinds[i] = 'blank';
        continue;
      }
      kinds[i] = 'html';
      if (html === 'raw' && HTML_RAW_CLOSE.test(text)) html = undefined;
      else if (html === 'comment' && text.includes('-->')) html = undefined;
      extendOpenItems(i);
      continue;
    }
    if (blank) {
      kinds[i] = 'blank';
      continue;
    }

    const container = open.length > 0 ? open[open.length - 1]!.contentIndent : 0;
    const relative = indent - (indent >= container ? container : 0);

    const fenceMatch = relative <= 3 && (lead === 96 /* ` */ || lead === 126) /* ~ */ ? FENCE_OPEN.exec(text) : null;
    // A backtick fence's info string may not contain backticks.
    if (fenceMatch && !(fenceMatch[2]![0] === '`' && fenceMatch[3]!.includes('`'))) {
      closeItemsBelow(indent);
      kinds[i] = 'fence';
      fence = { code: fenceMatch[2]!.charCodeAt(0), length: fenceMatch[2]!.length };
      blockStart = i;
      blockContainer = open.length > 0 ? open[open.length - 1]!.contentIndent : 0;
      extendOpenItems(i);
      continue;
    }

    const level = lead === 35 /* # */ ? atxLevel(text, at) : 0;
    if (level > 0) {
      open.length = 0;
      kinds[i] = 'text';
      headings.push({ line: i, level, text: atxText(text, at + level) });
      continue;
    }

    if (
      lead === 60 /* < */ &&
      relative <= 3 &&
      (HTML_RAW_OPEN.test(text) || /^ {0,3}<!--/.test(text) || HTML_BLOCK_OPEN.test(text))
    ) {
      closeItemsBelow(indent);
      kinds[i] = 'html';
      if (HTML_RAW_OPEN.test(text)) html = HTML_RAW_CLOSE.test(text) ? undefined : 'raw';
      else if (/^ {0,3}<!--/.test(text)) html = text.includes('-->') ? undefined : 'comment';
      else html = 'block';
      blockStart = i;
      blockContainer = open.length > 0 ? open[open.length - 1]!.contentIndent : 0;
      extendOpenItems(i);
      continue;
    }

    kinds[i] = 'text';
    // A list item, read by hand (what LIST_ITEM says), without the regex's
    // six captured strings per line.
    const markerEnd =
      lead === 45 /* - */ || lead === 42 /* * */ || lead === 43 /* + */ ? at + 1 : orderedMarkerEnd(text, at);
    let gap = markerEnd;
    while (gap < text.length && (text.charCodeAt(gap) === 32 || text.charCodeAt(gap) === 9)) gap++;
    // After the marker: at least one space or tab, never the end of the line.
    if (markerEnd > 0 && gap > markerEnd) {
      closeItemsBelow(indent);
      // An item indented less than its would-be parent's content is a sibling.
      while (open.length > 0 && indent < open[open.length - 1]!.contentIndent) open.pop();
      const spaces = gap - markerEnd;
      const contentIndent = indent + (markerEnd - at) + Math.max(1, Math.min(spaces, 4));
      // `[ ]`, `[x]` or `[X]`, then spaces or the end of the line.
      let box = false;
      let bodyStart = gap;
      if (text.charCodeAt(gap) === 91 /* [ */ && text.charCodeAt(gap + 2) === 93 /* ] */) {
        const mark = text.charCodeAt(gap + 1);
        if (mark === 32 || mark === 120 /* x */ || mark === 88 /* X */) {
          let after = gap + 3;
          while (after < text.length && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9)) after++;
          if (after > gap + 3 || after === text.length) {
            box = true;
            bodyStart = after;
          }
        }
      }
      const body = text.slice(bodyStart);
      const parent = open.length > 0 ? open[open.length - 1]!.index : -1;
      const index = items.length;
      items.push({
        line: i,
        endLine: i + 1,
        indent,
        contentIndent,
        checked: box ? text.charCodeAt(gap + 1) !== 32 : undefined,
        checkCharacter: box ? gap + 1 : undefined,
        text: body.trim(),
        tags: body.includes('#') ? extractTags(body) : NO_TAGS,
        parent,
      });
      extendOpenItems(i);
      open.push({ index, contentIndent });
      continue;
    }

    // A paragraph line: it continues the innermost item it is indented under,
    // or (lazily) the last item when it directly follows it.
    const previousBlank = i > first && kinds[i - 1] === 'blank';
    if (indent < container && previousBlank) closeItemsBelow(indent);
    extendOpenItems(i);
  }

  const unclosedBlockLine = fence || html === 'raw' || html === 'comment' ? blockStart : undefined;
  return { kinds, frontMatter, unterminatedFrontMatter, headings, items, unclosedBlockLine };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// ATX headings, read by hand: what /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/s
// matches, the text without a closing run of #s (`## Agenda ##`) and a text
// of #s alone read as empty. Indexing meets a heading every few lines.

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;

/** The level of the ATX heading on this line (`at`: its first character after spaces and tabs), or 0. */
function atxLevel(text: string, at: number): number {
  if (at > 3) return 0;
  for (let k = 0; k < at; k++) if (text.charCodeAt(k) !== 32) return 0;
  let j = at;
  while (j < text.length && text.charCodeAt(j) === 35) j++;
  const level = j - at;
  if (level > 6 || (j < text.length && !isSpaceOrTab(text.charCodeAt(j)))) return 0;
  return level;
}

/** The text of an ATX heading whose #s end at `start`. */
function atxText(text: string, start: number): string {
  let from = start;
  while (from < text.length && isSpaceOrTab(text.charCodeAt(from))) from++;
  let end = text.length;
  while (end > from && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > from && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end) {
    // A closing run of #s goes when a space or tab comes before it; then #s alone read as nothing.
    let gap = hashes;
    while (gap > from && isSpaceOrTab(text.charCodeAt(gap - 1))) gap--;
    if (gap < hashes) end = gap;
    let k = from;
    while (k < end && text.charCodeAt(k) === 35) k++;
    if (k === end) return '';
  }
  return text.slice(from, end).trim();
}

/**
 * List items, as CommonMark's markers and the journal's boxes go:
 * /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)(\[([ xX])\](?:[ \t]+|$))?(.*)$/s,
 * except a marker alone on its line. The scanner reads them by hand.
 */
function orderedMarkerEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && i - at < 10) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  const digits = i - at;
  if (digits < 1 || digits > 9) return 0;
  const c = text.charCodeAt(i);
  return c === 46 /* . */ || c === 41 /* ) */ ? i + 1 : 0;
}

/** The tags of every item without a `#`: one shared, frozen empty list. */
const NO_TAGS: readonly string[] = Object.freeze([]);

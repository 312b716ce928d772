// A deliberately small markdown scanner. It knows just enough CommonMark to
// tell where headings and list items are, and to never mistake the inside of
// a code fence, an HTML block or the front matter for either. It keeps line
// numbers rather than building an AST: that is all the journal needs, and it
// is what keeps indexing thousands of files cheap.

import { indentWidth, isBlank, Line } from './text';

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
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/s;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)(\[([ xX])\](?:[ \t]+|$))?(.*)$/s;
const HTML_RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_RAW_CLOSE = /<\/(script|pre|style|textarea)>/i;
const HTML_BLOCK_OPEN = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)/;
const TAG = /(?:^|[\s(])#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu;

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
  const items: ListItem[] = [];
  // Open items, innermost last, for nesting and continuation lines.
  const open: { index: number; contentIndent: number }[] = [];
  // Mutable copies of item end lines while scanning.
  const ends: number[] = [];

  let fence: { char: string; length: number } | undefined;
  let html: 'raw' | 'comment' | 'block' | undefined;
  let blockStart = -1;
  // Content column of the list item a fence or HTML block sits in (0 at top level):
  // a non-blank line indented less ends the item, and the block with it.
  let blockContainer = 0;

  const closeItemsBelow = (indent: number): void => {
    while (open.length > 0 && open[open.length - 1]!.contentIndent > indent) open.pop();
  };
  const extendOpenItems = (line: number): void => {
    for (const o of open) ends[o.index] = line + 1;
  };

  for (let i = first; i < lines.length; i++) {
    const text = lines[i]!.text;

    if ((fence || html) && blockContainer > 0 && !isBlank(text) && indentWidth(text) < blockContainer) {
      fence = undefined;
      html = undefined;
    }
    if (fence) {
      kinds[i] = 'fence';
      const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length) fence = undefined;
      extendOpenItems(i);
      continue;
    }
    if (html) {
      if (html === 'block' && isBlank(text)) {
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
    if (isBlank(text)) {
      kinds[i] = 'blank';
      continue;
    }

    const indent = indentWidth(text);
    const container = open.length > 0 ? open[open.length - 1]!.contentIndent : 0;
    const relative = indent - (indent >= container ? container : 0);

    const fenceMatch = relative <= 3 ? FENCE_OPEN.exec(text) : null;
    // A backtick fence's info string may not contain backticks.
    if (fenceMatch && !(fenceMatch[2]![0] === '`' && fenceMatch[3]!.includes('`'))) {
      closeItemsBelow(indent);
      kinds[i] = 'fence';
      fence = { char: fenceMatch[2]![0]!, length: fenceMatch[2]!.length };
      blockStart = i;
      blockContainer = open.length > 0 ? open[open.length - 1]!.contentIndent : 0;
      extendOpenItems(i);
      continue;
    }

    const atx = ATX.exec(text);
    if (atx) {
      open.length = 0;
      kinds[i] = 'text';
      const body = (atx[2] ?? '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+$/, '');
      headings.push({ line: i, level: atx[1]!.length, text: body.trim() });
      continue;
    }

    if (relative <= 3 && (HTML_RAW_OPEN.test(text) || /^ {0,3}<!--/.test(text) || HTML_BLOCK_OPEN.test(text))) {
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
    const li = LIST_ITEM.exec(text);
    if (li && !(li[3] === '' && li[4] === undefined && li[6] === '')) {
      closeItemsBelow(indent);
      // An item indented less than its would-be parent's content is a sibling.
      while (open.length > 0 && indent < open[open.length - 1]!.contentIndent) open.pop();
      const markerEnd = li[1]!.length + li[2]!.length;
      const contentIndent = indentWidth(li[1]!) + li[2]!.length + Math.max(1, Math.min(li[3]!.length, 4));
      const box = li[4];
      const body = li[6] ?? '';
      const parent = open.length > 0 ? open[open.length - 1]!.index : -1;
      const index = items.length;
      items.push({
        line: i,
        endLine: i + 1,
        indent,
        contentIndent,
        checked: box === undefined ? undefined : li[5] !== ' ',
        checkCharacter: box === undefined ? undefined : markerEnd + li[3]!.length + 1,
        text: body.trim(),
        tags: extractTags(body),
        parent,
      });
      ends[index] = i + 1;
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

  const finished = items.map((item, index) => ({ ...item, endLine: ends[index] ?? item.endLine }));
  const unclosedBlockLine = fence || html === 'raw' || html === 'comment' ? blockStart : undefined;
  return { kinds, frontMatter, unterminatedFrontMatter, headings, items: finished, unclosedBlockLine };
}

export function extractTags(text: string): string[] {
  const withoutCode = blankCodeSpans(text).replace(/\]\([^)]*\)/g, '] ');
  const tags: string[] = [];
  for (const m of withoutCode.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase().replace(/[/-]+$/, '');
    if (!/^\d+$/.test(tag) && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * `text` with its code spans blanked out (spaces, same length), read as
 * CommonMark reads them: a backslash-escaped backtick opens nothing, and a
 * span closes only at a run of as many backticks as opened it.
 */
export function blankCodeSpans(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch !== '`') {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (text[i + n] === '`') n++;
    let close = -1;
    for (let j = i + n; j < text.length && close < 0; ) {
      if (text[j] !== '`') {
        j++;
        continue;
      }
      let m = 1;
      while (text[j + m] === '`') m++;
      if (m === n) close = j;
      j += m;
    }
    if (close < 0) {
      out += text.slice(i, i + n);
      i += n;
    } else {
      out += ' '.repeat(close + n - i);
      i = close + n;
    }
  }
  return out;
}

export interface Section {
  readonly heading: Heading;
  /** First line after the heading. */
  readonly bodyStart: number;
  /** One past the section's last line (the next heading of the same or a higher level, or the end). */
  readonly end: number;
}

export function normalizeHeading(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/:\s*$/, '')
    .trim()
    .toLowerCase();
}

/** The first section whose heading (any level) reads as one of `names`. */
export function findSection(scan: ScannedMarkdown, lineCount: number, names: readonly string[]): Section | undefined {
  const wanted = names.map(normalizeHeading);
  const hs = scan.headings;
  for (let h = 0; h < hs.length; h++) {
    const heading = hs[h]!;
    if (!wanted.includes(normalizeHeading(heading.text))) continue;
    let end = lineCount;
    for (let k = h + 1; k < hs.length; k++) {
      if (hs[k]!.level <= heading.level) {
        end = hs[k]!.line;
        break;
      }
    }
    return { heading, bodyStart: heading.line + 1, end };
  }
  return undefined;
}

export function itemsIn(scan: ScannedMarkdown, section: Section): ListItem[] {
  return scan.items.filter((item) => item.line >= section.bodyStart && item.line < section.end);
}

/** `[text](target)`, not an image and not an escaped `\[`. */
const INLINE_LINK = /(?<![!\\])\[((?:\\.|[^\]\\])*)\]\([^\s)]*\)/g;

/**
 * Inline links as their text, for a label shown as plain text (a tree row):
 * `Goal: [Write \[the\] guide](../../goals/g.md)` → `Goal: Write [the] guide`.
 * Links inside code spans stay as they are.
 */
export function linksAsText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of blankCodeSpans(text).matchAll(INLINE_LINK)) {
    out += text.slice(last, m.index) + text.slice(m.index + 1, m.index + 1 + m[1]!.length).replace(/\\([\\[\]])/g, '$1');
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

const TAG_WITH_SPACE = /(^|\s)#[\p{L}\p{N}_][\p{L}\p{N}_/-]*/gu;

/** The text without its tags: `#42` is an issue number and a `#tag` in a code span is code, as `extractTags` reads them. */
export function withoutTags(text: string): string {
  let out = '';
  let last = 0;
  for (const m of blankCodeSpans(text).matchAll(TAG_WITH_SPACE)) {
    if (/^\d+[/-]*$/.test(m[0].trim().slice(1))) continue;
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
  }
  return `${out}${text.slice(last)}`.replace(/\s+/g, ' ').trim();
}


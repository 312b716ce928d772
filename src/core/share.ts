// The shareable agenda: a meeting file as markdown for a shared doc, with
// everything private left out — the front matter, the Private section (any
// heading reading "Private", or any heading tagged #private, with everything
// under it), any list item tagged #private (with its sub-items), HTML
// comments, and the journal's own "Carried from" links, which mean nothing
// outside it.

import { JournalDocument } from './document';
import { extractTags } from './markdown-inline';
import { normalizeHeading } from './markdown-sections';

const CARRIED_LINE = /^\s*Carried from \[(?:\\.|[^\]\\\n])*\]\([^)\s]*\)\s*$/;
export const PRIVATE_TAG = 'private';

/** `#private` and its sub-tags (`#private/career`). */
function isPrivate(tags: readonly string[]): boolean {
  return tags.some((t) => t === PRIVATE_TAG || t.startsWith(`${PRIVATE_TAG}/`));
}

export interface Shareable {
  readonly markdown: string;
  /** How many private parts were left out (sections and items). */
  readonly omitted: number;
}

/**
 * The lines of a file that are private: the Private section (any heading
 * reading "Private") and any heading tagged #private, with everything under
 * them; a list item tagged #private with its sub-items; a #private tag on any
 * other line takes the innermost item holding it, else its paragraph (an
 * HTML block, whole). `count` is how many private parts there are.
 */
export function privateLines(doc: JournalDocument): { readonly lines: boolean[]; readonly count: number } {
  const { lines } = doc.source;
  const { kinds, headings, items } = doc.scan;
  const drop = new Array<boolean>(lines.length).fill(false);
  let count = 0;
  const dropRange = (from: number, to: number): void => {
    for (let l = from; l < to && l < lines.length; l++) drop[l] = true;
  };
  headings.forEach((h, i) => {
    if (normalizeHeading(h.text) !== PRIVATE_TAG && !isPrivate(extractTags(h.text))) return;
    if (drop[h.line]) return;
    let end = lines.length;
    for (let k = i + 1; k < headings.length; k++) {
      if (headings[k]!.level <= h.level) {
        end = headings[k]!.line;
        break;
      }
    }
    dropRange(h.line, end);
    count++;
  });
  for (const item of items) {
    if (drop[item.line] || !isPrivate(item.tags)) continue;
    dropRange(item.line, item.endLine);
    count++;
  }
  // A #private tag on any other text line: the innermost item holding it, else its paragraph.
  lines.forEach((line, l) => {
    if (
      drop[l] ||
      (kinds[l] !== 'text' && kinds[l] !== 'html') ||
      !/#private/i.test(line.text) ||
      !isPrivate(extractTags(line.text))
    )
      return;
    if (kinds[l] === 'html') {
      // An HTML block tagged #private goes whole.
      let from = l;
      let to = l + 1;
      while (from > 0 && kinds[from - 1] === 'html') from--;
      while (to < lines.length && kinds[to] === 'html') to++;
      dropRange(from, to);
      count++;
      return;
    }
    let holder: (typeof items)[number] | undefined;
    for (const item of items)
      if (item.line <= l && l < item.endLine && (!holder || item.line > holder.line)) holder = item;
    if (holder) dropRange(holder.line, holder.endLine);
    else {
      let from = l;
      let to = l + 1;
      while (from > 0 && kinds[from - 1] === 'text' && !headings.some((h) => h.line === from - 1)) from--;
      while (to < lines.length && kinds[to] === 'text' && !headings.some((h) => h.line === to)) to++;
      dropRange(from, to);
    }
    count++;
  });
  return { lines: drop, count };
}

export function shareableAgenda(doc: JournalDocument): Shareable {
  const { lines } = doc.source;
  const { kinds } = doc.scan;
  const { lines: drop, count: omitted } = privateLines(doc);
  const dropRange = (from: number, to: number): void => {
    for (let l = from; l < to && l < lines.length; l++) drop[l] = true;
  };
  if (doc.scan.frontMatter) dropRange(0, doc.scan.frontMatter.endLine + 1);
  // HTML comments (possibly over several lines) and carry links.
  let inComment = false;
  lines.forEach((line, l) => {
    if (drop[l]) return;
    if (kinds[l] === 'html' && (inComment || /^\s*<!--/.test(line.text))) {
      drop[l] = true;
      inComment = !line.text.includes('-->');
      return;
    }
    inComment = false;
    if (kinds[l] === 'text' && CARRIED_LINE.test(line.text)) drop[l] = true;
  });
  const kept: string[] = [];
  const headingLines = new Set(doc.scan.headings.map((h) => h.line));
  // An inline comment may open on one line and close lines later: everything between goes, up to the next heading.
  let openComment = false;
  lines.forEach((line, l) => {
    if (headingLines.has(l)) openComment = false;
    if (drop[l]) return;
    let source = line.text;
    if (kinds[l] === 'text') {
      const stripped = withoutInlineComments(source, openComment);
      openComment = stripped.open;
      if (stripped.text === undefined) return;
      source = stripped.text;
    }
    // Inline HTML comments are notes to self, too.
    const text = source.replace(/[ \t]+$/, '');
    // One blank line at most between blocks.
    if (text === '' && (kept.length === 0 || kept[kept.length - 1] === '') && kinds[l] !== 'fence') return;
    kept.push(kinds[l] === 'fence' ? line.text : text);
  });
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return { markdown: kept.length ? `${kept.join('\n')}\n` : '', omitted };
}

/** A text line without its HTML comments; `open` when one is still open at its end; no text when all of it is inside one. */
function withoutInlineComments(line: string, open: boolean): { text: string | undefined; open: boolean } {
  let rest = line;
  let out = '';
  // Each turn: close the comment that is open, if any, then keep text up to the next one.
  for (let inside = open; ; inside = true) {
    if (inside) {
      const end = rest.indexOf('-->');
      if (end < 0) return { text: out === '' ? undefined : out, open: true };
      rest = rest.slice(end + 3);
    }
    const start = rest.indexOf('<!--');
    if (start < 0) return { text: out + rest, open: false };
    out += rest.slice(0, start);
    rest = rest.slice(start + 4);
  }
}

// The checks the edit-safety suite runs on every set of edits the core
// computes: where the edits are allowed to be, that every other byte stays,
// that every untouched line keeps its text, break and meaning, and what the
// index sees afterwards.

import * as assert from 'assert';
import { isMap, isScalar, parseDocument as parseYaml } from 'yaml';
import { JournalDocument, parseDocument } from '../../src/core/document';
import { EditResult } from '../../src/core/edits';
import { JournalIndex } from '../../src/core/journal-index';
import { ItemSummary, JournalEntry } from '../../src/core/journal-entry';
import { ListItem } from '../../src/core/markdown';
import { findSection, Section } from '../../src/core/markdown-sections';
import { applyEdits, splitLines, TextEdit } from '../../src/core/text';

export interface Span {
  /** Offsets in the text without its BOM. */
  readonly start: number;
  readonly end: number;
  readonly removed: string;
  readonly inserted: string;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A short, printable reminder of a failing file for assertion messages. */
export function show(raw: string): string {
  const s = JSON.stringify(raw.replace(/(.)\1{200,}/g, (m, c: string) => `${c}×${m.length}`));
  return s.length > 3000 ? `${s.slice(0, 3000)}…` : s;
}

/**
 * The edits as offset spans, checked the way VS Code needs them: every
 * position on an existing line and within it, never between the halves of a
 * surrogate pair, no two edits overlapping or inserting at one place.
 */
export function spansOf(doc: JournalDocument, edits: readonly TextEdit[]): Span[] {
  const { lines, text } = doc.source;
  const offsetOf = (p: { line: number; character: number }): number => {
    assert.ok(
      Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length,
      `position on line ${p.line} of ${lines.length}`,
    );
    const line = lines[p.line]!;
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= line.text.length,
      `character ${p.character} past the end of line ${p.line}`,
    );
    if (p.character > 0 && p.character < line.text.length) {
      assert.ok(
        !(isHigh(line.text.charCodeAt(p.character - 1)) && isLow(line.text.charCodeAt(p.character))),
        `position ${p.line}:${p.character} splits a surrogate pair`,
      );
    }
    let offset = 0;
    for (let i = 0; i < p.line; i++) offset += lines[i]!.text.length + lines[i]!.eol.length;
    return offset + p.character;
  };
  const spans = edits
    .map((e) => {
      const start = offsetOf(e.range.start);
      const end = offsetOf(e.range.end);
      assert.ok(start <= end, 'an edit ends before it starts');
      return { start, end, removed: text.slice(start, end), inserted: e.newText };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1]!, spans[i]!];
    assert.ok(b.start >= a.end, 'overlapping edits');
    assert.ok(
      !(b.start === a.end && a.start === a.end && b.start === b.end),
      'two insertions at one place (their order is up to the host)',
    );
  }
  return spans;
}

/**
 * Applies the spans without `applyEdits` (the host applies edits through VS
 * Code, not through it), checks both agree, and checks the bytes before the
 * first edit and after the last one, BOM included, byte for byte.
 */
export function applySpans(
  raw: string,
  doc: JournalDocument,
  spans: readonly Span[],
  edits: readonly TextEdit[],
): string {
  const { text, bom } = doc.source;
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + s.inserted;
    cursor = s.end;
  }
  out += text.slice(cursor);
  const result = (bom ? '\uFEFF' : '') + out;
  assert.strictEqual(applyEdits(raw, edits), result, 'applyEdits disagrees with the spans');
  if (spans.length > 0) {
    const first = spans[0]!;
    const last = spans[spans.length - 1]!;
    assert.strictEqual(
      result.slice(0, first.start + (bom ? 1 : 0)),
      raw.slice(0, first.start + (bom ? 1 : 0)),
      'bytes before the first edit',
    );
    const tail = text.length - last.end;
    assert.strictEqual(out.slice(out.length - tail), text.slice(last.end), 'bytes after the last edit');
  } else {
    assert.strictEqual(result, raw);
  }
  return result;
}

/** Number of line breaks, CRLF counting once. */
export function breaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** True when an insertion at `at` starts a line (or appends to a last line without a break). */
function atLineBoundary(text: string, at: number): boolean {
  const before = at === 0 ? '' : text[at - 1]!;
  return at === 0 || before === '\n' || before === '\r' || at === text.length;
}

/**
 * An insertion of whole lines: at the start of a line (or appended to a file
 * without a final newline, then starting with a break), ending with a break
 * (unless appended), every break the file's own, and none that merges with a
 * neighbour into one CRLF. (A file that mixes breaks may get either kind: a CR
 * after a lone CR, a CRLF before an LF, one step's choice next to another's.)
 * Returns the inserted lines.
 */
export function wholeLines(doc: JournalDocument, span: Span): string[] {
  const { text } = doc.source;
  assert.strictEqual(span.start, span.end, 'an insertion, not a replacement');
  const at = span.start;
  const before = at === 0 ? '' : text[at - 1]!;
  const appended = at === text.length && at > 0 && before !== '\n' && before !== '\r';
  assert.ok(atLineBoundary(text, at), `inserted in the middle of a line (offset ${at})`);
  const s = span.inserted;
  assert.ok(s.length > 0, 'an empty insertion');
  if (s.startsWith('\n')) assert.notStrictEqual(before, '\r', 'an LF inserted after a CR merges two lines');
  if (s.endsWith('\r')) assert.notStrictEqual(text[at], '\n', 'a CR inserted before an LF merges two lines');
  const lines = splitLines(s);
  if (appended) {
    assert.ok(
      lines.length > 1 && lines[0]!.text === '',
      `appended lines start with a break: ${JSON.stringify(s.slice(0, 20))}`,
    );
    assert.strictEqual(lines[lines.length - 1]!.eol, '', 'appended lines keep the file without a final newline');
  } else {
    assert.ok(
      lines.length > 1 && lines[lines.length - 1]!.text === '',
      `inserted lines end with a break: ${JSON.stringify(s.slice(-20))}`,
    );
  }
  if (!doc.source.mixedEol)
    for (const l of lines)
      if (l.eol !== '')
        assert.strictEqual(
          l.eol,
          doc.source.eol,
          `inserted lines use ${JSON.stringify(l.eol)}, not the file's ${JSON.stringify(doc.source.eol)}`,
        );
  return (appended ? lines.slice(1) : lines.slice(0, -1)).map((l) => l.text);
}

export interface LineMap {
  /** Old line → new line, for the lines no edit touches (undefined: touched). */
  readonly map: readonly (number | undefined)[];
  /** New lines that are an untouched old line. */
  readonly images: ReadonlySet<number>;
  /** Old lines some edit touches (changes, deletes, or inserts inside). */
  readonly touched: readonly number[];
}

/** True for the empty "line" after a file's final break, which is not a line of its own. */
function phantom(doc: JournalDocument, i: number): boolean {
  const lines = doc.source.lines;
  return i === lines.length - 1 && i > 0 && lines[i]!.text === '';
}

/**
 * Follows every line no edit touches into the new file and checks it is the
 * same line: same text, same break (a last line without one may gain one),
 * same kind (an edit must never open or close a fence, an HTML block or the
 * front matter around text it does not own), same heading, same list item
 * with the same parent.
 */
export function checkUntouched(before: JournalDocument, after: JournalDocument, spans: readonly Span[]): LineMap {
  const lines = before.source.lines;
  const map: (number | undefined)[] = new Array(lines.length);
  const touched: number[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const full = start + line.text.length + line.eol.length;
    let isTouched = false;
    let shift = 0;
    for (const s of spans) {
      if (s.start === s.end) {
        if (start < s.start && s.start < full) isTouched = true;
        else if (s.start <= start) shift += breaks(s.inserted);
      } else if (s.start < full && s.end > start) {
        isTouched = true;
      } else if (s.end <= start) {
        shift += breaks(s.inserted) - breaks(s.removed);
      }
    }
    map[i] = isTouched ? undefined : i + shift;
    if (isTouched && !phantom(before, i)) touched.push(i);
    start = full;
  }
  const images = new Set<number>();
  const now = after.source.lines;
  lines.forEach((line, i) => {
    const j = map[i];
    if (j === undefined || phantom(before, i)) return;
    assert.ok(j < now.length, `line ${i} has no place in the new file`);
    images.add(j);
    assert.strictEqual(now[j]!.text, line.text, `line ${i} (now ${j}) changed`);
    if (line.eol !== '') assert.strictEqual(now[j]!.eol, line.eol, `line ${i} changed its line break`);
    assert.strictEqual(
      after.scan.kinds[j],
      before.scan.kinds[i],
      `line ${i} ${JSON.stringify(line.text.slice(0, 50))} changed kind`,
    );
  });
  const headingAt = new Map(after.scan.headings.map((h) => [h.line, h]));
  for (const h of before.scan.headings) {
    const j = map[h.line];
    if (j === undefined) continue;
    const found = headingAt.get(j);
    assert.ok(
      found && found.text === h.text && found.level === h.level,
      `heading ${JSON.stringify(h.text)} on line ${h.line} is gone`,
    );
  }
  const itemAt = new Map(after.scan.items.map((it) => [it.line, it]));
  for (const old of before.scan.items) {
    const j = map[old.line];
    if (j === undefined) continue;
    const found = itemAt.get(j);
    assert.ok(found, `item ${JSON.stringify(old.text.slice(0, 50))} on line ${old.line} is gone`);
    assert.deepStrictEqual(
      [found.text, found.checked, found.indent, found.checkCharacter],
      [old.text, old.checked, old.indent, old.checkCharacter],
      `item on line ${old.line} changed`,
    );
    const oldParent = old.parent === -1 ? -1 : map[before.scan.items[old.parent]!.line];
    const newParent = found.parent === -1 ? -1 : after.scan.items[found.parent]!.line;
    if (oldParent !== undefined) assert.strictEqual(newParent, oldParent, `item on line ${old.line} changed parent`);
  }
  return { map, images, touched };
}

export interface Checked {
  /** The new file, BOM included. */
  readonly out: string;
  readonly after: JournalDocument;
  readonly spans: readonly Span[];
  readonly lineMap: LineMap;
  /** The lines of each whole-line insertion, in file order. */
  readonly blocks: readonly string[][];
}

/**
 * Everything every edit must satisfy, whatever the operation: valid, non
 * overlapping positions; every byte outside the edits kept; the BOM and the
 * final-newline state kept; insertions made of whole lines with the file's
 * line break; every line no edit touches still the same line with the same
 * meaning; only the lines `mayTouch` allows touched; no block left open that
 * was closed. `mayTouch` receives old line numbers.
 */
export function checkEdits(
  raw: string,
  doc: JournalDocument,
  edits: readonly TextEdit[],
  mayTouch: (line: number) => boolean = () => false,
): Checked {
  const spans = spansOf(doc, edits);
  const out = applySpans(raw, doc, spans, edits);
  assert.strictEqual(out.startsWith('\uFEFF'), raw.startsWith('\uFEFF'), 'the BOM');
  if (doc.source.text !== '' && /[\r\n]$/.test(out) !== /[\r\n]$/.test(raw)) {
    // Deleting the last line of a file without a final newline leaves the line before it last; when that one is
    // blank, the file ends in a break whichever way it is deleted.
    const last = spans[spans.length - 1];
    const kept = last ? doc.source.text.slice(0, last.start) : '';
    assert.ok(
      last && last.end === doc.source.text.length && last.inserted === '' && /[\r\n]$/.test(kept),
      'the final newline',
    );
  }
  const after = parseDocument(out);
  const lineMap = checkUntouched(doc, after, spans);
  for (const l of lineMap.touched)
    assert.ok(mayTouch(l), `line ${l} ${JSON.stringify(doc.source.lines[l]!.text.slice(0, 60))} was touched`);
  const blocks: string[][] = [];
  for (const s of spans) {
    if (s.start === s.end && atLineBoundary(doc.source.text, s.start)) blocks.push(wholeLines(doc, s));
    // Anything inside a line touches it, and was allowed above.
  }
  // No block opens; one left open before (a fence still being typed) stays open, moved down by what was inserted above it.
  const open = doc.scan.unclosedBlockLine;
  const added = after.source.lines.length - doc.source.lines.length;
  assert.strictEqual(
    after.scan.unclosedBlockLine,
    open === undefined ? undefined : open + added,
    open === undefined ? 'an edit left a block open' : 'an edit went into the block left open',
  );
  if (!doc.scan.unterminatedFrontMatter)
    assert.ok(!after.scan.unterminatedFrontMatter, 'an edit left the front matter open');
  return { out, after, spans, lineMap, blocks };
}

/** The edits of a result that must not be a refusal. */
export function editsOf(result: EditResult, raw: string): TextEdit[] {
  if ('error' in result) assert.fail(`refused: ${result.error}\n${show(raw)}`);
  return result.edits;
}

// ---------------------------------------------------------------------------
// When refusing is right

/** A file no list insertion may touch: not read as markdown, or its front matter never closes. */
export function unsafeForInsertion(doc: JournalDocument): boolean {
  const unparsed = doc.scan.kinds.length !== doc.source.lines.length; // binary (a NUL) or over 1 MB
  return unparsed || doc.scan.unterminatedFrontMatter;
}

/** A file no edit of existing lines may touch: as above, or a block never closes. */
export function unsafeForEdit(doc: JournalDocument): boolean {
  return unsafeForInsertion(doc) || doc.scan.unclosedBlockLine !== undefined;
}

/**
 * A refusal that is right because a block never closes: an insertion is
 * made above such a block, and refused, naming it, when its place is inside
 * (or the operation edits lines, which is always refused then).
 */
export function refusedForOpenBlock(doc: JournalDocument, result: EditResult): boolean {
  return doc.scan.unclosedBlockLine !== undefined && 'error' in result && /never closed/.test(result.error);
}

const YAML_OPTIONS = { prettyErrors: false, strict: true, uniqueKeys: true, logLevel: 'error' } as const;

/**
 * A front matter whose `key` cannot be set by changing one value: a file not
 * read as markdown, front matter never closed, not YAML, not a map, a {flow}
 * map, or the key holds a list, a map or an alias.
 */
export function unsafeForField(doc: JournalDocument, key: string): boolean {
  if (doc.scan.kinds.length !== doc.source.lines.length || doc.scan.unterminatedFrontMatter) return true;
  const fm = doc.scan.frontMatter;
  if (!fm) return false;
  const y = parseYaml(fm.raw, YAML_OPTIONS);
  if (y.errors.length > 0) return true;
  const c = y.contents;
  if (c === null || (isScalar(c) && c.value === null)) return false;
  if (!isMap(c) || c.flow) return true;
  const pair = c.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair !== undefined && pair.value !== null && !isScalar(pair.value);
}

// ---------------------------------------------------------------------------
// Front matter

/**
 * A front-matter change: the data is the old data with `changes`, keys in
 * their order; the edits touch only lines inside the front matter (or add
 * one); each touched line still starts with its key, and keeps what follows
 * the value (a comment).
 */
export function checkFrontMatter(
  before: JournalDocument,
  checked: Checked,
  changes: Readonly<Record<string, unknown>>,
): void {
  const { after } = checked;
  assert.deepStrictEqual(
    after.problems.filter((p) => p.severity === 'error'),
    [],
    'the front matter still parses',
  );
  assert.deepStrictEqual(after.data, { ...before.data, ...changes }, 'front matter data');
  assert.deepStrictEqual(
    Object.keys(after.data).slice(0, Object.keys(before.data).length),
    Object.keys(before.data),
    'key order',
  );
  const fm = before.scan.frontMatter;
  for (const l of checked.lineMap.touched) {
    assert.ok(fm && l > fm.startLine && l < fm.endLine, `line ${l} outside the front matter touched`);
    const text = before.source.lines[l]!.text;
    const key = Object.keys(changes).find((k) => text.startsWith(`${k}:`));
    assert.ok(key, `front-matter line ${JSON.stringify(text)} is not a line of a changed key`);
  }
}

/** The front matter's lines with their breaks ('' without front matter). */
export function frontMatterText(doc: JournalDocument): string {
  const fm = doc.scan.frontMatter;
  if (!fm) return '';
  return doc.source.lines
    .slice(0, fm.endLine + 1)
    .map((l) => l.text + l.eol)
    .join('');
}

// ---------------------------------------------------------------------------
// What the index sees

export const entryOf = (path: string, raw: string): JournalEntry => new JournalIndex().update(path, raw);

export interface PlainItem {
  readonly text: string;
  readonly checked: boolean | undefined;
  readonly tags?: readonly string[];
  readonly source?: ItemSummary['source'];
}

const plain = (i: ItemSummary): PlainItem => ({
  text: i.text,
  checked: i.checked,
  tags: [...i.tags],
  ...(i.source ? { source: i.source } : {}),
});
const brief = (i: { text: string; checked: boolean | undefined }): PlainItem => ({ text: i.text, checked: i.checked });

/**
 * The entry's fields that do not hold line numbers; with `changes`, as they
 * should read once those front-matter keys are set (a warning about a changed
 * key goes: the values written are valid ones).
 */
export function fixedPart(
  e: JournalEntry,
  changed: readonly string[] = [],
  changes: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const problems = e.problems
    .filter((p) => !changed.some((k) => p.message.includes(`"${k}"`)))
    .map((p) => `${p.severity}: ${p.message}`);
  const status = changes['status'] ?? e.status;
  return {
    kind: e.kind,
    slug: e.slug,
    title: e.title,
    data: { ...e.data, ...changes },
    status,
    problems,
    person: e.person,
    date: e.date,
  };
}

export type ListName = 'agenda' | 'actions' | 'wins';

const SECTION_NAMES: Record<ListName, readonly string[]> = {
  agenda: ['Agenda', 'Talking points', 'Topics'],
  actions: ['Action items', 'Action points', 'Next steps', 'Todo'],
  wins: ['Wins', 'Accomplishments'],
};

function topLevelIn(doc: JournalDocument, section: Section | undefined, item: ListItem): boolean {
  if (!section || item.line < section.bodyStart || item.line >= section.end) return false;
  return item.parent === -1 || doc.scan.items[item.parent]!.line < section.bodyStart;
}

/** New top-level items (not an untouched old line) of a section of the new file. */
export function gained(after: JournalDocument, lineMap: LineMap, names: readonly string[]): PlainItem[] {
  const section = findSection(after.scan, after.source.lines.length, names);
  return after.scan.items.filter((i) => !lineMap.images.has(i.line) && topLevelIn(after, section, i)).map(brief);
}

/**
 * After an insertion: the agenda, action items and wins the index lists are
 * the old ones, in order and unchanged, followed by the new items of their
 * section; open action items counted accordingly; goals referred to grow by
 * those of the new items only; the rest of the entry unchanged. Returns the
 * new items of each list.
 */
export function checkListsGrew(
  path: string,
  raw: string,
  checked: Checked,
  changes: Readonly<Record<string, string>> = {},
): Record<ListName, PlainItem[]> {
  const before = entryOf(path, raw);
  const now = entryOf(path, checked.out);
  assert.deepStrictEqual(
    fixedPart(now, Object.keys(changes)),
    fixedPart(before, Object.keys(changes), changes),
    'the rest of the entry',
  );
  const out = {} as Record<ListName, PlainItem[]>;
  for (const list of ['agenda', 'actions', 'wins'] as const) {
    const gain = gained(checked.after, checked.lineMap, SECTION_NAMES[list]);
    // Old items keep their order and everything about them; the new ones are the section's new items (a section
    // nested in another, like Wins under an "# Agenda", may put them between old ones of the outer list).
    const isOld = (i: ItemSummary): boolean => checked.lineMap.images.has(i.line);
    assert.deepStrictEqual(now[list].filter(isOld).map(plain), before[list].map(plain), `the old ${list}`);
    assert.deepStrictEqual(now[list].filter((i) => !isOld(i)).map(brief), gain, `the new ${list}`);
    out[list] = gain;
  }
  const actions = findSection(checked.after.scan, checked.after.source.lines.length, SECTION_NAMES.actions);
  const newOpen = checked.after.scan.items.filter(
    (i) =>
      !checked.lineMap.images.has(i.line) &&
      actions &&
      i.line >= actions.bodyStart &&
      i.line < actions.end &&
      i.checked === false,
  ).length;
  assert.strictEqual(now.openActionItems, before.openActionItems + newOpen, 'open action items');
  const newItems = checked.after.scan.items.filter((i) => !checked.lineMap.images.has(i.line));
  assert.deepStrictEqual(
    [...now.goals].sort(),
    [...new Set([...before.goals, ...goalsOf(newItems)])].sort(),
    'goals referred to',
  );
  return out;
}

const GOAL_LINK = /(?:^|[\\/(])goals\/([\p{L}\p{N}][\p{L}\p{N}-]*)\.md\b/gu;

/** Goals items refer to (`#goal/<slug>`, links to `goals/<slug>.md`), as the index reads them. */
export function goalsOf(items: readonly ListItem[]): string[] {
  const out = new Set<string>();
  for (const item of items) {
    for (const tag of item.tags) if (tag.startsWith('goal/') && tag.length > 5) out.add(tag.slice(5));
    for (const m of item.text.matchAll(GOAL_LINK)) out.add(m[1]!.toLowerCase());
  }
  return [...out];
}

/** The structure a block of lines has on its own: the headings and items it makes. */
export function structureOf(lines: readonly string[]): { headings: string[]; items: PlainItem[] } {
  // A leading line keeps a block that starts with `---` from reading as front matter.
  const doc = parseDocument(['', ...lines].join('\n'));
  return { headings: doc.scan.headings.map((h) => h.text), items: doc.scan.items.map(brief) };
}

/**
 * The new headings and items of the new file are exactly those the inserted
 * lines make on their own: nothing around them changed what they mean, and
 * they changed nothing around them.
 */
export function checkInsertedStructure(checked: Checked): { headings: string[]; items: PlainItem[] } {
  const headings: string[] = [];
  const items: PlainItem[] = [];
  for (const block of checked.blocks) {
    const s = structureOf(block);
    headings.push(...s.headings);
    items.push(...s.items);
  }
  const newHeadings = checked.after.scan.headings.filter((h) => !checked.lineMap.images.has(h.line)).map((h) => h.text);
  const newItems = checked.after.scan.items.filter((i) => !checked.lineMap.images.has(i.line)).map(brief);
  assert.deepStrictEqual(newHeadings, headings, 'new headings');
  assert.deepStrictEqual(newItems, items, 'new items');
  return { headings, items };
}

/** The lines `block` holds, as one run somewhere among the inserted blocks. */
export function assertContainsRun(blocks: readonly (readonly string[])[], run: readonly string[]): void {
  const joined = blocks.map((b) => `\n${b.join('\n')}\n`).join('\u0000');
  assert.ok(
    joined.includes(`\n${run.join('\n')}\n`),
    `the lines ${JSON.stringify(run.map((l) => l.slice(0, 40)))} are not inserted as one run`,
  );
}

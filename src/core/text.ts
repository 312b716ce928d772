// Text as VS Code sees it: a leading BOM is not part of the document, lines
// split on CRLF, LF or a lone CR, and positions count UTF-16 code units.
// Every edit the core returns is expressed in these positions so the host can
// hand it to a WorkspaceEdit unchanged.

export type Eol = '\n' | '\r\n' | '\r';

export interface Line {
  readonly text: string;
  /** The line break that ends this line; '' for the last line. */
  readonly eol: '' | Eol;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface SourceText {
  /** The text without a leading BOM. */
  readonly text: string;
  readonly bom: boolean;
  readonly lines: readonly Line[];
  /** The break to use for inserted lines: the file's most common one. */
  readonly eol: Eol;
  /** True when the file mixes line-break styles. */
  readonly mixedEol: boolean;
}

const BOM = '\uFEFF';

export function stripBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

export function splitLines(text: string): Line[] {
  if (!text.includes('\r')) return splitLf(text);
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push({ text: text.slice(start, i), eol: '\n' });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) {
        lines.push({ text: text.slice(start, i), eol: '\r\n' });
        i++;
      } else {
        lines.push({ text: text.slice(start, i), eol: '\r' });
      }
      start = i + 1;
    }
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** splitLines of a text without CR (most files): breaks found by indexOf rather than one character at a time. */
function splitLf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    lines.push({ text: text.slice(start, i), eol: '\n' });
    start = i + 1;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function toSource(raw: string): SourceText {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const text = bom ? raw.slice(1) : raw;
  const hasCr = text.includes('\r');
  const lines = hasCr ? splitLines(text) : splitLf(text);
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  if (!hasCr) lf = lines.length - 1;
  else {
    for (const line of lines) {
      if (line.eol === '\n') lf++;
      else if (line.eol === '\r\n') crlf++;
      else if (line.eol === '\r') cr++;
    }
  }
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  const eol: Eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { text, bom, lines, eol, mixedEol: kinds > 1 };
}

/** Offset in `text` (BOM already stripped) of a line/character position. */
export function offsetAt(lines: readonly Line[], position: Position): number {
  let offset = 0;
  const last = Math.min(position.line, lines.length);
  for (let i = 0; i < last; i++) {
    const line = lines[i]!;
    offset += line.text.length + line.eol.length;
  }
  if (position.line >= lines.length) return offset;
  return offset + Math.min(position.character, lines[position.line]!.text.length);
}

/** Applies non-overlapping edits; the reference the host's WorkspaceEdit is tested against. */
export function applyEdits(raw: string, edits: readonly TextEdit[]): string {
  const { text, bom } = stripBom(raw);
  const lines = splitLines(text);
  const spans = edits
    .map((edit) => ({
      start: offsetAt(lines, edit.range.start),
      end: offsetAt(lines, edit.range.end),
      newText: edit.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) throw new Error('overlapping edits');
    out += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  out += text.slice(cursor);
  return (bom ? BOM : '') + out;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function insertAt(line: number, character: number, newText: string): TextEdit {
  const at = pos(line, character);
  return { range: { start: at, end: at }, newText };
}

export function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/** Leading indentation in columns, a tab advancing to the next multiple of 4. */
export function indentWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** FNV-1a (32 bits) over the code points of `text`, in base 36: a short, stable name, not a secret. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The line/character position of an offset in `text` (BOM already stripped). */
export function positionAt(lines: readonly Line[], offset: number): Position {
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const end = start + line.text.length;
    if (offset <= end || i === lines.length - 1)
      return { line: i, character: Math.min(offset - start, line.text.length) };
    start = end + line.eol.length;
  }
  return { line: 0, character: 0 };
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * Several rounds of edits, each computed against the text the previous rounds
 * produced, expressed as one set of edits against the original text — so a
 * change made of steps (add to the agenda, then to the action items, then set
 * the status) still reaches VS Code as minimal edits it applies at once.
 * Undefined when a later round edits inside text an earlier round inserted.
 */
export function composeEdits(original: string, rounds: readonly (readonly TextEdit[])[]): TextEdit[] | undefined {
  const reps: Replacement[] = []; // in original offsets, sorted, non-overlapping
  let current = original;
  for (const round of rounds) {
    // Positions count from after the BOM, as in applyEdits.
    const lines = splitLines(stripBom(current).text);
    const spans = round.map((e) => ({
      start: offsetAt(lines, e.range.start),
      end: offsetAt(lines, e.range.end),
      text: e.newText,
    }));
    const mapped: {
      start: number;
      end: number;
      text: string;
      join?: { rep: Replacement; side: 'before' | 'after' };
    }[] = [];
    for (const span of spans) {
      const a = mapBack(reps, span.start);
      const b = mapBack(reps, span.end);
      if (!a || !b) return undefined;
      if (span.start === span.end) {
        // An insertion touching an earlier insertion joins it, in text order.
        const join = a.join ?? b.join;
        mapped.push({ start: a.offset, end: a.offset, text: span.text, ...(join ? { join } : {}) });
      } else {
        if (a.offset > b.offset || crosses(reps, a.offset, b.offset)) return undefined;
        // A range that starts or ends on an earlier insertion's own text would rewrite it.
        if (
          (a.join?.side === 'before' && a.join.rep.text !== '') ||
          (b.join?.side === 'after' && b.join.rep.text !== '')
        )
          return undefined;
        mapped.push({ start: a.offset, end: b.offset, text: span.text });
      }
    }
    for (const m of mapped) {
      if (m.join) {
        if (m.join.side === 'after') m.join.rep.text += m.text;
        else m.join.rep.text = m.text + m.join.rep.text;
      } else {
        if (
          reps.some((r) => r.start < m.end && m.start < r.end) ||
          reps.some((r) => r.start === r.end && r.start === m.start && m.start === m.end)
        )
          return undefined;
        reps.push({ start: m.start, end: m.end, text: m.text });
        reps.sort((x, y) => x.start - y.start || x.end - y.end);
      }
    }
    current = applyEdits(current, round);
  }
  const lines = splitLines(stripBom(original).text);
  return reps.map((r) => ({
    range: { start: positionAt(lines, r.start), end: positionAt(lines, r.end) },
    newText: r.text,
  }));
}

/** An offset in the current text, as an offset in the original (and which earlier insertion it touches). */
function mapBack(
  reps: readonly Replacement[],
  offset: number,
): { offset: number; join?: { rep: Replacement; side: 'before' | 'after' } } | undefined {
  let delta = 0;
  for (const rep of reps) {
    const curStart = rep.start + delta;
    const curEnd = curStart + rep.text.length;
    if (offset < curStart) return { offset: offset - delta };
    if (offset === curStart) return { offset: rep.start, join: { rep, side: 'before' } };
    if (offset < curEnd) return undefined;
    if (offset === curEnd) return { offset: rep.end, join: { rep, side: 'after' } };
    delta += rep.text.length - (rep.end - rep.start);
  }
  return { offset: offset - delta };
}

function crosses(reps: readonly Replacement[], start: number, end: number): boolean {
  return reps.some((r) => r.start < end && start < r.end);
}

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

export function toSource(raw: string): SourceText {
  const { text, bom } = stripBom(raw);
  const lines = splitLines(text);
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (const line of lines) {
    if (line.eol === '\n') lf++;
    else if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\r') cr++;
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

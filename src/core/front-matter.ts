// Front matter is edited through yaml's Document API. Edits replace only the
// characters of one value (or add one line), so comments, key order, quoting
// style and keys we do not know survive untouched. Reading takes a shortcut
// for the front matter nearly every file has (flat `key: value` lines): yaml
// costs about 80 µs for three lines, the shortcut one, and indexing reads
// thousands of files. Anything the shortcut is not sure of goes to yaml.

import { isMap, isScalar, parseDocument, stringify } from 'yaml';
import { FrontMatterBlock, ScannedMarkdown } from './markdown';
import { insertAt, Line, TextEdit } from './text';

export interface Problem {
  readonly message: string;
  /** Zero-based line in the file. */
  readonly line: number;
  readonly severity: 'error' | 'warning';
}

export type FrontMatterData = Readonly<Record<string, unknown>>;

export interface ParsedFrontMatter {
  readonly data: FrontMatterData;
  readonly problems: Problem[];
}

// logLevel 'error': problems are reported as diagnostics, never printed to the console.
const YAML_OPTIONS = { prettyErrors: false, strict: true, uniqueKeys: true, logLevel: 'error' } as const;

export function parseFrontMatter(scan: ScannedMarkdown): ParsedFrontMatter {
  if (scan.unterminatedFrontMatter) {
    return {
      data: {},
      problems: [
        { message: 'Front matter opens with --- on line 1 but is never closed with ---.', line: 0, severity: 'error' },
      ],
    };
  }
  const block = scan.frontMatter;
  if (!block) return { data: {}, problems: [] };
  const flat = parseFlatFrontMatter(block.raw);
  if (flat) return { data: flat, problems: [] };
  return parseFrontMatterWithYaml(block);
}

/** The yaml path: every shape YAML allows, and its errors as problems (exported for the tests that hold the shortcut to it). */
export function parseFrontMatterWithYaml(block: FrontMatterBlock): ParsedFrontMatter {
  const problems: Problem[] = [];
  const refused = yamlRefusal(block.raw);
  if (refused) {
    problems.push({ message: refused.message, line: block.startLine + 1 + refused.line, severity: 'error' });
    return { data: {}, problems };
  }
  try {
    const doc = parseDocument(block.raw, YAML_OPTIONS);
    // The first few: a broken file can make thousands, and each costs a scan for its line.
    for (const error of doc.errors.slice(0, MAX_REPORTED_ERRORS)) {
      const line = lineOfOffset(block.raw, error.pos[0]);
      problems.push({
        message: `Front matter: ${firstLine(error.message)}`,
        line: block.startLine + 1 + line,
        severity: 'error',
      });
    }
    if (doc.errors.length > MAX_REPORTED_ERRORS) {
      problems.push({
        message: `Front matter: ${doc.errors.length - MAX_REPORTED_ERRORS} more errors.`,
        line: problems[problems.length - 1]!.line,
        severity: 'error',
      });
    }
    if (problems.length > 0) return { data: {}, problems };
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return { data: {}, problems };
    if (!isMap(contents)) {
      problems.push({
        message: 'Front matter must be a list of `key: value` lines.',
        line: block.startLine + 1,
        severity: 'error',
      });
      return { data: {}, problems };
    }
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return { data: isRecord(data) ? data : {}, problems };
  } catch (error) {
    problems.push({
      message: `Front matter could not be read: ${firstLine(String(error))}`,
      line: block.startLine,
      severity: 'error',
    });
    return { data: {}, problems };
  }
}

/**
 * yaml parses nesting by recursion. Thousands of levels overflow the stack,
 * and in Node an overflow that strikes while V8 compiles a regular expression
 * aborts the whole process ("RegExpCompiler Allocation failed"): the
 * extension host, and every extension in it, would go down with one file.
 * Front matter nested past MAX_DEPTH is therefore never given to yaml, nor is
 * front matter longer than MAX_YAML_LINES or MAX_YAML_LENGTH (yaml's time
 * grows with its errors: seconds for a few thousand duplicate keys). Real
 * front matter is a few lines, and most of it takes the shortcut below.
 */
const MAX_DEPTH = 64;
const MAX_YAML_LENGTH = 16 * 1024;
const MAX_YAML_LINES = 1000;
const MAX_REPORTED_ERRORS = 10;

/** Why the front matter is not given to yaml, and on which line of `raw`; undefined when it can be. */
function yamlRefusal(raw: string): { readonly line: number; readonly message: string } | undefined {
  // Depth first: it names the line where the nesting runs away.
  const line = tooDeep(raw);
  if (line !== undefined)
    return {
      line,
      message: `Front matter is nested more than ${MAX_DEPTH} levels deep, so it is not read. Keep it to \`key: value\` lines.`,
    };
  if (raw.length > MAX_YAML_LENGTH || lineCount(raw) > MAX_YAML_LINES) {
    return {
      line: 0,
      message: `Front matter is longer than ${MAX_YAML_LINES.toLocaleString('en')} lines or ${MAX_YAML_LENGTH / 1024} KB, so it is not read. Keep it to a few \`key: value\` lines; long text belongs below the closing ---.`,
    };
  }
  return undefined;
}

function lineCount(raw: string): number {
  let n = 1;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The line (within `raw`) where nesting may pass MAX_DEPTH, or undefined. An
 * over-estimate: each step deeper in indentation (a staircase, not the number
 * of columns: a block scalar may indent a line far), each `- `, `? ` or
 * `key: ` in the chain that opens a line (`- a: - b: ? c`), and each `[` or
 * `{` still open counts as a level.
 */
function tooDeep(raw: string): number | undefined {
  const indents: number[] = [];
  let line = 0;
  let flow = 0;
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    let i = start;
    while (i < end && (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9)) i++;
    const indent = i - start;
    if (i < end && raw.charCodeAt(i) !== 13) {
      while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
      // A line at column 0 starts a new top-level entry: a flow collection left open before it is yaml's error, not depth.
      if (indent === 0) flow = 0;
    }
    let depth = indents.length;
    for (;;) {
      const token = CHAIN.exec(raw.slice(i, Math.min(end, i + 1024)));
      if (!token) break;
      if (!/^[!&]/.test(token[0])) depth++;
      i += token[0].length;
      if (depth + flow > MAX_DEPTH) return line;
    }
    let quote = '';
    for (; i < end; i++) {
      const ch = raw[i]!;
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else if (ch === '[' || ch === '{') {
        flow++;
        if (depth + flow > MAX_DEPTH) return line;
      } else if ((ch === ']' || ch === '}') && flow > 0) {
        flow--;
      } else if (ch === '#' && (i === start || raw.charCodeAt(i - 1) === 32)) {
        break;
      }
    }
    line++;
    start = end + 1;
  }
  return undefined;
}

/** What can open a nested node at the start of a line or after another one: `- `, `? `, `: `, `key: `, or a tag or anchor (no level of its own). */
const CHAIN = /^(?:[-?:](?:[ \t]+|$)|[^\s#'"[\]{},][^\s]*:(?:[ \t]+|$)|[!&][^\s]*[ \t]+)/;

const DECLINE = Symbol('decline');

/** Plain keys the shortcut reads; yaml reads any other (quoted, dotted, a number, `null`, `true`…). */
const FLAT_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
const RESERVED_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL|__proto__)$/;
// yaml's core schema (its default, YAML 1.2), which decides what a plain scalar is.
const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
/** Octal, hex, floats, infinities and NaN: numbers the shortcut leaves to yaml. */
const CORE_OTHER_NUMBER =
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/**
 * Front matter made only of `key: value` lines, blank lines and `# comments`,
 * read as yaml reads it: the same data, no problems. Undefined whenever it
 * holds anything else (nesting, lists, flow collections, block scalars,
 * anchors, tags, escapes, tabs, a duplicate key, odd characters…), so the
 * caller gives it to yaml. `test/unit/front-matter-fast.test.ts` checks both
 * agree on generated front matter.
 */
export function parseFlatFrontMatter(raw: string): FrontMatterData | undefined {
  const data: Record<string, unknown> = {};
  let start = 0;
  while (start < raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    const c = raw.charCodeAt(start);
    if (c === 35 /* # */) {
      // A comment line: anything goes after the #, but a tab or an odd character might mean more to yaml than to us.
      if (!plainCharsFrom(raw, start, end)) return undefined;
    } else if (c === 32 /* space */) {
      // Indented: only blank lines and comments, anything else nests.
      let i = start;
      while (i < end && raw.charCodeAt(i) === 32) i++;
      if (i < end && (raw.charCodeAt(i) !== 35 || !plainCharsFrom(raw, i, end))) return undefined;
    } else if (start !== end) {
      const colon = raw.indexOf(':', start);
      if (colon < 0 || colon >= end) return undefined;
      const key = raw.slice(start, colon);
      if (!FLAT_KEY.test(key) || RESERVED_KEY.test(key) || Object.prototype.hasOwnProperty.call(data, key))
        return undefined;
      let i = colon + 1;
      if (i < end && raw.charCodeAt(i) !== 32) return undefined;
      while (i < end && raw.charCodeAt(i) === 32) i++;
      const value = scalarAt(raw, i, end);
      if (value === DECLINE) return undefined;
      data[key] = value;
    }
    start = end + 1;
  }
  return data;
}

/** The value of a one-line scalar from `from` (its first character) to `end` (the line's end), or DECLINE. */
function scalarAt(raw: string, from: number, end: number): unknown {
  if (from === end || raw.charCodeAt(from) === 35 /* # */) return null;
  const first = raw.charCodeAt(from);
  if (first === 39 /* ' */ || first === 34 /* " */) {
    let text = '';
    let i = from + 1;
    let chunk = i;
    for (;;) {
      if (i >= end) return DECLINE; // runs on to the next line
      const ch = raw.charCodeAt(i);
      if (!isPlainChar(ch)) return DECLINE;
      if (ch === first) {
        if (first === 39 && raw.charCodeAt(i + 1) === 39 && i + 1 < end) {
          text += raw.slice(chunk, i + 1); // '' is one '
          i += 2;
          chunk = i;
          continue;
        }
        break;
      }
      if (ch === 92 /* \ */ && first === 34) {
        const next = raw.charCodeAt(i + 1);
        if (i + 1 >= end || (next !== 34 && next !== 92)) return DECLINE; // other escapes are yaml's
        text += raw.slice(chunk, i);
        chunk = i + 1;
        i += 2;
        continue;
      }
      i++;
    }
    text += raw.slice(chunk, i);
    // After the closing quote: spaces, then nothing or a comment.
    let j = i + 1;
    while (j < end && raw.charCodeAt(j) === 32) j++;
    if (j < end && (j === i + 1 || raw.charCodeAt(j) !== 35 || !plainCharsFrom(raw, j, end))) return DECLINE;
    return text;
  }
  // A plain scalar may not start with an indicator; `-`, `?` and `:` may, when a non-space follows.
  if (first === 45 /* - */ || first === 63 /* ? */ || first === 58 /* : */) {
    if (from + 1 >= end || raw.charCodeAt(from + 1) === 32) return DECLINE;
  } else if (INDICATORS.includes(raw[from]!)) {
    return DECLINE;
  }
  let last = from; // one past the last non-space character
  let i = from;
  for (; i < end; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 32) {
      if (raw.charCodeAt(i + 1) === 35 /* # */ && i + 1 < end) {
        if (!plainCharsFrom(raw, i + 1, end)) return DECLINE;
        break;
      }
      continue;
    }
    if (!isPlainChar(ch)) return DECLINE;
    // `: ` or a final `:` would start a mapping inside the value.
    if (ch === 58 && (i + 1 >= end || raw.charCodeAt(i + 1) === 32)) return DECLINE;
    last = i + 1;
  }
  const text = raw.slice(from, last);
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (CORE_INT.test(text)) return text.length <= 15 ? parseInt(text, 10) : DECLINE;
  if (CORE_OTHER_NUMBER.test(text)) return DECLINE;
  return text;
}

const INDICATORS = '[]{},#&*!|>\'"%@`';

/**
 * Characters the shortcut takes at face value: printable, no tab, and none
 * that yaml or a YAML reader might treat as a break or a byte-order mark.
 */
function isPlainChar(ch: number): boolean {
  if (ch < 0x7f) return ch >= 0x20;
  return !(ch <= 0x9f || ch === 0xfeff || ch === 0x2028 || ch === 0x2029);
}

function plainCharsFrom(raw: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!isPlainChar(raw.charCodeAt(i))) return false;
  return true;
}

export type Scalar = string | number | boolean | null;

export type EditResult = { readonly edits: TextEdit[] } | { readonly error: string };

/**
 * Sets one top-level front-matter key. Replaces just the old value's
 * characters, or inserts one line before the closing `---`; creates a front
 * matter block when the file has none.
 */
export function setFrontMatterValue(
  lines: readonly Line[],
  scan: ScannedMarkdown,
  eol: string,
  key: string,
  value: Scalar,
): EditResult {
  const rendered = renderScalar(value);
  const keyText = renderKey(key);
  if (scan.unterminatedFrontMatter)
    return { error: 'The front matter is never closed with ---; fix it by hand first.' };
  const block = scan.frontMatter;
  if (!block) {
    return { edits: [insertAt(0, 0, `---${eol}${keyText}: ${rendered}${eol}---${eol}`)] };
  }
  const refused = yamlRefusal(block.raw);
  if (refused) return { error: `${refused.message} Fix it by hand first.` };
  const doc = parseDocument(block.raw, YAML_OPTIONS);
  if (doc.errors.length > 0) return { error: 'The front matter has a YAML error; fix it by hand first.' };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { edits: [insertAt(block.endLine, 0, `${keyText}: ${rendered}${eol}`)] };
  }
  if (!isMap(contents)) return { error: 'The front matter is not a list of `key: value` lines.' };
  if (contents.flow) return { error: 'The front matter is written as a {flow} map; edit it by hand.' };

  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) {
    return { edits: [insertAt(block.endLine, 0, `${keyText}: ${rendered}${eol}`)] };
  }
  const node = pair.value;
  if (node && !isScalar(node)) return { error: `The front matter key "${key}" holds a list or map; edit it by hand.` };
  if (!node || !node.range || node.range[0] === node.range[1]) {
    // `key:` with nothing after it: write the value after the colon.
    const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
    if (!keyRange) return { error: `Could not locate "${key}" in the front matter.` };
    const at = rawOffsetToPosition(lines, block.startLine + 1, keyRange[1]);
    const lineText = lines[at.line]!.text;
    const colon = lineText.indexOf(':', at.character);
    if (colon < 0) return { error: `Could not locate "${key}" in the front matter.` };
    return { edits: [insertAt(at.line, colon + 1, ` ${rendered}`)] };
  }
  // A block scalar's range runs through its final line break: keep that break.
  let endOffset = node.range[1];
  while (endOffset > node.range[0] && block.raw[endOffset - 1] === '\n') endOffset--;
  const start = rawOffsetToPosition(lines, block.startLine + 1, node.range[0]);
  const end = rawOffsetToPosition(lines, block.startLine + 1, endOffset);
  return { edits: [{ range: { start, end }, newText: rendered }] };
}

/** A scalar as it would appear after `key: ` — quoted only when YAML needs it. */
export function renderScalar(value: Scalar): string {
  if (typeof value === 'string') {
    const oneLine = value.replace(/[\r\n]+/g, ' ');
    return stringify(oneLine, { lineWidth: 0 }).replace(/\n$/, '');
  }
  return stringify(value).replace(/\n$/, '');
}

function renderKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : renderScalar(key);
}

/** Maps an offset in the front matter's raw text (lines joined by `\n`, starting at `firstLine`) to a file position. */
function rawOffsetToPosition(
  lines: readonly Line[],
  firstLine: number,
  offset: number,
): { line: number; character: number } {
  let line = firstLine;
  let remaining = offset;
  while (line < lines.length) {
    const text = lines[line]!.text;
    if (remaining <= text.length) return { line, character: remaining };
    remaining -= text.length + 1;
    line++;
  }
  const last = lines.length - 1;
  return { line: last, character: lines[last]!.text.length };
}

function lineOfOffset(raw: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < Math.min(offset, raw.length); i++) if (raw.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

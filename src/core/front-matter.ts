// Front matter is read and edited through yaml's Document API. Edits replace
// only the characters of one value (or add one line), so comments, key order,
// quoting style and keys we do not know survive untouched.

import { isMap, isScalar, parseDocument, stringify } from 'yaml';
import { ScannedMarkdown } from './markdown';
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
  const problems: Problem[] = [];
  try {
    const doc = parseDocument(block.raw, YAML_OPTIONS);
    for (const error of doc.errors) {
      const line = lineOfOffset(block.raw, error.pos[0]);
      problems.push({ message: `Front matter: ${firstLine(error.message)}`, line: block.startLine + 1 + line, severity: 'error' });
    }
    if (problems.length > 0) return { data: {}, problems };
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return { data: {}, problems };
    if (!isMap(contents)) {
      problems.push({ message: 'Front matter must be a list of `key: value` lines.', line: block.startLine + 1, severity: 'error' });
      return { data: {}, problems };
    }
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return { data: isRecord(data) ? data : {}, problems };
  } catch (error) {
    problems.push({ message: `Front matter could not be read: ${firstLine(String(error))}`, line: block.startLine, severity: 'error' });
    return { data: {}, problems };
  }
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
  if (scan.unterminatedFrontMatter) return { error: 'The front matter is never closed with ---; fix it by hand first.' };
  const block = scan.frontMatter;
  if (!block) {
    return { edits: [insertAt(0, 0, `---${eol}${keyText}: ${rendered}${eol}---${eol}`)] };
  }
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
function rawOffsetToPosition(lines: readonly Line[], firstLine: number, offset: number): { line: number; character: number } {
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

// Setting front-matter fields. The edit goes through yaml's Document API and
// replaces only the characters of one value (or adds one line), so comments,
// key order, quoting style and keys we do not know survive untouched.

import { JournalDocument, parseDocument } from './document';
import { EditResult, sequence } from './edits';
import { YAML_OPTIONS, yamlRefusal } from './front-matter';
import { ScannedMarkdown } from './markdown';
import { applyEdits, insertAt, Line, stripBom } from './text';
import { l10n } from './l10n';
import { parseFlatFrontMatter } from './flat-front-matter';
import { requireYaml, YamlLibrary, yamlFailure } from './yaml';

export type Scalar = string | number | boolean | null;

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
    return { error: l10n.t('The front matter is never closed with ---; fix it by hand first.') };
  const block = scan.frontMatter;
  if (!block) {
    return { edits: [insertAt(0, 0, `---${eol}${keyText}: ${rendered}${eol}---${eol}`)] };
  }
  const refused = yamlRefusal(block.raw);
  if (refused) return { error: l10n.t('{0} Fix it by hand first.', refused.message) };
  const yaml = yamlOrError();
  if ('error' in yaml) return yaml;
  const { isMap, isScalar } = yaml;
  const doc = yaml.parseDocument(block.raw, YAML_OPTIONS);
  if (doc.errors.length > 0) return { error: l10n.t('The front matter has a YAML error; fix it by hand first.') };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { edits: [insertAt(block.endLine, 0, `${keyText}: ${rendered}${eol}`)] };
  }
  if (!isMap(contents)) return { error: l10n.t('The front matter is not a list of `key: value` lines.') };
  if (contents.flow) return { error: l10n.t('The front matter is written as a {flow} map; edit it by hand.') };

  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair) {
    return { edits: [insertAt(block.endLine, 0, `${keyText}: ${rendered}${eol}`)] };
  }
  const node = pair.value;
  if (node && !isScalar(node))
    return { error: l10n.t('The front matter key "{0}" holds a list or map; edit it by hand.', key) };
  if (!node || !node.range || node.range[0] === node.range[1]) {
    // `key:` with nothing after it: write the value after the colon.
    const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
    if (!keyRange) return { error: l10n.t('Could not locate "{0}" in the front matter.', key) };
    const at = rawOffsetToPosition(lines, block.startLine + 1, keyRange[1]);
    const lineText = lines[at.line]!.text;
    const colon = lineText.indexOf(':', at.character);
    if (colon < 0) return { error: l10n.t('Could not locate "{0}" in the front matter.', key) };
    return { edits: [insertAt(at.line, colon + 1, ` ${rendered}`)] };
  }
  // A block scalar's range runs through its final line break: keep that break.
  let endOffset = node.range[1];
  while (endOffset > node.range[0] && block.raw[endOffset - 1] === '\n') endOffset--;
  const start = rawOffsetToPosition(lines, block.startLine + 1, node.range[0]);
  const end = rawOffsetToPosition(lines, block.startLine + 1, endOffset);
  return { edits: [{ range: { start, end }, newText: rendered }] };
}

/**
 * A scalar as it would appear after `key: `: plain when the flat reader
 * (which reads as yaml does) gets the same value back, else quoted. Quoting
 * is single when that needs no escape, else double with JSON's escapes (valid
 * YAML). No yaml needed, so new files are written without loading it.
 * `keepBreaks`: a new file's value keeps its line breaks, escaped.
 */
export function renderScalar(value: Scalar, keepBreaks = false): string {
  if (typeof value === 'string') {
    // Line breaks become spaces (a value edited in place stays on its line), or `\n` escapes in double quotes.
    const oneLine = keepBreaks ? value : value.replace(/[\r\n]+/g, ' ');
    // YAML 1.1 readers (other tools on the same files) take 10:00 for the number 600.
    if (/^\d{1,2}:\d{2}$/.test(oneLine)) return `"${oneLine}"`;
    if (oneLine !== '' && parseFlatFrontMatter(`k: ${oneLine}`)?.k === oneLine) return oneLine;
    if (oneLine.includes('"') && !oneLine.includes("'") && !UNPRINTABLE.test(oneLine)) return `'${oneLine}'`;
    return JSON.stringify(oneLine).replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  return String(value);
}

/** What a quoted YAML scalar may not hold as it is: controls, breaks, a byte-order mark, half a surrogate pair. */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u001f\u007f-\u009f\ufeff\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Of those, what JSON.stringify leaves as it is (it escapes the rest). */
const RAW_IN_JSON = /[\u007f-\u009f\ufeff\u2028\u2029]/g;

/** yaml for an edit, or why there is none: the writer loads it and computes the edit again (core/yaml.ts). */
function yamlOrError(): YamlLibrary | { readonly error: string } {
  const yaml = requireYaml();
  if (yaml) return yaml;
  const failed = yamlFailure();
  return {
    error: failed
      ? l10n.t('Front matter could not be read: {0}', failed)
      : l10n.t('The YAML reader is still loading; try again in a moment.'),
  };
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

/** Sets one front-matter key of a parsed document. */
export function setField(doc: JournalDocument, key: string, value: Scalar): EditResult {
  // A file not read as markdown (binary, too large) has no front matter we know of: a new block would sit on top of its real one.
  if (doc.scan.kinds.length !== doc.source.lines.length) return { error: l10n.t('The file could not be parsed.') };
  // A block created at the top ends in the file's break: a lone CR there would merge with an LF that starts the file.
  const first = doc.source.lines[0]!;
  const eol =
    doc.source.eol === '\r' && !doc.scan.frontMatter && first.text === '' && first.eol === '\n'
      ? '\r\n'
      : doc.source.eol;
  return setFrontMatterValue(doc.source.lines, doc.scan, eol, key, value);
}

/**
 * Sets several front-matter keys as one change. In a file without front
 * matter the first key creates the block and the others go inside it: that
 * is one insertion at the top, not a step editing inside an earlier one
 * (which `sequence` cannot express).
 */
export function setFields(doc: JournalDocument, fields: readonly (readonly [string, Scalar])[]): EditResult {
  const steps = fields.map(
    ([key, value]) =>
      (d: JournalDocument) =>
        setField(d, key, value),
  );
  if (doc.scan.frontMatter || doc.scan.unterminatedFrontMatter || steps.length < 2) return sequence(doc, steps);
  let text = (doc.source.bom ? '\uFEFF' : '') + doc.source.text;
  for (const step of steps) {
    const result = step(parseDocument(text));
    if ('error' in result) return result;
    text = applyEdits(text, result.edits);
  }
  const now = stripBom(text).text;
  const before = doc.source.text;
  if (!now.endsWith(before))
    return { error: l10n.t('The change could not be expressed as separate edits; nothing was changed.') };
  return { edits: [insertAt(0, 0, now.slice(0, now.length - before.length))] };
}

/**
 * Removes one top-level front-matter key and its value: the lines from the
 * key to the end of its value. Nothing to do when the key is absent.
 */
export function removeField(doc: JournalDocument, key: string): EditResult {
  const block = doc.scan.frontMatter;
  if (!block || doc.data[key] === undefined) return { edits: [] };
  const refused = yamlRefusal(block.raw);
  if (refused) return { error: l10n.t('{0} Fix it by hand first.', refused.message) };
  const lib = yamlOrError();
  if ('error' in lib) return lib;
  const { isMap, isScalar } = lib;
  const yaml = lib.parseDocument(block.raw, YAML_OPTIONS);
  const contents = yaml.contents;
  if (yaml.errors.length > 0 || !isMap(contents) || contents.flow)
    return { error: l10n.t('The front matter is not a list of `key: value` lines; edit it by hand.') };
  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  const from = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  const value = pair?.value as { range?: [number, number, number]; anchor?: string } | null | undefined;
  // Another key may refer to this value by its anchor (`weekday: &d tue`, `x: *d`): removing it would break that key.
  if (value?.anchor) return { error: l10n.t('"{0}" carries a YAML anchor other keys may use; edit it by hand.', key) };
  let to = value?.range?.[1] ?? (isScalar(pair?.key) ? pair.key.range?.[1] : undefined);
  if (from === undefined || to === undefined)
    return { error: l10n.t('Could not locate "{0}" in the front matter.', key) };
  while (to > from && block.raw[to - 1] === '\n') to--;
  const lines = doc.source.lines;
  const start = rawOffsetToPosition(lines, block.startLine + 1, from);
  const end = rawOffsetToPosition(lines, block.startLine + 1, to);
  if (start.character !== 0) return { error: l10n.t('"{0}" does not start its own line; edit it by hand.', key) };
  return { edits: [{ range: { start, end: { line: end.line + 1, character: 0 } }, newText: '' }] };
}

// Reading front matter. Nearly every file has flat `key: value` lines, and
// for those reading takes a shortcut (flat-front-matter.ts): yaml costs
// about 80 µs for three lines, the shortcut one, and indexing reads
// thousands of files. Anything the shortcut is not sure of goes to yaml,
// with its errors as problems, once it is loaded (yaml.ts). Edits are
// front-matter-edits.ts's.

import { parseFlatFrontMatter } from './flat-front-matter';
import { quotePlaceholders } from './template-placeholders';
import { FrontMatterBlock, ScannedMarkdown } from './markdown';
import { l10n } from './l10n';
import { requireYaml, yamlFailure } from './yaml';

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
  /** Only yaml reads this front matter (the flat shortcut declined it). */
  readonly needsYaml?: true;
  /** ... and yaml is not loaded yet: `data` is empty until it is (core/yaml.ts). */
  readonly yamlPending?: true;
}

// logLevel 'error': problems are reported as diagnostics, never printed to the console.
export const YAML_OPTIONS = { prettyErrors: false, strict: true, uniqueKeys: true, logLevel: 'error' } as const;

/** `template`: a template's, whose `{{placeholder}}` values are texts to be (template-placeholders.ts). */
export function parseFrontMatter(scan: ScannedMarkdown, template = false): ParsedFrontMatter {
  if (scan.unterminatedFrontMatter) {
    return {
      data: {},
      problems: [
        {
          message: l10n.t('Front matter opens with --- on line 1 but is never closed with ---.'),
          line: 0,
          severity: 'error',
        },
      ],
    };
  }
  const block = scan.frontMatter;
  if (!block) return { data: {}, problems: [] };
  const flat = parseFlatFrontMatter(block.raw);
  if (flat) return { data: flat, problems: [] };
  if (template) {
    const quoted = quotePlaceholders(block.raw);
    const filled = quoted !== block.raw ? parseFlatFrontMatter(quoted) : undefined;
    if (filled) return { data: filled, problems: [] };
  }
  return parseFrontMatterWithYaml(block);
}

/** The yaml path: every shape YAML allows, and its errors as problems (exported for the tests that hold the shortcut to it). */
export function parseFrontMatterWithYaml(block: FrontMatterBlock): ParsedFrontMatter {
  return { ...readWithYaml(block), needsYaml: true };
}

function readWithYaml(block: FrontMatterBlock): ParsedFrontMatter {
  const problems: Problem[] = [];
  const refused = yamlRefusal(block.raw);
  if (refused) {
    problems.push({ message: refused.message, line: block.startLine + 1 + refused.line, severity: 'error' });
    return { data: {}, problems };
  }
  const yaml = requireYaml();
  if (!yaml) {
    const failed = yamlFailure();
    if (failed === undefined) return { data: {}, problems, yamlPending: true };
    problems.push({
      message: l10n.t('Front matter could not be read: {0}', failed),
      line: block.startLine,
      severity: 'error',
    });
    return { data: {}, problems };
  }
  const { isMap, isScalar } = yaml;
  try {
    const doc = yaml.parseDocument(block.raw, YAML_OPTIONS);
    // The first few: a broken file can make thousands, and each costs a scan for its line.
    for (const error of doc.errors.slice(0, MAX_REPORTED_ERRORS)) {
      const line = lineOfOffset(block.raw, error.pos[0]);
      problems.push({
        message: l10n.t('Front matter: {0}', firstLine(error.message)),
        line: block.startLine + 1 + line,
        severity: 'error',
      });
    }
    if (doc.errors.length > MAX_REPORTED_ERRORS) {
      problems.push({
        message: l10n.t('Front matter: {0} more errors.', doc.errors.length - MAX_REPORTED_ERRORS),
        line: problems[problems.length - 1]!.line,
        severity: 'error',
      });
    }
    if (problems.length > 0) return { data: {}, problems };
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return { data: {}, problems };
    if (!isMap(contents)) {
      problems.push({
        message: l10n.t('Front matter must be a list of `key: value` lines.'),
        line: block.startLine + 1,
        severity: 'error',
      });
      return { data: {}, problems };
    }
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return { data: isRecord(data) ? data : {}, problems };
  } catch (error) {
    problems.push({
      message: l10n.t('Front matter could not be read: {0}', firstLine(String(error))),
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
 * front matter is a few lines, and most of it takes the shortcut.
 */
const MAX_DEPTH = 64;
const MAX_YAML_LENGTH = 16 * 1024;
const MAX_YAML_LINES = 1000;
const MAX_REPORTED_ERRORS = 10;

/** Why the front matter is not given to yaml, and on which line of `raw`; undefined when it can be. */
export function yamlRefusal(raw: string): { readonly line: number; readonly message: string } | undefined {
  // Depth first: it names the line where the nesting runs away.
  const line = tooDeep(raw);
  if (line !== undefined)
    return {
      line,
      message: l10n.t(
        'Front matter is nested more than {0} levels deep, so it is not read. Keep it to `key: value` lines.',
        MAX_DEPTH,
      ),
    };
  if (raw.length > MAX_YAML_LENGTH || lineCount(raw) > MAX_YAML_LINES) {
    return {
      line: 0,
      message: l10n.t(
        'Front matter is longer than {0} lines or {1} KB, so it is not read. Keep it to a few `key: value` lines; long text belongs below the closing ---.',
        MAX_YAML_LINES.toLocaleString('en'),
        MAX_YAML_LENGTH / 1024,
      ),
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

// The shortcut for the front matter nearly every file has: flat `key: value`
// lines, read by hand as yaml would read them. Whatever it is not sure of,
// it declines, and front-matter.ts asks yaml.

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
export function parseFlatFrontMatter(raw: string): Readonly<Record<string, unknown>> | undefined {
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

// Markdown inside one line of text: the journal's #tags, code spans and
// inline links, read as the scanner and the labels need them.

/** A tag after its `#` (sticky: read where a `#` was found). */
const TAG_BODY = /[\p{L}\p{N}_][\p{L}\p{N}_/-]*/uy;

/**
 * The tags of a text, lowercased, once each, in order: what TAG matches
 * (`#` at the start or after a space or `(`, then letters, digits, `_`, `/`
 * or `-`), outside code spans and link targets, without a trailing `/` or
 * `-`, and not all digits (`#42` is an issue). Found from each `#` rather
 * than by running TAG over the text, which tries every character.
 */
export function extractTags(text: string): string[] {
  if (!text.includes('#')) return [];
  let withoutCode = blankCodeSpans(text);
  if (withoutCode.includes('](')) withoutCode = withoutCode.replace(/\]\([^)]*\)/g, '] ');
  const tags: string[] = [];
  let hash = withoutCode.indexOf('#');
  while (hash >= 0) {
    let next = hash + 1;
    if (hash === 0 || opensTag(withoutCode.charCodeAt(hash - 1))) {
      TAG_BODY.lastIndex = hash + 1;
      const m = TAG_BODY.exec(withoutCode);
      if (m) {
        next = TAG_BODY.lastIndex;
        let tag = m[0];
        if (!isLowerAscii(tag)) tag = tag.toLowerCase();
        const last = tag.charCodeAt(tag.length - 1);
        if (last === 47 /* / */ || last === 45 /* - */) tag = tag.replace(/[/-]+$/, '');
        if (!/^\d+$/.test(tag) && !tags.includes(tag)) tags.push(tag);
      }
    }
    hash = withoutCode.indexOf('#', next);
  }
  return tags;
}

/** What may come before a tag's `#`: `(` or what `\s` matches. */
function opensTag(c: number): boolean {
  return (
    c === 32 ||
    c === 40 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True when toLowerCase would change nothing (ASCII, no capitals): most tags. */
function isLowerAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/**
 * `text` with its code spans blanked out (spaces, same length), read as
 * CommonMark reads them: a backslash-escaped backtick opens nothing, and a
 * span closes only at a run of as many backticks as opened it.
 */
export function blankCodeSpans(text: string): string {
  // Without a backtick there is no span; escapes are copied as they are.
  if (!text.includes('`')) return text;
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
    for (let j = i + n; j < text.length && close < 0;) {
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
    out +=
      text.slice(last, m.index) + text.slice(m.index + 1, m.index + 1 + m[1]!.length).replace(/\\([\\[\]])/g, '$1');
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

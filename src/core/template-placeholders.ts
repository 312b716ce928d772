// A template's front matter holds `{{placeholders}}` where values go:
// `date: {{date}}` is a date to be, though yaml would read a nested map there.
// Both the filling (templates.ts) and the reading (front-matter.ts) take such
// a plain value as one text.

/** A front-matter line `key: value  # comment`: the key and its spacing, the value, the comment. */
export const FRONT_MATTER_PAIR = /^(\s*[^\s:#][^:]*:[ \t]+)(.*?)([ \t]+#.*)?$/;

/** Whether a value in a template's front matter is a placeholder value: plain (not quoted, not a block), with a `{{`. */
export function isPlaceholderValue(value: string): boolean {
  return value.includes('{{') && !/^["'|>]/.test(value);
}

/** The front matter with each placeholder value double-quoted, as the text it stands for until it is filled. */
export function quotePlaceholders(raw: string): string {
  return raw
    .split('\n')
    .map((line) => {
      const pair = FRONT_MATTER_PAIR.exec(line);
      return pair && isPlaceholderValue(pair[2]!) ? `${pair[1]}${JSON.stringify(pair[2])}${pair[3] ?? ''}` : line;
    })
    .join('\n');
}

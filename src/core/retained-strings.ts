// The strings the index keeps. What the index keeps must not keep the file:
// a string sliced from a file's text holds on to all of it (V8 keeps a
// slice's parent), so an item's text, a label or a link would keep every
// meeting whole in memory.

/** `text` as a string of its own: one character longer than it, flattened (slices shorter than 13 characters are copies already). */
export function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Tag lists by their tags: items share a handful of distinct lists, so the index keeps one of each. */
const tagLists = new Map<string, readonly string[]>();
const NO_TAGS: readonly string[] = Object.freeze([]);

export function internTags(tags: readonly string[]): readonly string[] {
  if (tags.length === 0) return NO_TAGS;
  const key = tags.length === 1 ? tags[0]! : tags.join('\n'); // a tag never holds a line break
  let shared = tagLists.get(key);
  if (!shared) {
    // Bounded: past it, lists are simply shared less.
    if (tagLists.size >= 10_000) tagLists.clear();
    shared = Object.freeze(tags.map(internTag));
    tagLists.set(own(key), shared);
  }
  return shared;
}

const tagNames = new Map<string, string>();

export function internTag(tag: string): string {
  let shared = tagNames.get(tag);
  if (shared === undefined) {
    if (tagNames.size >= 10_000) tagNames.clear();
    shared = own(tag);
    tagNames.set(shared, shared);
  }
  return shared;
}

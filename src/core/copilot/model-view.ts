// What a language model may see of the journal: the one rule for every tool
// result and every prompt. It is the shareable view of Copy Shareable Agenda
// (core/share.ts): no Private section, no #private heading, item or line, no
// HTML comment, no front matter. Items from the index are kept only when not
// tagged private, and whatever is composed from them passes through the same
// view once more on its way out.

import { parseDocument } from '../document';
import { shareableAgenda } from '../share';

/** `#private` and its sub-tags (`#private/career`). */
export function isPrivateTag(tag: string): boolean {
  return tag === 'private' || tag.startsWith('private/');
}

/** An item of the index that may be shown: nothing tagged private (the index tags everything under a Private heading too). */
export function isShareable(item: { readonly tags: readonly string[] }): boolean {
  return !item.tags.some(isPrivateTag);
}

/** A journal file as a model may read it. */
export function shareableText(fileText: string): string {
  return shareableAgenda(parseDocument(fileText)).markdown;
}

/** The last step of every tool result and prompt: composed markdown through the shareable view again. */
export function forModel(markdown: string): string {
  return shareableAgenda(parseDocument(markdown)).markdown;
}

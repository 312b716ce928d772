// One line typed into Finish Meeting's list: a takeaway, or an action item
// when it starts with its owner ("Me: …", "Alex: …") and, optionally, ends
// with its due date ("… by 2026-12-10"). Both go in one place, so the owner
// is part of the line instead of a box of its own.

import { isIsoDate } from './dates';
import { ActionItem } from './finish';

export type FinishEntry =
  { readonly kind: 'takeaway'; readonly text: string } | { readonly kind: 'action'; readonly item: ActionItem };

const MINE = /^(?:me|i|my|mine|todo|action|ai)$/i;
const THEIRS = /^(?:them|they|their|theirs)$/i;
const OWNER = /^\s*(?:[-*+]\s+)?(?:\[ \]\s+)?([\p{L}][\p{L}\p{M}'’. -]{0,60}?)\s*:\s+(.*)$/u;
const UNCHECKED = /^\s*(?:[-*+]\s+)?\[ \]\s+(.*)$/;
const DUE = /\s*[(,;]?\s*(?:by|due(?:\s+on)?|until)\s+(\d{4}-\d{2}-\d{2})\)?\s*$/i;

/** Whether `name` names the person: their full name or first name, case-insensitive. */
function namesPerson(name: string, personName: string): boolean {
  const n = name.trim().toLowerCase();
  const full = personName.trim().toLowerCase();
  return n !== '' && (n === full || n === full.split(/\s+/)[0]);
}

/** Reads one typed line; undefined for a blank one. */
export function parseFinishEntry(typed: string, personName: string): FinishEntry | undefined {
  const line = typed.replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  const owned = OWNER.exec(line);
  // The person's own name first: someone may be called Ai or May.
  const owner = owned
    ? namesPerson(owned[1]!, personName) || THEIRS.test(owned[1]!.trim())
      ? ('them' as const)
      : MINE.test(owned[1]!.trim())
        ? ('me' as const)
        : undefined
    : undefined;
  const unchecked = owner ? undefined : UNCHECKED.exec(line);
  if (!owner && !unchecked) return { kind: 'takeaway', text: line };
  let text = owner ? owned![2]! : unchecked![1]!;
  const due = DUE.exec(text);
  if (due && isIsoDate(due[1]!)) text = text.slice(0, due.index);
  text = text.trim();
  if (text === '') return { kind: 'takeaway', text: line };
  return {
    kind: 'action',
    item: { text, owner: owner ?? 'me', ...(due && isIsoDate(due[1]!) ? { due: due[1]! } : {}) },
  };
}

/** The line that reads back as the same entry (to edit it again). */
export function finishEntryText(entry: FinishEntry, personName: string): string {
  if (entry.kind === 'takeaway') return entry.text;
  const { text, owner, due } = entry.item;
  const first = personName.trim().split(/\s+/)[0] || 'Them';
  return `${owner === 'them' ? first : 'Me'}: ${text}${due ? ` by ${due}` : ''}`;
}

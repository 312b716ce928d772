// What is due: the open action items of every meeting — mine ("Me: …") and
// theirs ("Alex: …") — with their due dates (`(due 2026-12-01)`, as Finish
// Meeting writes them, or `due: 2026-12-01` / `📅 2026-12-01` by hand), and
// feedback threads whose circle-back has come. Overdue first, then by date,
// then the undated; and how many need me today (the badge).

import { parseIsoDate } from './dates';
import { JournalIndex } from './journal-index';
import { stringField } from './journal-entry';
import { carryId } from './carry';
import { isFeedbackDue } from './threads';
import { l10n } from './l10n';

export interface DueItem {
  readonly kind: 'action' | 'circle-back';
  readonly path: string;
  readonly line: number;
  readonly text: string;
  /** The person's name: the meeting's, or the one the feedback came from. */
  readonly personName?: string;
  readonly due?: string;
  /** Mine: an action item without an owner or owned by "Me", and every circle-back. */
  readonly mine: boolean;
  /** Tagged private (or under a private heading): never quoted in a notification. */
  readonly private?: boolean;
}

const DUE = /(?:\(due[: ]\s*|\bdue:\s*|📅\s*)(\d{4}-\d{2}-\d{2})\)?/i;
const OWNER = /^([^:]{1,40}):\s/;

/** The due date written in an item's text, if any. */
export function dueDateOf(text: string): string | undefined {
  const m = DUE.exec(text);
  return m && parseIsoDate(m[1]!) ? m[1] : undefined;
}

/**
 * Whose an action item is, from the name before its colon: theirs when that
 * names someone in the journal (full name, first name or file name), else
 * mine (`Me:`, `TODO:`, no owner at all).
 */
function isMine(text: string, people: readonly { slug: string; name: string }[]): boolean {
  const owner = OWNER.exec(text)?.[1]?.trim().toLowerCase();
  if (!owner || /^(me|i|myself)$/.test(owner)) return true;
  return !people.some(
    (p) => p.name.toLowerCase() === owner || p.slug === owner || p.name.toLowerCase().split(/\s+/)[0] === owner,
  );
}

/** Every open action item and every circle-back due on or before `today`, overdue first. */
export function dueItems(index: JournalIndex, today: string): DueItem[] {
  const out: DueItem[] = [];
  const people = index.people();
  const names = new Map(people.map((p) => [p.slug, p.name]));
  const meetings = index.ofKind('meeting');
  // An item carried forward stays open where it came from: only its newest copy counts (ticked or not).
  const carriedOn = new Map<string, string>();
  for (const m of meetings)
    for (const a of m.actions) {
      if (!a.carriedFrom) continue;
      const key = `${m.person ?? ''}\n${a.carriedFrom}`;
      if ((carriedOn.get(key) ?? '') < (m.date ?? '')) carriedOn.set(key, m.date ?? '');
    }
  for (const meeting of meetings) {
    for (const a of meeting.actions) {
      if (a.checked !== false) continue;
      const later = carriedOn.get(`${meeting.person ?? ''}\n${carryId(a.text)}`);
      if (later !== undefined && later > (meeting.date ?? '')) continue;
      const due = dueDateOf(a.text);
      const personName = meeting.person ? (names.get(meeting.person) ?? meeting.person) : undefined;
      out.push({
        kind: 'action',
        path: meeting.path,
        line: a.line,
        text: a.text,
        ...(personName ? { personName } : {}),
        ...(due ? { due } : {}),
        mine: isMine(a.text, people),
        ...(a.tags.includes('private') ? { private: true } : {}),
      });
    }
  }
  for (const thread of index.ofKind('feedback')) {
    if (!isFeedbackDue(thread, today)) continue;
    const from = stringField(thread.data, 'from');
    const due = stringField(thread.data, 'circleBack');
    out.push({
      kind: 'circle-back',
      path: thread.path,
      line: 0,
      text: l10n.t('Circle back: {0}', thread.title),
      ...(from ? { personName: index.findPerson(from)?.name ?? from } : {}),
      ...(due ? { due } : {}),
      mine: true,
    });
  }
  return out.sort(
    (a, b) =>
      (a.due === undefined ? 1 : 0) - (b.due === undefined ? 1 : 0) ||
      (a.due ?? '').localeCompare(b.due ?? '') ||
      a.path.localeCompare(b.path) ||
      a.line - b.line,
  );
}

/** Mine and due today or before: what the badge counts and the daily reminder names. */
export function needsMeToday(items: readonly DueItem[], today: string): DueItem[] {
  return items.filter((i) => i.mine && i.due !== undefined && i.due <= today);
}

/** "3 days late", "due today", "due tomorrow", "due in 5 days". */
export function dueText(due: string, today: string): string {
  const a = parseIsoDate(today);
  const b = parseIsoDate(due);
  if (!a || !b) return l10n.t('due {0}', due);
  const days = Math.round((b.getTime() - a.getTime()) / 86_400_000);
  if (days < 0) return days === -1 ? l10n.t('1 day late') : l10n.t('{0} days late', -days);
  if (days === 0) return l10n.t('due today');
  if (days === 1) return l10n.t('due tomorrow');
  return l10n.t('due in {0} days', days);
}

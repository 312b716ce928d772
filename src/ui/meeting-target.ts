// Which meeting a session command is about: a meeting given by URI (a
// CodeLens, the editor title), `{ person, date }`, a tree node, the meeting
// open in the active editor, or the next meeting with a person picked.

import * as vscode from 'vscode';
import { Person } from '../core/journal-index';
import { JournalEntry } from '../core/journal-entry';
import { classify } from '../core/layout';
import { Services } from '../host/services';
import { isNode } from './nodes';
import { argsOf, fail, resolvePerson } from './commands';

export interface MeetingTarget {
  readonly person: Person;
  readonly entry: JournalEntry;
}

export type Which = 'next' | 'current';

const CLOSED = new Set(['done', 'skipped', 'cancelled']);

/** The meeting file a URI points at, when it is one in the journal. */
export function meetingAt(services: Services, uri: vscode.Uri | undefined): MeetingTarget | undefined {
  if (!uri) return undefined;
  const path = services.store.pathOf(uri);
  if (!path || classify(path).kind !== 'meeting') return undefined;
  const entry = services.store.index.get(path);
  const person = entry?.person ? services.store.index.person(entry.person) : undefined;
  return entry && person ? { person, entry } : undefined;
}

/**
 * The person's meeting to work on: `next` is the next one (today or later,
 * not closed); `current` prefers the latest open one up to today — the 1:1
 * that just happened — and falls back to the next.
 */
export function meetingOf(services: Services, person: Person, which: Which): JournalEntry | undefined {
  const { index } = services.store;
  const today = services.today();
  if (which === 'current') {
    const current = index.meetingsOf(person.slug).find((m) => (m.date ?? '') <= today && !CLOSED.has(m.status ?? ''));
    if (current) return current;
  }
  return index.nextMeeting(person.slug, today);
}

/**
 * Resolves the target meeting of a command. Undefined when the user cancels,
 * or when there is no such meeting (after saying so, unless `quietIfNone`).
 */
export async function resolveMeeting(
  services: Services,
  arg: unknown,
  which: Which,
  placeHolder: string,
): Promise<MeetingTarget | undefined> {
  if (arg instanceof vscode.Uri)
    return (
      meetingAt(services, arg) ??
      fail(vscode.l10n.t('{0} is not a meeting in the journal.', vscode.workspace.asRelativePath(arg)))
    );
  if (isNode(arg) && arg.type === 'meeting')
    return (
      meetingAt(services, services.store.uriOf(arg.path)) ?? fail(vscode.l10n.t('The meeting {0} is gone.', arg.path))
    );
  const args = argsOf<{ person: unknown; date: unknown }>(arg);
  if (args?.person === undefined && !isNode(arg)) {
    const active = meetingAt(services, vscode.window.activeTextEditor?.document.uri);
    if (active) return active;
  }
  const person = await resolvePerson(services, arg, placeHolder);
  if (!person) return undefined;
  if (args?.date !== undefined) {
    const entry =
      typeof args.date === 'string'
        ? services.store.index.meetingsOf(person.slug).find((m) => m.date === args.date)
        : undefined;
    return entry
      ? { person, entry }
      : fail(vscode.l10n.t('There is no meeting with {0} on {1}.', person.name, String(args.date)));
  }
  const entry = meetingOf(services, person, which);
  if (!entry) {
    return fail(
      which === 'current'
        ? vscode.l10n.t('There is no open 1:1 with {0} to finish.', person.name)
        : vscode.l10n.t('There is no upcoming 1:1 with {0}. Create one with "1:1: New Meeting".', person.name),
    );
  }
  return { person, entry };
}

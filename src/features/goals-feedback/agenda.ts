// A goal gone quiet or a feedback thread due for a circle-back, put on the
// next 1:1's agenda in one step: from the tree, the prep sheet or the palette.

import * as vscode from 'vscode';
import { AGENDA_TARGET } from '../../core/carry';
import { addListItem } from '../../core/edits';
import { Person } from '../../core/journal-index';
import { JournalEntry, summarize } from '../../core/journal-entry';
import { agendaMentions, agendaPointFor, feedbackPerson } from '../../core/threads';
import { Services } from '../../host/services';
import { nextMeetingPath } from '../../ui/meetings';
import { argsOf, fail, requireJournal, resolvePerson } from '../../ui/commands';
import { isNode } from '../../ui/nodes';
import { findThread, ThreadKind } from './resolve';
import { relativeLink } from '../../core/layout';

export interface AddToAgendaOutcome {
  readonly uri: vscode.Uri;
  /** False when it was on that agenda already. */
  readonly added: boolean;
}

/** The goal or thread an `addToAgenda` call is about. */
async function targetOf(services: Services, arg: unknown): Promise<JournalEntry | undefined> {
  const { index } = services.store;
  if (isNode(arg)) {
    const path = arg.type === 'goal' || arg.type === 'feedback' || arg.type === 'progress' ? arg.path : undefined;
    return (path ? index.get(path) : undefined) ?? fail(vscode.l10n.t('Run this on a goal or a feedback thread.'));
  }
  if (arg instanceof vscode.Uri) {
    const path = services.store.pathOf(arg);
    const entry = path ? index.get(path) : undefined;
    return entry && (entry.kind === 'goal' || entry.kind === 'feedback')
      ? entry
      : fail(vscode.l10n.t('Run this on a goal or a feedback thread.'));
  }
  const args = argsOf<{ goal: unknown; thread: unknown; path: unknown }>(arg);
  if (args) {
    for (const [key, kind] of [
      ['goal', 'goal'],
      ['thread', 'feedback'],
    ] as const) {
      const value = args[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value.trim() === '')
        return fail(vscode.l10n.t('"{0}" must be a file name, path or title.', key));
      return (
        findThread(services, kind as ThreadKind, value) ??
        fail(
          kind === 'goal'
            ? vscode.l10n.t('No goal "{0}" in the journal.', value)
            : vscode.l10n.t('No feedback thread "{0}" in the journal.', value),
        )
      );
    }
    if (typeof args.path === 'string') {
      const entry = index.get(args.path);
      return entry && (entry.kind === 'goal' || entry.kind === 'feedback')
        ? entry
        : fail(vscode.l10n.t('"{0}" is not a goal or feedback thread of the journal.', args.path));
    }
    return fail(vscode.l10n.t('Say what to add: pass "goal" or "thread".'));
  }
  const items = [
    ...index.ofKind('goal').filter((g) => (g.status ?? 'active') === 'active'),
    ...index.ofKind('feedback').filter((f) => f.status !== 'closed'),
  ];
  if (items.length === 0) return fail(vscode.l10n.t('There is no active goal or open feedback thread to add.'));
  const picked = await vscode.window.showQuickPick(
    items.map((entry) => ({
      label: entry.title,
      description: entry.kind === 'goal' ? vscode.l10n.t('goal') : vscode.l10n.t('feedback thread'),
      entry,
    })),
    {
      placeHolder: vscode.l10n.t('Add which goal or feedback thread to the next agenda?'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    },
  );
  return picked?.entry;
}

/** Who the point goes to: `person`, the person a thread came from, or asked (your manager first). */
async function personFor(services: Services, arg: unknown, entry: JournalEntry): Promise<Person | undefined> {
  const given = argsOf<{ person: unknown }>(arg)?.person;
  if (given !== undefined) return resolvePerson(services, { person: given }, '');
  if (entry.kind === 'feedback') {
    const from = feedbackPerson(services.store.index, entry);
    if (from) return from;
  }
  const manager = services.store.index.people().find((p) => p.entry?.data['role'] === 'manager');
  return resolvePerson(
    services,
    undefined,
    vscode.l10n.t('Add "{0}" to your next 1:1 with…', entry.title),
    manager?.slug,
  );
}

/**
 * `oneOnOne.addToAgenda { goal? | thread?, person? }` (or a goal or thread
 * row): a talking point linking to it in the next 1:1 with the person,
 * unless that agenda already has one.
 */
export async function addToAgenda(services: Services, arg: unknown): Promise<AddToAgendaOutcome | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const entry = await targetOf(services, arg);
  if (!entry) return undefined;
  const person = await personFor(services, arg, entry);
  if (!person) return undefined;
  const path = await nextMeetingPath(services, person);
  if (!path) return undefined;
  const text = agendaPointFor(entry, relativeLink(path, entry.path), services.today(), services.store.index);
  // Whether it is there already is read from the text the point is added to: an open editor's unsaved lines, or what another window just wrote.
  let already = false;
  const result = await services.writer.edit(
    path,
    (doc) => {
      already = agendaMentions(summarize(path, doc).agenda, entry);
      return already ? { edits: [] } : addListItem(doc, AGENDA_TARGET, { text });
    },
    'Add to agenda',
  );
  if (!result.ok) return fail(result.reason);
  if (already) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '"{0}" is already on the agenda of your 1:1 with {1} on {2}.',
        entry.title,
        person.name,
        services.store.index.get(path)?.date ?? '',
      ),
    );
    return { uri: result.uri, added: false };
  }
  vscode.window.setStatusBarMessage(
    vscode.l10n.t(
      '$(check) "{0}" is on the agenda of your 1:1 with {1} on {2}',
      entry.title,
      person.name,
      services.store.index.get(path)?.date ?? '',
    ),
    6000,
  );
  return { uri: result.uri, added: true };
}

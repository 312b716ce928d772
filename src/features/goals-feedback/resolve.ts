// Which goal or feedback thread a command is about: from its arguments
// (`goal` / `thread`: a file name, a path or a title), the tree row it was
// run on, the file it was run on, the active editor, or a quick pick.

import * as vscode from 'vscode';
import { JournalEntry } from '../../core/journal-entry';
import { FileKind } from '../../core/layout';
import { Services } from '../../host/services';
import { argsOf, fail } from '../../ui/commands';
import { isNode } from '../../ui/nodes';

export type ThreadKind = Extract<FileKind, 'goal' | 'feedback'>;

const NOUN: Readonly<Record<ThreadKind, { key: 'goal' | 'thread'; name: string; folder: string }>> = {
  goal: { key: 'goal', name: 'goal', folder: 'goals' },
  feedback: { key: 'thread', name: 'feedback thread', folder: 'feedback' },
};

/** A goal or thread by file name (`lead-a-design-review`), path (`goals/x.md`) or title, case-insensitive. */
export function findThread(services: Services, kind: ThreadKind, query: string): JournalEntry | undefined {
  const { index } = services.store;
  const q = query.trim();
  const folder = NOUN[kind].folder;
  const byPath = index.get(q) ?? index.get(`${folder}/${q}`) ?? index.get(`${folder}/${q}.md`);
  if (byPath?.kind === kind) return byPath;
  const lower = q.toLowerCase();
  const all = index.ofKind(kind);
  return all.find((e) => e.slug.toLowerCase() === lower) ?? all.find((e) => e.title.toLowerCase() === lower);
}

/** The goal or thread shown in an editor, if it is one. */
export function threadAt(services: Services, uri: vscode.Uri | undefined, kind: ThreadKind): JournalEntry | undefined {
  if (!uri) return undefined;
  const path = services.store.pathOf(uri);
  const entry = path ? services.store.index.get(path) : undefined;
  return entry?.kind === kind ? entry : undefined;
}

export interface ResolveOptions {
  readonly placeHolder: string;
  /** Which entries the quick pick offers (all of the kind by default). */
  readonly filter?: (entry: JournalEntry) => boolean;
  readonly describe?: (entry: JournalEntry) => string;
  /** Use the goal or thread open in the active editor without asking. */
  readonly fromEditor?: boolean;
}

/**
 * The goal (`kind: 'goal'`) or feedback thread a command runs on.
 * Undefined when the user cancels or the name is unknown (after saying so).
 */
export async function resolveThread(
  services: Services,
  arg: unknown,
  kind: ThreadKind,
  options: ResolveOptions,
): Promise<JournalEntry | undefined> {
  const { key } = NOUN[kind];
  const goal = kind === 'goal';
  const { index } = services.store;
  if (isNode(arg)) {
    const path = arg.type === kind || arg.type === 'progress' ? arg.path : undefined;
    const entry = path ? index.get(path) : undefined;
    if (entry?.kind === kind) return entry;
    if (path) return fail(vscode.l10n.t('{0} is no longer in the journal.', path));
  }
  if (arg instanceof vscode.Uri)
    return (
      threadAt(services, arg, kind) ??
      fail(
        goal
          ? vscode.l10n.t('{0} is not a goal of the journal.', vscode.workspace.asRelativePath(arg))
          : vscode.l10n.t('{0} is not a feedback thread of the journal.', vscode.workspace.asRelativePath(arg)),
      )
    );
  const given = argsOf<Record<string, unknown>>(arg)?.[key];
  if (given !== undefined) {
    if (typeof given !== 'string' || given.trim() === '')
      return fail(
        goal
          ? vscode.l10n.t('"goal" must be the goal\'s file name, path or title.')
          : vscode.l10n.t('"thread" must be the feedback thread\'s file name, path or title.'),
      );
    return (
      findThread(services, kind, given) ??
      fail(
        goal
          ? vscode.l10n.t('No goal "{0}" in the journal.', given)
          : vscode.l10n.t('No feedback thread "{0}" in the journal.', given),
      )
    );
  }
  if (argsOf(arg))
    return fail(
      goal
        ? vscode.l10n.t('Say which goal: pass "goal" (its file name, path or title).')
        : vscode.l10n.t('Say which feedback thread: pass "thread" (its file name, path or title).'),
    );
  if (options.fromEditor) {
    const open = threadAt(services, vscode.window.activeTextEditor?.document.uri, kind);
    if (open) return open;
  }
  const entries = index.ofKind(kind).filter(options.filter ?? (() => true));
  if (entries.length === 0) {
    const create = goal ? vscode.l10n.t('New Goal') : vscode.l10n.t('New Feedback Thread');
    const pick = await vscode.window.showInformationMessage(
      goal
        ? vscode.l10n.t('There is no goal to choose from.')
        : vscode.l10n.t('There is no feedback thread to choose from.'),
      create,
    );
    if (pick) await vscode.commands.executeCommand(kind === 'goal' ? 'oneOnOne.newGoal' : 'oneOnOne.newFeedbackThread');
    return undefined;
  }
  entries.sort((a, b) => a.title.localeCompare(b.title) || a.path.localeCompare(b.path));
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: entry.title, description: options.describe?.(entry), entry })),
    { placeHolder: options.placeHolder, matchOnDescription: true, ignoreFocusOut: true },
  );
  return picked?.entry;
}

// What every journal command shares: reading its one arguments object (or the
// tree node it was invoked on), asking for a person, and failing clearly.

import * as vscode from 'vscode';
import { Person } from '../core/journal-index';
import { describeSchedule } from '../core/schedule';
import { Services } from '../host/services';
import { isNode } from './nodes';

/** The command's arguments object, when it was given one (not a tree node or URI). */
export function argsOf<T extends object>(arg: unknown): Partial<T> | undefined {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || isNode(arg) || arg instanceof vscode.Uri)
    return undefined;
  return arg as Partial<T>;
}

export function fail(message: string): undefined {
  void vscode.window.showErrorMessage(message);
  return undefined;
}

const CREATE_PERSONAL = vscode.l10n.t('Create Personal Journal');

/** Checks the journal exists; otherwise explains and offers to create it. */
export async function requireJournal(services: Services): Promise<boolean> {
  await services.store.ready();
  const state = services.store.state;
  switch (state.kind) {
    case 'ready':
      return true;
    case 'no-workspace': {
      const pick = await vscode.window.showErrorMessage(
        vscode.l10n.t(
          'There is no journal in this window: create a personal journal (one for every window), or open a folder that has one.',
        ),
        CREATE_PERSONAL,
        vscode.l10n.t('Open Folder'),
      );
      if (pick === CREATE_PERSONAL) await vscode.commands.executeCommand('oneOnOne.createPersonalJournal');
      else if (pick) await vscode.commands.executeCommand('vscode.openFolder');
      return false;
    }
    case 'unusable':
      void vscode.window
        .showErrorMessage(state.problem, vscode.l10n.t('Open Settings'))
        .then(
          (pick) => pick && vscode.commands.executeCommand('workbench.action.openSettings', 'oneOnOne.journalFolder'),
        );
      return false;
    case 'not-a-folder':
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t(
            'The journal path "{0}" is a file, not a folder. Rename it, or point the setting oneOnOne.journalFolder elsewhere.',
            shownPath(state.root),
          ),
          vscode.l10n.t('Open Settings'),
        )
        .then(
          (pick) => pick && vscode.commands.executeCommand('workbench.action.openSettings', 'oneOnOne.journalFolder'),
        );
      return false;
    case 'missing': {
      const pick = await vscode.window.showWarningMessage(
        vscode.l10n.t('There is no journal folder "{0}" yet.', shownPath(state.root)),
        vscode.l10n.t('Create Journal'),
      );
      if (pick) await vscode.commands.executeCommand('oneOnOne.initJournal');
      return false;
    }
  }
}

/**
 * The person a command is about: from `person` in the arguments (slug or
 * display name), from the tree node it was run on, or asked with a quick pick.
 * Undefined when the user cancels or the name is unknown (after saying so).
 */
export async function resolvePerson(
  services: Services,
  arg: unknown,
  placeHolder: string,
  preferred?: string,
): Promise<Person | undefined> {
  const { index } = services.store;
  if (isNode(arg) && (arg.type === 'person' || arg.type === 'meeting')) {
    const slug = arg.type === 'person' ? arg.slug : arg.person;
    return index.people().find((p) => p.slug === slug) ?? fail(vscode.l10n.t('No person "{0}" in the journal.', slug));
  }
  const given = argsOf<{ person: unknown }>(arg)?.person;
  if (given !== undefined) {
    if (typeof given !== 'string' || given.trim() === '')
      return fail(vscode.l10n.t('"person" must be a person\'s name or file name (slug).'));
    return (
      index.findPerson(given) ??
      fail(vscode.l10n.t('No person "{0}" in the journal. Add them with "1:1: Add Person".', given))
    );
  }
  const people = index.people();
  if (people.length === 0) {
    const pick = await vscode.window.showInformationMessage(
      vscode.l10n.t('The journal has nobody in it yet.'),
      vscode.l10n.t('Add Person'),
    );
    if (pick) await vscode.commands.executeCommand('oneOnOne.addPerson');
    return undefined;
  }
  if (people.length === 1) return people[0];
  // The person used last comes first: capture is usually "the same 1:1 again".
  const first = people.findIndex((p) => p.slug === preferred);
  if (first > 0) people.unshift(...people.splice(first, 1));
  const picked = await vscode.window.showQuickPick(
    people.map((p) => ({
      label: p.name,
      description: [p.role, cadenceLabel(p)].filter(Boolean).join(' · '),
      person: p,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.person;
}

/** How often a person is met, in words ("weekly on Tue at 10:00"); the raw cadence when it does not parse. */
export function cadenceLabel(person: Person): string | undefined {
  return person.schedule ? describeSchedule(person.schedule) : person.cadence;
}

export async function openInEditor(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri, { preview: false });
}

export function optionalString(value: unknown, name: string): string | undefined | Error {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return new Error(vscode.l10n.t('"{0}" must be text.', name));
  return value.trim() === '' ? undefined : value.trim();
}

/** A short confirmation in the status bar, gone after a few seconds. */
export function note(message: string): void {
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 6000);
}

/** A journal path for a message: relative to the workspace when inside it, else in full (a personal journal). */
export function shownPath(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri) : uri.fsPath;
}

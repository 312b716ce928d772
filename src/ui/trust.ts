// In an untrusted workspace the journal is read-only (package.json:
// capabilities.untrustedWorkspaces "limited"): a command that would write a
// file or contact GitHub says so before it asks anything, and offers the
// workbench's own trust editor.

import * as vscode from 'vscode';

export const MANAGE_TRUST = vscode.l10n.t('Manage Workspace Trust');

/** Says why nothing happens (`action`: "add a person"), with a button to the trust editor. Always undefined. */
export function refuseUntrusted(action: string): undefined {
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t('This workspace is not trusted, so 1:1 Journal only reads it: trust the workspace to {0}.', action),
      MANAGE_TRUST,
    )
    .then((pick) => pick === MANAGE_TRUST && vscode.commands.executeCommand('workbench.trust.manage'));
  return undefined;
}

/** A command handler that runs only in a trusted workspace; otherwise it refuses, before any prompt. */
export function whenTrusted<A extends unknown[], R>(
  action: string,
  run: (...args: A) => R,
): (...args: A) => R | undefined {
  return (...args) => (vscode.workspace.isTrusted ? run(...args) : refuseUntrusted(action));
}

// GitHub sign-in the VS Code way: the built-in GitHub (or GitHub Enterprise
// Server) authentication provider. Asked silently first; the sign-in dialog
// shows only when the user asks for something that needs it. The token lives
// in memory for one request batch and is never stored by us.

import * as vscode from 'vscode';
import { ApiTarget, defaultTarget, GitHubSettings } from '../../core/evidence';

/** The scopes the GitHub Pull Requests extension asks for: an existing session is reused silently. */
export const SCOPES = ['read:user', 'user:email', 'repo'];

export interface GitHubAuth {
  /**
   * A token for the target's provider. `silent`: only a session VS Code
   * already has and lets us use; `ask`: may show the sign-in dialog;
   * `again`: sign in anew (the last token was refused).
   */
  token(target: ApiTarget, mode: 'silent' | 'ask' | 'again'): Promise<string | undefined>;
}

export const vscodeAuth: GitHubAuth = {
  async token(target, mode) {
    try {
      const options: vscode.AuthenticationGetSessionOptions =
        mode === 'silent'
          ? { silent: true }
          : mode === 'ask'
            ? { createIfNone: true }
            : {
                forceNewSession: {
                  detail: vscode.l10n.t('GitHub refused the last sign-in. Sign in again to link pull requests.'),
                },
              };
      const session = await vscode.authentication.getSession(target.provider, SCOPES, options);
      return session?.accessToken;
    } catch {
      // No such provider (a minimal VS Code build) or the user declined.
      return undefined;
    }
  },
};

export function githubSettings(): GitHubSettings {
  return {
    enterpriseUri: vscode.workspace.getConfiguration('github-enterprise').get<string>('uri'),
    apiUrl: vscode.workspace.getConfiguration('oneOnOne.github').get<string>('apiUrl'),
  };
}

export function currentDefaultTarget(): ApiTarget {
  return defaultTarget(githubSettings());
}

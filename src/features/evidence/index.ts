// Evidence of impact (Link Pull Requests as Wins, Enrich Evidence, Open Pull
// Request): its code is commands.ts and what it imports, bundled as
// dist/evidence.js and loaded on the first call (ui/lazy-commands.ts).

import * as vscode from 'vscode';
import { GitHubAuth, vscodeAuth } from '../../host/github/auth';
import { Services } from '../../host/services';
import { registerLazyCommands } from '../../ui/lazy-commands';

/** The GitHub sign-in the commands use, kept from activation on: VS Code's own, or the tests' fake. */
export interface GitHubSignIn {
  auth: GitHubAuth;
}

/** What the integration tests reach through the extension's test API: they give the commands a fake GitHub sign-in. */
export interface EvidenceTestApi {
  readonly linker: GitHubSignIn;
}

export function activateEvidence(context: vscode.ExtensionContext, services: Services): EvidenceTestApi {
  const github: GitHubSignIn = { auth: vscodeAuth };
  registerLazyCommands(
    context,
    services,
    'evidence.js',
    ['oneOnOne.linkPullRequest', 'oneOnOne.enrichEvidence', 'oneOnOne.openPullRequest'],
    github,
  );
  return { linker: github };
}

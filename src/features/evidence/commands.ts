// Evidence of impact: link merged pull requests and reviews as wins, fill in
// the ones linked offline, and open a win's pull request. Built as
// dist/evidence.js, loaded on the first call (index.ts registers the ids).

import * as vscode from 'vscode';
import { parsePullRequestUrl, parseWin, pullRequestUrl } from '../../core/evidence';
import { GitHubAuth } from '../../host/github/auth';
import { Services } from '../../host/services';
import { argsOf, fail } from '../../ui/commands';
import { CommandTable } from '../../ui/lazy-commands';
import { isNode } from '../../ui/nodes';
import { whenTrusted } from '../../ui/trust';
import { EvidenceEnricher } from './enrich';
import type { GitHubSignIn } from './index';
import { EvidenceLinker } from './link';

/** The commands of dist/evidence.js (index.ts registers them; ui/lazy-commands.ts loads this on the first call). */
export function commands(_context: vscode.ExtensionContext, services: Services, github: GitHubSignIn): CommandTable {
  // Whichever sign-in is current when a command runs (the tests put a fake one in `github`).
  const auth: GitHubAuth = { token: (target, mode) => github.auth.token(target, mode) };
  const linker = new EvidenceLinker(services, auth);
  const enricher = new EvidenceEnricher(services, () => github.auth);
  return {
    'oneOnOne.linkPullRequest': whenTrusted(
      vscode.l10n.t('link pull requests (it writes files and contacts GitHub)'),
      (arg?: unknown) => linker.linkPullRequest(arg),
    ),
    'oneOnOne.enrichEvidence': whenTrusted(
      vscode.l10n.t('fetch pull request details (it writes files and contacts GitHub)'),
      (arg?: unknown) => enricher.enrichEvidence(arg),
    ),
    'oneOnOne.openPullRequest': async (arg?: unknown) => {
      const url = argsOf<{ url: unknown }>(arg)?.url;
      const parsed =
        isNode(arg) && arg.type === 'win'
          ? parseWin(arg.text).ref
          : typeof url === 'string'
            ? parsePullRequestUrl(url)
            : undefined;
      const ref = parsed && 'ref' in parsed ? parsed.ref : parsed && !('error' in parsed) ? parsed : undefined;
      if (!ref) return fail(vscode.l10n.t('This is not a win that links a pull request.'));
      return vscode.env.openExternal(vscode.Uri.parse(pullRequestUrl(ref)));
    },
  };
}

// Evidence of impact: link merged pull requests and reviews as wins, fill in
// the ones linked offline, and open a win's pull request.

import * as vscode from 'vscode';
import { parsePullRequestUrl, parseWin, pullRequestUrl } from '../../core/evidence';
import { Services } from '../../host/services';
import { argsOf, fail } from '../../ui/commands';
import { isNode } from '../../ui/nodes';
import { vscodeAuth } from '../../host/github/auth';
import { EvidenceEnricher } from './enrich';
import { EvidenceLinker } from './link';
import { whenTrusted } from '../../ui/trust';

/** What the integration tests reach through the extension's test API (they give the linker a fake GitHub sign-in). */
export interface EvidenceTestApi {
  readonly linker: EvidenceLinker;
  readonly enricher: EvidenceEnricher;
}

export function activateEvidence(context: vscode.ExtensionContext, services: Services): EvidenceTestApi {
  const linker = new EvidenceLinker(services, vscodeAuth);
  const enricher = new EvidenceEnricher(services, () => linker.auth);
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'oneOnOne.linkPullRequest',
      whenTrusted(vscode.l10n.t('link pull requests (it writes files and contacts GitHub)'), (arg?: unknown) =>
        linker.linkPullRequest(arg),
      ),
    ),
    vscode.commands.registerCommand(
      'oneOnOne.enrichEvidence',
      whenTrusted(vscode.l10n.t('fetch pull request details (it writes files and contacts GitHub)'), (arg?: unknown) =>
        enricher.enrichEvidence(arg),
      ),
    ),
    vscode.commands.registerCommand('oneOnOne.openPullRequest', async (arg?: unknown) => {
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
    }),
  );
  return { linker, enricher };
}

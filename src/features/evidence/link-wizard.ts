// The questions "Link Pull Requests" asks in VS Code: the multi-select list of
// the pull requests I merged and reviewed (it loads while it is open, and a
// pasted address is linked too), the address alone when I would rather not
// sign in, and the goal to log progress on. What to do with the answers is
// core/evidence/link-plan.ts's.

import * as vscode from 'vscode';
import { ApiTarget, parsePullRequestUrl, refLabel } from '../../core/evidence';
import { Choice, keyOf, linkedKeys } from '../../core/evidence/link-plan';
import { listingFailedText } from '../../core/evidence/link-report';
import { Person } from '../../core/journal-index';
import { asGitHubError, GitHubSession } from '../../host/github/session';
import { Services } from '../../host/services';
import { noIcons } from './prompts';

interface PickItem extends vscode.QuickPickItem {
  readonly choice: Choice;
}

/** The multi-select list of my merged pull requests and my reviews since `since`, or a pasted address. */
export async function pickPullRequests(
  services: Services,
  session: GitHubSession,
  base: ApiTarget,
  target: { readonly person: Person; readonly date: string },
  since: string,
): Promise<Choice[] | undefined> {
  const title = vscode.l10n.t('Link pull requests to your 1:1 with {0} on {1}', target.person.name, target.date);
  let token = await session.token(base, 'silent');
  if (!token) {
    const answer = await signInOrPaste(base, title, since);
    if (!answer) return undefined;
    if (answer !== 'sign-in') return answer === 'paste' ? askForUrl(base, title) : answer;
    token = await session.token(base, 'ask');
    if (!token) return undefined;
  }
  return new Promise<Choice[] | undefined>((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem>();
    qp.title = title;
    qp.canSelectMany = true;
    qp.matchOnDescription = true;
    qp.ignoreFocusOut = true;
    qp.busy = true;
    qp.placeholder = vscode.l10n.t('Loading your pull requests merged since {0}… (or paste an address)', since);
    let listed: PickItem[] = [];
    let done = false;
    const finish = (value: Choice[] | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    const pastedItem = (value: string): PickItem | undefined => {
      const parsed = parsePullRequestUrl(value, base.host);
      return 'ref' in parsed
        ? {
            label: vscode.l10n.t('$(link) Link {0}', refLabel(parsed.ref)),
            description: vscode.l10n.t('pasted address'),
            alwaysShow: true,
            choice: { ref: parsed.ref },
          }
        : undefined;
    };
    qp.onDidChangeValue((value) => {
      const item = pastedItem(value);
      const selected = qp.selectedItems.filter((i) => i.choice.candidate);
      qp.items = item ? [item, ...listed] : listed;
      qp.selectedItems = item ? [item, ...selected] : selected;
    });
    qp.onDidAccept(() => {
      const picked = qp.selectedItems.map((i) => i.choice);
      const typed = pastedItem(qp.value);
      if (typed && !picked.some((c) => keyOf(c.ref) === keyOf(typed.choice.ref))) picked.unshift(typed.choice);
      finish(picked);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
    void session
      .candidates(base, since)
      .then((found) => {
        const linkedAlready = linkedKeys(services.store.index.meetingsOf(target.person.slug));
        const authored = found.authored.filter((c) => !linkedAlready.has(keyOf(c.ref)));
        const reviewed = found.reviewed.filter((r) => !linkedAlready.has(keyOf(r.candidate.ref)));
        listed = [
          ...(authored.length > 0 ? [separator(vscode.l10n.t('Merged since {0}', since))] : []),
          ...authored.map((c) => ({
            label: `$(git-merge) ${noIcons(c.title)}`,
            description: vscode.l10n.t('{0} · merged {1}', refLabel(c.ref), c.mergedAt?.slice(0, 10) ?? ''),
            choice: { ref: c.ref, candidate: c },
          })),
          ...(reviewed.length > 0 ? [separator(vscode.l10n.t('Reviews you gave'))] : []),
          ...reviewed.map((r) => ({
            label: `$(eye) ${noIcons(r.candidate.title)}`,
            description: vscode.l10n.t(
              '{0} · @{1} · you reviewed {2}',
              refLabel(r.candidate.ref),
              r.candidate.author,
              r.reviewedAt,
            ),
            choice: { ref: r.candidate.ref, candidate: r.candidate, reviewedAt: r.reviewedAt },
          })),
        ];
        const typed = pastedItem(qp.value);
        qp.items = typed ? [typed, ...listed] : listed;
        qp.placeholder =
          listed.length > 0
            ? vscode.l10n.t('Pick the pull requests to link (Space to select, Enter to link), or paste an address')
            : vscode.l10n.t(
                'Nothing merged or reviewed since {0} that is not linked yet. Paste a pull request address to link one.',
                since,
              );
      })
      .catch((error: unknown) => {
        const e = asGitHubError(error);
        if (e.kind === 'unauthorized') {
          finish(undefined);
          void vscode.window
            .showErrorMessage(
              vscode.l10n.t(
                'GitHub refused the sign-in ({0}). Sign in again to list your pull requests.',
                e.status ?? 401,
              ),
              vscode.l10n.t('Sign In Again'),
            )
            .then(async (pick) => {
              if (pick && (await session.token(base, 'again')))
                await vscode.commands.executeCommand('oneOnOne.linkPullRequest', { person: target.person.slug });
            });
          return;
        }
        services.log.warn(`Listing pull requests failed: ${e.message}`);
        qp.placeholder = listingFailedText(e);
      })
      .finally(() => {
        qp.busy = false;
      });
  });
}

/**
 * Signed out: sign in, or paste an address. An address typed or pasted right
 * into this list is linked on Enter (a filter that matched nothing did nothing).
 */
function signInOrPaste(
  base: ApiTarget,
  title: string,
  since: string,
): Promise<'sign-in' | 'paste' | Choice[] | undefined> {
  type Item = vscode.QuickPickItem & { readonly id: 'sign-in' | 'paste' | 'typed' };
  const options: Item[] = [
    {
      label: vscode.l10n.t('$(sign-in) Sign in to GitHub'),
      detail: vscode.l10n.t('to list the pull requests you merged and reviewed since {0}', since),
      id: 'sign-in',
    },
    {
      label: vscode.l10n.t('$(link) Paste a pull request address'),
      detail: vscode.l10n.t('public pull requests can be linked without signing in'),
      id: 'paste',
    },
  ];
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = title;
    qp.placeholder = vscode.l10n.t(
      'Your pull requests are listed once you are signed in to GitHub (or paste an address here)',
    );
    qp.ignoreFocusOut = true;
    qp.items = options;
    let done = false;
    const finish = (value: 'sign-in' | 'paste' | Choice[] | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    const typed = (): Choice[] | undefined => {
      const parsed = parsePullRequestUrl(qp.value.trim(), base.host);
      return 'ref' in parsed ? [{ ref: parsed.ref }] : undefined;
    };
    qp.onDidChangeValue(() => {
      const choice = typed();
      if (!choice) {
        qp.items = options;
        return;
      }
      const item: Item = {
        label: vscode.l10n.t('$(link) Link {0}', refLabel(choice[0]!.ref)),
        description: vscode.l10n.t('pasted address'),
        alwaysShow: true,
        id: 'typed',
      };
      qp.items = [item, ...options];
      qp.activeItems = [item];
    });
    qp.onDidAccept(() => {
      const choice = typed();
      const picked = qp.activeItems[0]?.id;
      if (choice && (picked === undefined || picked === 'typed')) finish(choice);
      else if (picked === 'sign-in' || picked === 'paste') finish(picked);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

async function askForUrl(base: ApiTarget, title: string): Promise<Choice[] | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Address of the pull request, e.g. https://github.com/owner/repo/pull/123'),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const parsed = parsePullRequestUrl(v, base.host);
      return 'error' in parsed ? parsed.error : undefined;
    },
  });
  if (value === undefined) return undefined;
  const parsed = parsePullRequestUrl(value, base.host);
  return 'ref' in parsed ? [{ ref: parsed.ref }] : undefined;
}

/** An active goal to log progress on: a slug, '' for none, null when the user cancels. */
export async function pickGoal(services: Services): Promise<string | null> {
  const goals = services.store.index.ofKind('goal').filter((g) => (g.status ?? 'active') === 'active');
  if (goals.length === 0) return '';
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('No goal'), description: vscode.l10n.t('just the wins'), slug: '' },
      ...goals.map((g) => ({ label: noIcons(g.title), description: `goals/${g.slug}.md`, slug: g.slug })),
    ],
    {
      title: vscode.l10n.t('Also log progress on a goal?'),
      placeHolder: vscode.l10n.t('Each pull request becomes a progress entry of the goal'),
      ignoreFocusOut: true,
    },
  );
  return picked ? picked.slug : null;
}

function separator(label: string): PickItem {
  return { label, kind: vscode.QuickPickItemKind.Separator, choice: undefined as unknown as Choice };
}
